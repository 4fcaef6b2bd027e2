package io.itsm.core.sla;

import io.itsm.core.ValidationException;
import java.time.Duration;
import java.util.Objects;

/**
 * One SLA target: so much business time on a calendar, for example 8 hours on {@link
 * BusinessCalendar#alwaysOpen()} or 24 hours of office time.
 *
 * <p>Immutable and thread-safe.
 *
 * @param duration the business time allowed; positive
 * @param calendar the calendar the time is counted on
 */
public record SlaTarget(Duration duration, BusinessCalendar calendar) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code duration} is zero or negative
   */
  public SlaTarget {
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(calendar, "calendar");
    if (duration.isZero() || duration.isNegative()) {
      throw new ValidationException("SLA target duration must be positive, but was " + duration);
    }
  }

  /**
   * A target of so much business time on a calendar.
   *
   * @param duration the business time allowed; positive
   * @param calendar the calendar
   * @return the target
   * @throws ValidationException if {@code duration} is zero or negative
   */
  public static SlaTarget of(Duration duration, BusinessCalendar calendar) {
    return new SlaTarget(duration, calendar);
  }
}
