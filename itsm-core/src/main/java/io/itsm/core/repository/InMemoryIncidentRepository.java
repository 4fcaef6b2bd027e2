package io.itsm.core.repository;

import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Incident;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An incident repository in memory, for tests, examples and applications that persist elsewhere
 * (for example by listening to events).
 *
 * <p>Thread-safe: appends to one incident are serialized and compare the version atomically;
 * readers never block writers of other incidents and always see a complete command's events.
 */
public final class InMemoryIncidentRepository implements IncidentRepository {

  private record Entry(Incident state, List<IncidentEvent> events) {}

  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

  /** Creates an empty repository. */
  public InMemoryIncidentRepository() {}

  @Override
  public void append(long expectedVersion, List<IncidentEvent> events, Incident newState) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(newState, "newState");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("events must not be empty");
    }
    String id = newState.id();
    List<IncidentEvent> added = List.copyOf(events);
    entries.compute(
        id,
        (key, current) -> {
          long actual = current == null ? 0 : current.state().version();
          if (actual != expectedVersion) {
            throw new StaleVersionException(id, expectedVersion, actual);
          }
          List<IncidentEvent> all =
              new ArrayList<>((current == null ? 0 : current.events().size()) + added.size());
          if (current != null) {
            all.addAll(current.events());
          }
          all.addAll(added);
          return new Entry(newState, Collections.unmodifiableList(all));
        });
  }

  @Override
  public Optional<Incident> find(String id) {
    Objects.requireNonNull(id, "id");
    Entry e = entries.get(id);
    return e == null ? Optional.empty() : Optional.of(e.state());
  }

  @Override
  public List<IncidentEvent> history(String id) {
    Objects.requireNonNull(id, "id");
    Entry e = entries.get(id);
    return e == null ? List.of() : e.events();
  }

  @Override
  public List<Incident> find(IncidentQuery query) {
    Objects.requireNonNull(query, "query");
    List<Incident> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (query.matches(e.state())) {
        out.add(e.state());
      }
    }
    out.sort(Comparator.comparing(Incident::id));
    return out;
  }
}
