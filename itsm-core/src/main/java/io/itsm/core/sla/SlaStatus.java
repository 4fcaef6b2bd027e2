package io.itsm.core.sla;

import io.itsm.core.ValidationException;
import io.itsm.core.event.SlaKind;
import io.itsm.core.incident.OnHoldReason;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The state of one SLA clock (response or resolution) of an incident at an instant, as computed
 * by {@link SlaClock}: when it started, how much business time has elapsed and was paused, when
 * it is due, how much of the target is used, and whether and when it was breached.
 *
 * <p>Business time is counted on the target's calendar; {@link #paused()} is the business time
 * that the pauses kept off the clock (what would have counted without them), not wall-clock time.
 *
 * <p>Immutable and thread-safe.
 */
public final class SlaStatus {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);

  private final SlaKind kind;
  private final SlaTarget target;
  private final SlaState state;
  private final Instant startedAt;
  private final Instant evaluatedAt;
  private final Duration elapsed;
  private final Duration paused;
  private final Set<OnHoldReason> pauseReasons;
  private final Optional<Instant> pausedSince;
  private final Optional<Instant> stoppedAt;
  private final Instant dueAt;
  private final Optional<Instant> breachedAt;
  private final ZoneId zone;
  private final boolean closedWithoutResolution;
  // the blocks the clock ran, [runs[2i], runs[2i+1]), oldest first; used to find crossings
  private final List<Instant> runs;

  SlaStatus(SlaKind kind, SlaTarget target, SlaState state, Instant startedAt, Instant evaluatedAt,
      Duration elapsed, Duration paused, Set<OnHoldReason> pauseReasons, Optional<Instant> pausedSince,
      Optional<Instant> stoppedAt, List<Instant> runs, ZoneId zone, boolean closedWithoutResolution) {
    this.kind = kind;
    this.target = target;
    this.state = state;
    this.startedAt = startedAt;
    this.evaluatedAt = evaluatedAt;
    this.elapsed = elapsed;
    this.paused = paused;
    this.pauseReasons = pauseReasons.isEmpty() ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(pauseReasons));
    this.pausedSince = pausedSince;
    this.stoppedAt = stoppedAt;
    this.runs = List.copyOf(runs);
    this.zone = zone;
    this.closedWithoutResolution = closedWithoutResolution;
    Duration goal = target.duration();
    this.breachedAt = elapsed.compareTo(goal) > 0 ? crossing(goal) : Optional.empty();
    if (elapsed.compareTo(goal) >= 0) {
      this.dueAt = crossing(goal).orElseThrow();
    } else {
      Instant anchor = stoppedAt.orElse(evaluatedAt);
      this.dueAt = target.calendar().addBusinessTime(anchor, goal.minus(elapsed));
    }
  }

  /** The instant the clock had run {@code amount} of business time, if it has. */
  private Optional<Instant> crossing(Duration amount) {
    BusinessCalendar cal = target.calendar();
    Duration cum = Duration.ZERO;
    for (int i = 0; i < runs.size(); i += 2) {
      Duration block = cal.businessTimeBetween(runs.get(i), runs.get(i + 1));
      Duration after = cum.plus(block);
      if (after.compareTo(amount) >= 0) {
        Duration rest = amount.minus(cum);
        return Optional.of(rest.isZero() ? runs.get(i) : cal.addBusinessTime(runs.get(i), rest));
      }
      cum = after;
    }
    return Optional.empty();
  }

  /**
   * Returns which clock this is.
   *
   * @return response or resolution
   */
  public SlaKind kind() {
    return kind;
  }

  /**
   * Returns the target measured against (chosen by the {@link SlaPolicy} for the incident's
   * current priority).
   *
   * @return the target
   */
  public SlaTarget target() {
    return target;
  }

  /**
   * Returns where the clock stands.
   *
   * @return the state
   */
  public SlaState state() {
    return state;
  }

  /**
   * Returns when the clock started: the incident's {@code openedAt}.
   *
   * @return the start
   */
  public Instant startedAt() {
    return startedAt;
  }

  /**
   * Returns the instant this status describes.
   *
   * @return the evaluation instant
   */
  public Instant evaluatedAt() {
    return evaluatedAt;
  }

  /**
   * Returns the business time the clock has run (until it stopped, or until {@link
   * #evaluatedAt()}).
   *
   * @return the elapsed business time
   */
  public Duration elapsed() {
    return elapsed;
  }

  /**
   * Returns the business time kept off the clock by pauses.
   *
   * @return the paused business time
   */
  public Duration paused() {
    return paused;
  }

  /**
   * Returns the on-hold reasons that paused this clock.
   *
   * @return an immutable set, empty if it never paused
   */
  public Set<OnHoldReason> pauseReasons() {
    return pauseReasons;
  }

  /**
   * Returns since when the clock is paused, if it is.
   *
   * @return the start of the current pause
   */
  public Optional<Instant> pausedSince() {
    return pausedSince;
  }

  /**
   * Returns when the clock stopped (response, resolution or cancellation), if it has.
   *
   * @return the stop instant
   */
  public Optional<Instant> stoppedAt() {
    return stoppedAt;
  }

  /**
   * Returns when the target is (or was) reached: the instant the elapsed business time equals the
   * target. When the target has not been reached yet, it is projected as if the clock ran from
   * now on without pause — from {@link #evaluatedAt()} when running or paused, from {@link
   * #stoppedAt()} when stopped (so a met target shows when it would have been due).
   *
   * @return the due instant
   */
  public Instant dueAt() {
    return dueAt;
  }

  /**
   * Returns how much of the target is used.
   *
   * @return {@code elapsed / target * 100}; above 100 when breached
   */
  public double percentUsed() {
    return elapsed.toNanos() * 100.0 / target.duration().toNanos();
  }

  /**
   * Returns the business time left before the target is reached.
   *
   * @return the time left, zero when reached
   */
  public Duration left() {
    Duration d = target.duration().minus(elapsed);
    return d.isNegative() ? Duration.ZERO : d;
  }

  /**
   * Tells whether the clock went past its target: more business time elapsed than the target
   * allows. Exactly the target (a response at the due instant) is not a breach.
   *
   * @return {@code true} if breached
   */
  public boolean breached() {
    return breachedAt.isPresent();
  }

  /**
   * Returns when the clock crossed 100 % of its target, if it went past it.
   *
   * @return the instant the target was reached, when breached
   */
  public Optional<Instant> breachedAt() {
    return breachedAt;
  }

  /**
   * Returns the instant the clock reached a share of its target, if it has by {@link
   * #evaluatedAt()} (or by its stop). Computed from the blocks the clock ran, with the calendar's
   * {@code addBusinessTime}, so it is exact to the nanosecond.
   *
   * @param percent the share, 1 or more (100 is the target itself)
   * @return the instant, or empty when the clock has not run that long
   * @throws ValidationException if {@code percent} is below 1
   */
  public Optional<Instant> reachedAt(int percent) {
    if (percent < 1) {
      throw new ValidationException("percent must be 1 or more, but was " + percent);
    }
    Duration amount = target.duration().multipliedBy(percent).dividedBy(100);
    if (amount.isZero() || elapsed.compareTo(amount) < 0) {
      return Optional.empty();
    }
    return crossing(amount);
  }

  /**
   * Explains the status in one sentence, with instants in the calendar's time zone (UTC for 24×7
   * calendars), durations in hours and minutes, and the percent used rounded down. For example:
   *
   * <ul>
   *   <li>{@code resolution due Tue 24 Nov 10:30 UTC; paused 3 h 12 min awaiting user; 82 % used}
   *   <li>{@code response overdue since Mon 23 Nov 09:15 UTC; 140 % used}
   *   <li>{@code resolution paused since Mon 23 Nov 14:00 UTC, 4 h 48 min left; paused 1 h
   *       awaiting user; 40 % used}
   *   <li>{@code response met Mon 23 Nov 09:10 UTC, due Mon 23 Nov 09:15 UTC; 66 % used}
   *   <li>{@code resolution missed Tue 24 Nov 12:00 UTC, due Tue 24 Nov 10:30 UTC; 118 % used}
   *   <li>{@code response stopped Mon 23 Nov 09:05 UTC: incident cancelled; 33 % used} (or
   *       {@code ...: closed without resolution})
   * </ul>
   *
   * @return the explanation
   */
  public String explain() {
    StringBuilder sb = new StringBuilder(kind.label()).append(' ');
    switch (state) {
      case RUNNING -> sb.append(breached() ? "overdue since " + time(breachedAt.get()) : "due " + time(dueAt));
      case PAUSED -> sb.append("paused since ").append(time(pausedSince.orElseThrow())).append(", ")
          .append(breached() ? "overdue since " + time(breachedAt.get()) : duration(left()) + " left");
      case MET -> sb.append("met ").append(time(stoppedAt.orElseThrow())).append(", due ").append(time(dueAt));
      case MISSED -> sb.append("missed ").append(time(stoppedAt.orElseThrow())).append(", due ").append(time(dueAt));
      case CANCELLED -> sb.append("stopped ").append(time(stoppedAt.orElseThrow()))
          .append(closedWithoutResolution ? ": closed without resolution" : ": incident cancelled");
      default -> throw new IllegalStateException(state.toString());
    }
    if (!paused.isZero()) {
      List<String> reasons = new ArrayList<>();
      for (OnHoldReason r : pauseReasons) {
        reasons.add(r.name().toLowerCase(Locale.ROOT).replace('_', ' '));
      }
      sb.append("; paused ").append(duration(paused)).append(' ').append(String.join(", ", reasons));
    }
    sb.append("; ").append(elapsed.toMillis() * 100 / target.duration().toMillis()).append(" % used");
    return sb.toString();
  }

  private String time(Instant t) {
    return TIME.format(t.atZone(zone));
  }

  /**
   * Formats a duration in whole hours and minutes, rounded down: {@code "3 h 12 min"}, {@code
   * "2 h"}, {@code "45 min"}, {@code "0 min"}.
   */
  static String duration(Duration d) {
    long minutes = d.toMinutes();
    long h = minutes / 60;
    long m = minutes % 60;
    if (h > 0 && m > 0) {
      return h + " h " + m + " min";
    }
    return h > 0 ? h + " h" : m + " min";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SlaStatus s && kind == s.kind && target.equals(s.target) && state == s.state
        && startedAt.equals(s.startedAt) && evaluatedAt.equals(s.evaluatedAt)
        && elapsed.equals(s.elapsed) && paused.equals(s.paused) && pauseReasons.equals(s.pauseReasons)
        && pausedSince.equals(s.pausedSince) && stoppedAt.equals(s.stoppedAt) && dueAt.equals(s.dueAt)
        && breachedAt.equals(s.breachedAt) && runs.equals(s.runs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, state, startedAt, evaluatedAt, elapsed, paused, dueAt, breachedAt);
  }

  /**
   * Returns the explanation, prefixed with the kind's name.
   *
   * @return for example {@code "SlaStatus[resolution due Tue 24 Nov 10:30 UTC; 82 % used]"}
   */
  @Override
  public String toString() {
    return "SlaStatus[" + explain() + "]";
  }
}
