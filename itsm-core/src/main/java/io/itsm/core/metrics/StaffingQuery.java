package io.itsm.core.metrics;

import io.itsm.core.ValidationException;
import io.itsm.core.sla.BusinessCalendar;
import io.itsm.core.sla.SlaPolicy;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Staffing#plan} computes: arrivals are counted over a period, per hour of the week in
 * a zone; agents are sized to answer a share of tickets ({@code serviceLevel}) within a time
 * ({@code answerWithin}, usually the response target); the result is shown against a calendar's
 * coverage.
 *
 * <p>Immutable and thread-safe.
 *
 * @param period the period arrivals and handling times are measured over
 * @param zone the zone of weekdays and hours
 * @param answerWithin the time within which tickets should be answered, positive
 * @param serviceLevel the share to answer within it, above 0 and below 1 (0.8: 80 %)
 * @param handlingTime a handling time to use instead of the measured one (mean {@link
 *     Metric#HANDLING_TIME} of each queue's incidents resolved in the period)
 * @param coverage the calendar of staffed hours
 * @param slaPolicy the SLA policy whose calendars measure handling times
 */
public record StaffingQuery(
    Period period, ZoneId zone, Duration answerWithin, double serviceLevel,
    Optional<Duration> handlingTime, BusinessCalendar coverage, SlaPolicy slaPolicy) {

  /** The service-level goal by default: 80 % answered within the time. */
  public static final double DEFAULT_SERVICE_LEVEL = 0.8;

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if a duration is not positive or the service level not in (0, 1)
   */
  public StaffingQuery {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(answerWithin, "answerWithin");
    Objects.requireNonNull(handlingTime, "handlingTime");
    Objects.requireNonNull(coverage, "coverage");
    Objects.requireNonNull(slaPolicy, "slaPolicy");
    if (answerWithin.isNegative() || answerWithin.isZero()) {
      throw new ValidationException("staffing answer-within time must be positive, but was "
          + answerWithin);
    }
    if (!(serviceLevel > 0 && serviceLevel < 1)) {
      throw new ValidationException(
          "staffing service level must be above 0 and below 1 (0.8 for 80 %), but was " + serviceLevel);
    }
    handlingTime.ifPresent(h -> {
      if (h.isNegative() || h.isZero()) {
        throw new ValidationException("staffing handling time must be positive, but was " + h);
      }
    });
  }

  /**
   * A query with the defaults: UTC, 80 %, measured handling times, covered by {@link
   * SlaPolicy#DEFAULT_BUSINESS_CALENDAR}, the default SLA policy.
   *
   * @param period the period
   * @param answerWithin the answer time
   * @return the query
   */
  public static StaffingQuery of(Period period, Duration answerWithin) {
    return new StaffingQuery(period, ZoneOffset.UTC, answerWithin, DEFAULT_SERVICE_LEVEL,
        Optional.empty(), SlaPolicy.DEFAULT_BUSINESS_CALENDAR, SlaPolicy.defaults());
  }

  /**
   * Returns a copy in another zone.
   *
   * @param zone the zone
   * @return the query
   */
  public StaffingQuery withZone(ZoneId zone) {
    return new StaffingQuery(period, zone, answerWithin, serviceLevel, handlingTime, coverage, slaPolicy);
  }

  /**
   * Returns a copy with another service-level goal.
   *
   * @param serviceLevel the share, above 0 and below 1
   * @return the query
   */
  public StaffingQuery withServiceLevel(double serviceLevel) {
    return new StaffingQuery(period, zone, answerWithin, serviceLevel, handlingTime, coverage, slaPolicy);
  }

  /**
   * Returns a copy with a given handling time instead of the measured one.
   *
   * @param handlingTime the mean handling time
   * @return the query
   */
  public StaffingQuery withHandlingTime(Duration handlingTime) {
    return new StaffingQuery(period, zone, answerWithin, serviceLevel, Optional.of(handlingTime),
        coverage, slaPolicy);
  }

  /**
   * Returns a copy shown against another calendar.
   *
   * @param coverage the staffed hours
   * @return the query
   */
  public StaffingQuery withCoverage(BusinessCalendar coverage) {
    return new StaffingQuery(period, zone, answerWithin, serviceLevel, handlingTime, coverage, slaPolicy);
  }

  /**
   * Returns a copy measuring handling times by another SLA policy's calendars.
   *
   * @param slaPolicy the policy
   * @return the query
   */
  public StaffingQuery withSlaPolicy(SlaPolicy slaPolicy) {
    return new StaffingQuery(period, zone, answerWithin, serviceLevel, handlingTime, coverage, slaPolicy);
  }
}
