package io.itsm.core.improvement.internal;

import io.itsm.core.incident.Incident;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The incidents logged within a look-back window, for recurrence detection: each new incident is
 * compared with those logged before it within the window. Older ones are dropped as newer ones
 * come; at most {@link #MAX_INCIDENTS} are kept (the oldest go first).
 *
 * <p>Thread-safe.
 */
public final class RecentIncidents {

  /** The most incidents kept. */
  public static final int MAX_INCIDENTS = 200_000;

  private final Map<String, Incident> byId = new LinkedHashMap<>();

  /** Creates an empty window. */
  public RecentIncidents() {}

  /**
   * Adds an incident (replacing a kept one of the same id) and returns the others logged within
   * {@code lookBack} before it, oldest first.
   *
   * @param incident the new incident
   * @param lookBack how far back to look
   * @return the recent incidents, without the new one
   */
  public synchronized List<Incident> add(Incident incident, Duration lookBack) {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(lookBack, "lookBack");
    java.time.Instant from = incident.openedAt().minus(lookBack);
    List<Incident> recent = new ArrayList<>();
    for (Iterator<Incident> it = byId.values().iterator(); it.hasNext(); ) {
      Incident i = it.next();
      if (i.id().equals(incident.id())) {
        continue;
      }
      if (i.openedAt().isBefore(from)) {
        if (i.openedAt().isBefore(incident.openedAt().minus(lookBack.multipliedBy(2)))) {
          it.remove(); // far behind the newest: no later incident needs it
        }
        continue;
      }
      if (!i.openedAt().isAfter(incident.openedAt())) {
        recent.add(i);
      }
    }
    byId.remove(incident.id());
    byId.put(incident.id(), incident);
    while (byId.size() > MAX_INCIDENTS) {
      Iterator<String> oldest = byId.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    recent.sort(Comparator.comparing(Incident::openedAt).thenComparing(Incident::id));
    return List.copyOf(recent);
  }

  /**
   * Returns how many incidents are kept.
   *
   * @return the count
   */
  public synchronized int size() {
    return byId.size();
  }
}
