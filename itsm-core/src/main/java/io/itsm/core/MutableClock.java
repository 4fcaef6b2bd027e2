package io.itsm.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} whose instant you set and move by hand: for tests, simulations, replays of past
 * histories and demos. Give it to {@link ServiceDesk.Builder#clock(Clock)} (and to a triage
 * engine) and move time with {@link #advance(Duration)} or {@link #set(Instant)}; the clock never
 * moves by itself.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at(Instant.parse("2026-11-23T09:00:00Z"));
 * ServiceDesk desk = ServiceDesk.builder().clock(clock).slaPolicy(SlaPolicy.defaults()).build();
 * String id = desk.log(agent, ticket).id();
 * clock.advance(Duration.ofHours(3));
 * desk.tick();                       // SLA thresholds reached in those three hours are recorded
 * }</pre>
 *
 * <p>Clocks made by {@link #withZone(ZoneId)} share the instant with the clock they came from:
 * moving one moves all of them. Two {@code MutableClock}s are equal when they share the instant
 * and have the same zone.
 *
 * <p>Thread-safe: the instant is held atomically; a reader sees either the instant before or
 * after a concurrent {@code set}/{@code advance}, never a torn value. Time may be set backwards
 * ({@link #set}); the desk then stamps events no earlier than the incident's last change.
 */
public final class MutableClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * A clock standing at an instant, in UTC.
   *
   * @param instant where it stands
   * @return the clock
   * @throws NullPointerException if {@code instant} is null
   */
  public static MutableClock at(Instant instant) {
    return at(instant, ZoneOffset.UTC);
  }

  /**
   * A clock standing at an instant, in a time zone.
   *
   * @param instant where it stands
   * @param zone the zone {@link #getZone()} reports
   * @return the clock
   * @throws NullPointerException if an argument is null
   */
  public static MutableClock at(Instant instant, ZoneId zone) {
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(zone, "zone");
    return new MutableClock(new AtomicReference<>(instant), zone);
  }

  /**
   * Sets the instant, forwards or backwards.
   *
   * @param instant the new instant
   * @throws NullPointerException if {@code instant} is null
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  /**
   * Moves the clock by a duration, atomically (two threads advancing by one hour each move it by
   * two hours).
   *
   * @param duration how far; negative moves it back
   * @return the instant after the move
   * @throws NullPointerException if {@code duration} is null
   * @throws java.time.DateTimeException if the result is outside the range of {@link Instant}
   */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    return now.updateAndGet(t -> t.plus(duration));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /**
   * Returns a clock in another zone that shares this clock's instant.
   *
   * @param zone the zone
   * @return the clock; moving it moves this one
   * @throws NullPointerException if {@code zone} is null
   */
  @Override
  public MutableClock withZone(ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    return zone.equals(this.zone) ? this : new MutableClock(now, zone);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MutableClock c && c.now == now && c.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(now) * 31 + zone.hashCode();
  }

  @Override
  public String toString() {
    return "MutableClock[" + now.get() + "," + zone + "]";
  }
}
