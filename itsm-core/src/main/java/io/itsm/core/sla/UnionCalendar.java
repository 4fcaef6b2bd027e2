package io.itsm.core.sla;

import io.itsm.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A follow-the-sun calendar: an instant is working time when it is working time in at least one
 * member calendar. Overlapping hours count once. Build one with {@link
 * BusinessCalendar#union(String, BusinessCalendar...)}.
 *
 * <p>A member without any working time left does not stop the union: it simply contributes
 * nothing. Members whose hours together cover every instant behave like {@link
 * BusinessCalendar#alwaysOpen()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnionCalendar implements BusinessCalendar {

  /** Longest block the union reports in one piece; longer blocks are split, never lost. */
  private static final long MAX_BLOCK_SECONDS = 7L * 86_400L;

  private final String name;
  private final List<BusinessCalendar> members;
  private final SpanSource[] sources;
  private final SpanSource spans = this::span;

  UnionCalendar(String name, BusinessCalendar... members) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(members, "members");
    if (name.isBlank()) {
      throw new ValidationException("name must not be blank, but was '" + name + "'");
    }
    if (members.length == 0) {
      throw new ValidationException(
          "union of '" + name + "' must have at least one member calendar, but was empty");
    }
    this.name = name;
    this.members = List.of(members); // rejects null members
    this.sources = new SpanSource[members.length];
    for (int i = 0; i < members.length; i++) {
      sources[i] = SpanSource.of(members[i]);
    }
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Returns the member calendars, in the order given.
   *
   * @return an immutable, non-empty list
   */
  public List<BusinessCalendar> members() {
    return members;
  }

  @Override
  public boolean isWorkingTime(Instant instant) {
    return CalendarMath.isWorkingTime(spans, instant);
  }

  @Override
  public Instant nextWorkingInstant(Instant instant) {
    return CalendarMath.nextWorkingInstant(spans, name, instant);
  }

  @Override
  public Instant addBusinessTime(Instant start, Duration amount) {
    return CalendarMath.addBusinessTime(spans, name, start, amount);
  }

  @Override
  public Duration businessTimeBetween(Instant from, Instant to) {
    return CalendarMath.businessTimeBetween(spans, from, to);
  }

  /**
   * Returns a description naming the union and its members.
   *
   * @return for example {@code "BusinessCalendar[follow-the-sun, union of [stockholm, nyc]]"}
   */
  @Override
  public String toString() {
    return "BusinessCalendar["
        + name
        + ", union of "
        + members.stream().map(BusinessCalendar::name).toList()
        + "]";
  }

  SpanSource spans() {
    return spans;
  }

  private void span(long from, long limit, long[] out) {
    long start = SpanSource.NONE;
    long end = SpanSource.NONE;
    long[] member = new long[2];
    for (SpanSource source : sources) {
      source.span(from, limit, member);
      if (member[0] < start || (member[0] == start && member[1] > end)) {
        start = member[0];
        end = member[1];
      }
    }
    if (start != SpanSource.NONE) {
      // grow the block while another member's block starts inside it and ends after it
      long cap = Math.max(start, from) + MAX_BLOCK_SECONDS;
      boolean grown = true;
      while (grown && end < cap) {
        grown = false;
        for (SpanSource source : sources) {
          source.span(end, end + 1, member);
          if (member[0] != SpanSource.NONE && member[1] > end) {
            end = member[1];
            grown = true;
          }
        }
      }
    }
    out[0] = start;
    out[1] = end;
  }
}
