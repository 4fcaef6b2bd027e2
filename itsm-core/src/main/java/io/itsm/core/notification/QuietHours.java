package io.itsm.core.notification;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The hours of the day a recipient does not want routine messages, in the recipient's zone; may
 * wrap midnight ({@code 22:00–07:00}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param from when they start, inclusive
 * @param to when they end, exclusive; not equal to {@code from}
 */
public record QuietHours(LocalTime from, LocalTime to) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code from} equals {@code to}
   */
  public QuietHours {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.equals(to)) {
      throw new ValidationException("quiet hours must not start and end at the same time, but were "
          + from + "–" + to);
    }
  }

  /**
   * Quiet hours.
   *
   * @param from start, inclusive
   * @param to end, exclusive
   * @return the quiet hours
   */
  public static QuietHours of(LocalTime from, LocalTime to) {
    return new QuietHours(from, to);
  }

  /**
   * Tells whether an instant falls in the quiet hours.
   *
   * @param at the instant
   * @param zone the recipient's zone
   * @return whether it is quiet then
   */
  public boolean contains(Instant at, ZoneId zone) {
    LocalTime t = at.atZone(zone).toLocalTime();
    return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
  }

  /**
   * Returns when the quiet hours that contain an instant end.
   *
   * @param at an instant inside the quiet hours
   * @param zone the recipient's zone
   * @return the end, after {@code at}
   */
  public Instant endAfter(Instant at, ZoneId zone) {
    ZonedDateTime z = at.atZone(zone);
    ZonedDateTime end = z.toLocalDate().atTime(to).atZone(zone);
    if (!end.isAfter(z)) {
      end = z.toLocalDate().plusDays(1).atTime(to).atZone(zone);
    }
    return end.toInstant();
  }

  /**
   * Returns {@code "22:00–07:00"}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return from + "–" + to;
  }
}
