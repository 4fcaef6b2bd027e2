package io.itsm.examples.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock the demo moves forward by hand, so a week of service-desk work runs in a second and
 * prints the same timeline on every run. Time only moves forward.
 *
 * <pre>{@code
 * DemoClock clock = new DemoClock(Instant.parse("2026-03-02T08:00:00Z"));
 * ServiceDesk desk = ServiceDesk.builder().clock(clock).build();
 * clock.advance(Duration.ofHours(2));
 * }</pre>
 *
 * <p>Not thread-safe: one thread moves it and reads it.
 */
public final class DemoClock extends Clock {

  private Instant now;

  /**
   * Creates a clock standing at an instant, in UTC.
   *
   * @param start the first instant
   */
  public DemoClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /**
   * Not supported: the demo works in UTC.
   *
   * @param zone ignored
   * @return never
   * @throws UnsupportedOperationException always, unless {@code zone} is UTC
   */
  @Override
  public Clock withZone(ZoneId zone) {
    if (ZoneOffset.UTC.equals(zone)) {
      return this;
    }
    throw new UnsupportedOperationException("DemoClock runs in UTC, but was asked for " + zone);
  }

  /**
   * Moves the clock to an instant.
   *
   * @param instant the new time, not before the current one
   * @throws IllegalArgumentException if {@code instant} is before the current time
   */
  public void moveTo(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    if (instant.isBefore(now)) {
      throw new IllegalArgumentException(
          "the demo clock only moves forward, but " + instant + " is before " + now);
    }
    now = instant;
  }

  /**
   * Moves the clock forward.
   *
   * @param duration zero or more
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public void advance(Duration duration) {
    moveTo(now.plus(Objects.requireNonNull(duration, "duration")));
  }
}
