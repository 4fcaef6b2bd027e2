package io.itsm.core.metrics;

import io.itsm.core.ValidationException;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.metrics.internal.StaffingAccumulator;
import io.itsm.core.repository.IncidentRepository;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Staffing from history: how many agents each queue (callers' language × channel) needs in each
 * hour of the week to answer tickets within a time, by {@link ErlangC}, shown against the hours a
 * calendar covers.
 *
 * <p>Arrivals per hour are the tickets opened in that hour of that weekday over the period,
 * divided by how often that hour of that weekday occurs in it (a four-week period has four Monday
 * 09:00 hours). The handling time is each queue's mean {@link Metric#HANDLING_TIME} over its
 * incidents resolved in the period (the whole period's mean for a queue with none), unless the
 * query gives one. Coverage is the share of each weekday hour that the calendar counts as working
 * time, over the period.
 *
 * <pre>{@code
 * StaffingPlan plan = Staffing.plan(repository, StaffingQuery.of(period, Duration.ofMinutes(30)));
 * plan.uncovered();   // hours with tickets but no staff on the calendar
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Staffing {

  private Staffing() {}

  /**
   * Plans staffing from a repository's histories.
   *
   * @param repository the store
   * @param query what to compute
   * @return the plan
   * @throws ValidationException if no handling time can be measured and none is given
   */
  public static StaffingPlan plan(IncidentRepository repository, StaffingQuery query) {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(query, "query");
    try (Stream<List<IncidentEvent>> h =
        repository.histories(query.period().from(), query.period().to())) {
      return plan(h.iterator(), query);
    }
  }

  /**
   * Plans staffing from histories.
   *
   * @param histories whole histories, one per incident
   * @param query what to compute
   * @return the plan; no rows when nothing arrived in the period
   * @throws ValidationException if tickets arrived but no handling time can be measured (no
   *     incident resolved in the period, or all in no time) and none is given
   */
  public static StaffingPlan plan(Iterator<? extends List<? extends IncidentEvent>> histories,
      StaffingQuery query) {
    Objects.requireNonNull(histories, "histories");
    Objects.requireNonNull(query, "query");
    StaffingAccumulator acc = new StaffingAccumulator(query);
    while (histories.hasNext()) {
      acc.add(histories.next());
    }
    Instant to = query.period().to();
    if (acc.firstArrival().isEmpty()) {
      return new StaffingPlan(query, query.period().from(), to, List.of());
    }
    Instant from = query.period().from().equals(Period.BEGINNING)
        ? acc.firstArrival().get().atZone(query.zone()).truncatedTo(ChronoUnit.DAYS).toInstant()
        : query.period().from();
    long[] occurrences = new long[168];
    double[] covered = new double[168];
    ZonedDateTime h = from.atZone(query.zone()).truncatedTo(ChronoUnit.HOURS);
    while (h.toInstant().isBefore(to)) {
      ZonedDateTime next = h.plusHours(1);
      int i = (h.getDayOfWeek().getValue() - 1) * 24 + h.getHour();
      Instant a = h.toInstant().isBefore(from) ? from : h.toInstant();
      Instant b = next.toInstant().isAfter(to) ? to : next.toInstant();
      occurrences[i]++;
      covered[i] += query.coverage().businessTimeBetween(a, b).toMillis() / 3_600_000.0;
      h = next;
    }
    long allSeconds = acc.queues().values().stream().mapToLong(q -> q.handlingSeconds).sum();
    long allHandled = acc.queues().values().stream().mapToLong(q -> q.handled).sum();
    List<StaffingPlan.Row> rows = new ArrayList<>();
    for (Map.Entry<List<String>, StaffingAccumulator.Queue> e : acc.queues().entrySet()) {
      StaffingAccumulator.Queue q = e.getValue();
      Duration aht = query.handlingTime().orElseGet(() -> q.handled > 0 && q.handlingSeconds > 0
          ? Duration.ofSeconds(Math.round((double) q.handlingSeconds / q.handled))
          : measuredMean(allSeconds, allHandled));
      for (int i = 0; i < 168; i++) {
        double arrivals = occurrences[i] == 0 ? 0 : (double) q.arrivals[i] / occurrences[i];
        int agents = ErlangC.agentsNeeded(arrivals, aht, query.answerWithin(), query.serviceLevel());
        double sl = ErlangC.serviceLevel(agents, arrivals, aht, query.answerWithin());
        double coverage = occurrences[i] == 0 ? 0 : Math.min(1, covered[i] / occurrences[i]);
        rows.add(new StaffingPlan.Row(e.getKey().get(0), e.getKey().get(1),
            DayOfWeek.of(i / 24 + 1), i % 24, arrivals, aht, agents, sl, coverage));
      }
    }
    return new StaffingPlan(query, from, to, rows);
  }

  private static Duration measuredMean(long seconds, long handled) {
    if (handled == 0 || seconds == 0) {
      throw new ValidationException("staffing needs a handling time: no incident was resolved"
          + " after time worked in the period" + (handled == 0 ? "" : " (all " + handled
          + " were resolved in no time)") + "; give one (StaffingQuery.withHandlingTime, or"
          + " --handling-time on the command line)");
    }
    return Duration.ofSeconds(Math.max(1, Math.round((double) seconds / handled)));
  }
}
