package io.itsm.core.sla;

import io.itsm.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The arithmetic shared by every calendar, written once against {@link SpanSource}.
 *
 * <p>Each loop iteration consumes a whole block of working time, so the cost grows with the
 * number of blocks crossed, not with the length of the blocks. Stateless and thread-safe.
 */
final class CalendarMath {

  /** How far ahead {@code nextWorkingInstant} and {@code addBusinessTime} look, in seconds. */
  static final long HORIZON_SECONDS = BusinessCalendar.SEARCH_HORIZON_YEARS * 366L * 86_400L;

  private static final long MAX_SECOND = Instant.MAX.getEpochSecond();

  private CalendarMath() {}

  static long horizon(long from) {
    return from > MAX_SECOND - HORIZON_SECONDS ? MAX_SECOND : from + HORIZON_SECONDS;
  }

  static boolean isWorkingTime(SpanSource calendar, Instant instant) {
    Objects.requireNonNull(instant, "instant");
    long second = instant.getEpochSecond();
    long[] span = new long[2];
    calendar.span(second, second + 1, span);
    return span[0] != SpanSource.NONE && span[0] <= second;
  }

  static Instant nextWorkingInstant(SpanSource calendar, String name, Instant instant) {
    Objects.requireNonNull(instant, "instant");
    long second = instant.getEpochSecond();
    long[] span = new long[2];
    calendar.span(second, horizon(second), span);
    if (span[0] == SpanSource.NONE) {
      throw new NoWorkingTimeException(name, instant);
    }
    return span[0] <= second ? instant : Instant.ofEpochSecond(span[0]);
  }

  static Instant addBusinessTime(SpanSource calendar, String name, Instant start, Duration amount) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative() || amount.isZero()) {
      throw new ValidationException("amount must be positive, but was " + amount);
    }
    long cursor = start.getEpochSecond();
    int cursorNano = start.getNano();
    long remaining = amount.getSeconds();
    int remainingNano = amount.getNano();
    long[] span = new long[2];
    while (true) {
      calendar.span(cursor, horizon(cursor), span);
      if (span[0] == SpanSource.NONE) {
        throw new NoWorkingTimeException(name, Instant.ofEpochSecond(cursor, cursorNano));
      }
      if (span[0] > cursor) {
        cursor = span[0];
        cursorNano = 0;
      }
      long available = span[1] - cursor;
      int availableNano = 0;
      if (cursorNano > 0) {
        available -= 1;
        availableNano = 1_000_000_000 - cursorNano;
      }
      if (remaining < available || (remaining == available && remainingNano <= availableNano)) {
        return Instant.ofEpochSecond(cursor + remaining, (long) cursorNano + remainingNano);
      }
      remaining -= available;
      remainingNano -= availableNano;
      if (remainingNano < 0) {
        remainingNano += 1_000_000_000;
        remaining -= 1;
      }
      cursor = span[1];
      cursorNano = 0;
    }
  }

  static Duration businessTimeBetween(SpanSource calendar, Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.compareTo(from) <= 0) {
      return Duration.ZERO;
    }
    long toSecond = to.getEpochSecond();
    int toNano = to.getNano();
    // a block must start strictly before 'to' to count
    long limit = toNano > 0 ? toSecond + 1 : toSecond;
    long cursor = from.getEpochSecond();
    int cursorNano = from.getNano();
    long seconds = 0;
    long nanos = 0;
    long[] span = new long[2];
    while (true) {
      calendar.span(cursor, limit, span);
      if (span[0] == SpanSource.NONE) {
        break;
      }
      if (span[0] > cursor) {
        cursor = span[0];
        cursorNano = 0;
      }
      if (cursor > toSecond || (cursor == toSecond && cursorNano >= toNano)) {
        break;
      }
      if (span[1] <= toSecond) {
        seconds += span[1] - cursor;
        nanos -= cursorNano;
        cursor = span[1];
        cursorNano = 0;
        if (span[1] == toSecond && toNano == 0) {
          break;
        }
      } else {
        seconds += toSecond - cursor;
        nanos += toNano - cursorNano;
        break;
      }
    }
    return Duration.ofSeconds(seconds, nanos);
  }
}
