package io.itsm.core.metrics;

import io.itsm.core.ValidationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Agents needed per hour of the week and queue (language × channel), by Erlang C, against the
 * calendar's coverage: the result of {@link Staffing#plan}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param query what was computed
 * @param measuredFrom the start of the measured span: the period's start, or the day of the first
 *     arrival when the period has no start
 * @param measuredTo the end of the measured span (the period's end)
 * @param rows one row per queue and hour of the week (168 per queue), queues in order of
 *     language then channel, hours from Monday 00:00
 */
public record StaffingPlan(StaffingQuery query, Instant measuredFrom, Instant measuredTo,
    List<Row> rows) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public StaffingPlan {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(measuredFrom, "measuredFrom");
    Objects.requireNonNull(measuredTo, "measuredTo");
    rows = List.copyOf(rows);
  }

  /**
   * The rows where tickets arrive but the calendar does not cover the whole hour: demand the
   * desk does not staff.
   *
   * @return those rows, in order
   */
  public List<Row> uncovered() {
    return rows.stream().filter(r -> r.agents() > 0 && r.coverage() < 1).toList();
  }

  /**
   * One queue in one hour of the week.
   *
   * @param language the callers' language, or {@link Dimension#NONE}
   * @param channel the channel, or {@link Dimension#NONE}
   * @param day the weekday
   * @param hour the hour of the day, 0–23
   * @param arrivalsPerHour mean tickets opened in this hour of this weekday over the period
   * @param handlingTime the mean handling time used
   * @param agents agents needed to reach the service-level goal (0 when nothing arrives)
   * @param serviceLevel the share answered in time with that many agents
   * @param coverage the share of this hour that the calendar covers, over the period (0–1)
   */
  public record Row(String language, String channel, DayOfWeek day, int hour,
      double arrivalsPerHour, Duration handlingTime, int agents, double serviceLevel,
      double coverage) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     * @throws ValidationException if the hour is not 0–23 or a number is negative
     */
    public Row {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(handlingTime, "handlingTime");
      if (hour < 0 || hour > 23) {
        throw new ValidationException("staffing hour must be 0-23, but was " + hour);
      }
      if (arrivalsPerHour < 0 || agents < 0 || coverage < 0) {
        throw new ValidationException("staffing row values must be 0 or more");
      }
    }
  }
}
