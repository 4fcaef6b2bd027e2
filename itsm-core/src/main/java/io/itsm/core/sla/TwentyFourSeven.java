package io.itsm.core.sla;

import io.itsm.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A calendar where every instant is working time: business time equals elapsed time.
 *
 * <p>Obtain one with {@link BusinessCalendar#alwaysOpen()}. Immutable and thread-safe.
 */
public final class TwentyFourSeven implements BusinessCalendar {

  static final TwentyFourSeven INSTANCE = new TwentyFourSeven("24x7");

  private static final SpanSource SPANS =
      (from, limit, out) -> {
        out[0] = Instant.MIN.getEpochSecond();
        out[1] = Instant.MAX.getEpochSecond() + 1;
      };

  private final String name;

  TwentyFourSeven(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new ValidationException("name must not be blank, but was '" + name + "'");
    }
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean isWorkingTime(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return true;
  }

  @Override
  public Instant nextWorkingInstant(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return instant;
  }

  @Override
  public Instant addBusinessTime(Instant start, Duration amount) {
    return CalendarMath.addBusinessTime(SPANS, name, start, amount);
  }

  @Override
  public Duration businessTimeBetween(Instant from, Instant to) {
    return CalendarMath.businessTimeBetween(SPANS, from, to);
  }

  SpanSource spans() {
    return SPANS;
  }

  /**
   * Returns a description naming the calendar.
   *
   * @return for example {@code "BusinessCalendar[24x7, always open]"}
   */
  @Override
  public String toString() {
    return "BusinessCalendar[" + name + ", always open]";
  }
}
