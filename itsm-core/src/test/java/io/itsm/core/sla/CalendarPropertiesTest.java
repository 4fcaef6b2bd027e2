package io.itsm.core.sla;

import static io.itsm.core.sla.Calendars.NEW_YORK;
import static io.itsm.core.sla.Calendars.STOCKHOLM;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-style checks over many generated instants and amounts (fixed seeds, so failures
 * repeat), and a comparison of {@link Calendars#office()} against a slow, obviously-correct
 * reference written straight from its definition.
 */
class CalendarPropertiesTest {

  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final long RANGE_SECONDS = 2L * 366 * 86_400; // two years

  static Stream<BusinessCalendar> calendars() {
    return Stream.of(
        Calendars.office(),
        Calendars.everyDay("nyc-night", NEW_YORK, LocalTime.MIDNIGHT, LocalTime.of(6, 0)),
        Calendars.everyDay("sthlm-all-day", STOCKHOLM, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT),
        BusinessCalendar.union(
            "follow-the-sun", Calendars.office(), Calendars.nineToFive("nyc", NEW_YORK)),
        BusinessCalendar.alwaysOpen());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calendars")
  void businessTimeBetween_ofAddBusinessTime_isTheAmount(BusinessCalendar calendar) {
    Random random = new Random(20261123L);
    for (int i = 0; i < 2_000; i++) {
      Instant start = randomInstant(random);
      Duration amount = randomAmount(random);

      Instant due = calendar.addBusinessTime(start, amount);

      assertThat(due).as("due after %s + %s", start, amount).isAfter(start);
      assertThat(calendar.businessTimeBetween(start, due))
          .as("business time from %s to %s", start, due)
          .isEqualTo(amount);
      // the due instant is the earliest one: the nanosecond before it is working time
      assertThat(calendar.isWorkingTime(due.minusNanos(1)))
          .as("working just before %s (%s + %s)", due, start, amount)
          .isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calendars")
  void addBusinessTime_inTwoSteps_equalsOneStep(BusinessCalendar calendar) {
    Random random = new Random(42L);
    for (int i = 0; i < 1_000; i++) {
      Instant start = randomInstant(random);
      Duration first = randomAmount(random);
      Duration second = randomAmount(random);
      assertThat(calendar.addBusinessTime(calendar.addBusinessTime(start, first), second))
          .as("%s + %s + %s", start, first, second)
          .isEqualTo(calendar.addBusinessTime(start, first.plus(second)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("calendars")
  void nextWorkingInstant_isWorkingAndNothingBeforeItIs(BusinessCalendar calendar) {
    Random random = new Random(7L);
    for (int i = 0; i < 1_000; i++) {
      Instant instant = randomInstant(random);
      Instant next = calendar.nextWorkingInstant(instant);
      assertThat(calendar.isWorkingTime(next)).isTrue();
      assertThat(calendar.businessTimeBetween(instant, next)).isEqualTo(Duration.ZERO);
      assertThat(next.equals(instant)).isEqualTo(calendar.isWorkingTime(instant));
    }
  }

  @Test
  void isWorkingTime_office_matchesReferenceEveryQuarterHourOf2026() {
    BusinessCalendar office = Calendars.office();
    Instant end = Instant.parse("2027-01-03T00:00:00Z");
    int working = 0;
    for (Instant t = Instant.parse("2025-12-29T00:00:00Z"); t.isBefore(end); t = t.plusSeconds(900)) {
      boolean expected = referenceOfficeIsWorking(t);
      assertThat(office.isWorkingTime(t)).as("%s", t).isEqualTo(expected);
      working += expected ? 1 : 0;
    }
    // the reference itself, counted by hand: 2025-12-29 (Mon) to 2027-01-02 (Sat) is 53 weeks,
    // 265 weekdays; minus 2026-01-01, 06-19, 12-24, 12-25 and 2027-01-01 leaves 260 days, one of
    // them (12-23) with 4 h: 259 x 32 + 16 quarter hours
    assertThat(working).isEqualTo(259 * 32 + 16);
  }

  @Test
  void businessTimeBetween_office_matchesMinuteByMinuteReference() {
    BusinessCalendar office = Calendars.office();
    Random random = new Random(99L);
    for (int i = 0; i < 300; i++) {
      Instant from = FROM.plusSeconds(60L * random.nextInt((int) (RANGE_SECONDS / 60)));
      Instant to = from.plusSeconds(60L * random.nextInt(5 * 24 * 60));
      long minutes = 0;
      for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
        minutes += referenceOfficeIsWorking(t) ? 1 : 0;
      }
      assertThat(office.businessTimeBetween(from, to))
          .as("[%s, %s)", from, to)
          .isEqualTo(Duration.ofMinutes(minutes));
    }
  }

  /** {@link Calendars#office()} from its definition, one instant at a time. */
  private static boolean referenceOfficeIsWorking(Instant instant) {
    ZonedDateTime local = instant.atZone(STOCKHOLM);
    LocalDate date = local.toLocalDate();
    LocalTime time = local.toLocalTime();
    boolean morning = !time.isBefore(LocalTime.of(8, 0)) && time.isBefore(LocalTime.of(12, 0));
    boolean afternoon = !time.isBefore(LocalTime.of(13, 0)) && time.isBefore(LocalTime.of(17, 0));
    if (date.equals(LocalDate.of(2026, 12, 23))) {
      return morning;
    }
    if (date.equals(LocalDate.of(2026, 12, 24)) || date.equals(LocalDate.of(2026, 6, 19))) {
      return false;
    }
    if (Set.of(MonthDay.of(12, 25), MonthDay.of(12, 26), MonthDay.of(1, 1)).contains(MonthDay.from(date))) {
      return false;
    }
    if (List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).contains(date.getDayOfWeek())) {
      return false;
    }
    return morning || afternoon;
  }

  private static Instant randomInstant(Random random) {
    long seconds = (long) (random.nextDouble() * RANGE_SECONDS);
    int nanos = random.nextBoolean() ? 0 : random.nextInt(1_000_000_000);
    return FROM.plusSeconds(seconds).plusNanos(nanos);
  }

  /** From one nanosecond to about 400 hours, often whole minutes. */
  private static Duration randomAmount(Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return Duration.ofNanos(1 + random.nextInt(2_000_000_000));
      case 1:
        return Duration.ofMinutes(1 + random.nextInt(24 * 60));
      case 2:
        return Duration.ofMinutes(1 + random.nextInt(400 * 60));
      default:
        return Duration.ofSeconds(1 + random.nextInt(400 * 3600), random.nextInt(1_000_000_000));
    }
  }
}
