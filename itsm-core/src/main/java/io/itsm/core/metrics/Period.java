package io.itsm.core.metrics;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open period of time {@code [from, to)} that metrics are computed for. Counts include
 * what happened at or after {@code from} and before {@code to}; states (the backlog) are taken at
 * {@code to}, after every event before it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the start, inclusive; {@link #BEGINNING} for "since the first incident"
 * @param to the end, exclusive
 */
public record Period(Instant from, Instant to) {

  /** The start of a period without a start: 1970-01-01T00:00:00Z. */
  public static final Instant BEGINNING = Instant.EPOCH;

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a bound is null
   * @throws ValidationException if {@code from} is not before {@code to}
   */
  public Period {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new ValidationException(
          "period start must be before its end, but was from " + from + " to " + to);
    }
  }

  /**
   * The period from {@link #BEGINNING} to an instant.
   *
   * @param to the end, exclusive
   * @return the period
   * @throws ValidationException if {@code to} is not after {@link #BEGINNING}
   */
  public static Period until(Instant to) {
    return new Period(BEGINNING, to);
  }

  /**
   * Tells whether an instant lies in the period.
   *
   * @param instant the instant
   * @return {@code true} if {@code from <= instant < to}
   */
  public boolean contains(Instant instant) {
    return !instant.isBefore(from) && instant.isBefore(to);
  }

  /**
   * Returns a copy with another start.
   *
   * @param from the new start
   * @return the period
   * @throws ValidationException if it is not before {@link #to()}
   */
  public Period withFrom(Instant from) {
    return new Period(from, to);
  }

  /**
   * Returns a copy with another end.
   *
   * @param to the new end
   * @return the period
   * @throws ValidationException if it is not after {@link #from()}
   */
  public Period withTo(Instant to) {
    return new Period(from, to);
  }
}
