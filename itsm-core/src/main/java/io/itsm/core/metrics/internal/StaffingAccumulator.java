package io.itsm.core.metrics.internal;

import io.itsm.core.event.IncidentEvent;
import io.itsm.core.metrics.Dimension;
import io.itsm.core.metrics.StaffingQuery;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Counts arrivals per queue (language × channel) and hour of the week, and sums the handling
 * times of each queue's incidents resolved in the period.
 *
 * <p>Not thread-safe.
 */
public final class StaffingAccumulator {

  /** The sums of one queue. */
  public static final class Queue {
    /** Arrivals per hour of the week, Monday 00:00 first. */
    public final long[] arrivals = new long[168];
    /** Sum of handling seconds of the incidents resolved in the period. */
    public long handlingSeconds;
    /** How many incidents resolved in the period were measured. */
    public long handled;
  }

  private final StaffingQuery query;
  private final TreeMap<List<String>, Queue> queues = new TreeMap<>((a, b) -> {
    int c = a.get(0).compareTo(b.get(0));
    return c != 0 ? c : a.get(1).compareTo(b.get(1));
  });
  private Instant firstArrival;

  /**
   * Creates an empty accumulator.
   *
   * @param query the query
   */
  public StaffingAccumulator(StaffingQuery query) {
    this.query = query;
  }

  /**
   * Adds one incident's history.
   *
   * @param history the whole history
   */
  public void add(List<? extends IncidentEvent> history) {
    if (history.isEmpty()) {
      return;
    }
    Optional<IncidentFacts> read =
        IncidentFacts.read(history, query.period().to(), query.slaPolicy());
    if (read.isEmpty()) {
      return;
    }
    IncidentFacts f = read.get();
    List<String> key = List.of(f.language == null ? Dimension.NONE : f.language,
        f.channel == null ? Dimension.NONE : f.channel);
    Queue q = queues.computeIfAbsent(key, k -> new Queue());
    if (query.period().contains(f.openedAt)) {
      ZonedDateTime z = f.openedAt.atZone(query.zone());
      q.arrivals[(z.getDayOfWeek().getValue() - 1) * 24 + z.getHour()]++;
      if (firstArrival == null || f.openedAt.isBefore(firstArrival)) {
        firstArrival = f.openedAt;
      }
    }
    if (f.finalResolvedAt != null && query.period().contains(f.finalResolvedAt)) {
      q.handlingSeconds += f.handling(f.sla.resolution().target().calendar(), (w, s) -> { });
      q.handled++;
    }
  }

  /**
   * Returns the queues, by language then channel.
   *
   * @return key [language, channel] → sums
   */
  public TreeMap<List<String>, Queue> queues() {
    return queues;
  }

  /**
   * Returns the first arrival in the period.
   *
   * @return the earliest openedAt counted, or empty
   */
  public Optional<Instant> firstArrival() {
    return Optional.ofNullable(firstArrival);
  }
}
