package io.itsm.core.sla;

import static io.itsm.core.sla.Calendars.STOCKHOLM;
import static io.itsm.core.sla.Calendars.sthlm;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Arithmetic of {@link Calendars#office()}: Stockholm, Mon-Fri 08-12 and 13-17, holidays
 * 2026-12-24 (fixed), 12-25, 12-26, 01-01 (yearly), closed 2026-06-19, 2026-12-23 08-12 only.
 * All times below are Stockholm wall-clock times (UTC+1 in winter, UTC+2 in summer); none of the
 * working hours touches a DST switch, so wall-clock arithmetic by hand is exact.
 */
class WorkingHoursCalendarTest {

  private final WorkingHoursCalendar office = Calendars.office();

  @ParameterizedTest(name = "{0} + {1} = {2} ({3})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2026-11-23T09:00 | PT2H   | 2026-11-23T11:00 | start inside the morning, stays inside it
          2026-11-23T10:00 | PT3H   | 2026-11-23T14:00 | 2 h to lunch, lunch 12-13 skipped, 1 h after
          2026-11-23T08:00 | PT4H   | 2026-11-23T12:00 | runs out exactly at lunch: due at 12:00, not 13:00
          2026-11-23T12:30 | PT1H   | 2026-11-23T14:00 | start during lunch: clock starts at 13:00
          2026-11-23T06:00 | PT1H   | 2026-11-23T09:00 | start before hours: clock starts at 08:00
          2026-11-23T18:00 | PT1H   | 2026-11-24T09:00 | start after hours: Tuesday 08:00 + 1 h
          2026-11-27T16:00 | PT2H   | 2026-11-30T09:00 | Friday 16-17 is 1 h, weekend skipped, Monday 08-09
          2026-11-28T10:00 | PT1H   | 2026-11-30T09:00 | start on Saturday
          2026-12-22T16:00 | PT2H   | 2026-12-23T09:00 | Tuesday 1 h, Wednesday 23rd has special hours 08-12
          2026-12-23T11:00 | PT2H   | 2026-12-28T09:00 | 23rd ends 12:00 (1 h), 24th fixed, 25th yearly, weekend
          2026-12-31T16:00 | PT2H   | 2027-01-04T09:00 | Thursday 1 h, Friday 2027-01-01 yearly holiday, weekend
          2026-06-18T16:30 | PT1H   | 2026-06-22T08:30 | Thursday 30 min, Friday 19th closed, weekend, 30 min
          2026-11-02T08:00 | PT240H | 2026-12-11T17:00 | 30 full days: six Mon-Fri weeks from Nov 2 end Fri Dec 11
          2026-12-01T08:00 | PT240H | 2027-01-15T12:00 | 16 days to Dec 22 (128 h), Dec 23 4 h, Dec 28-31 32 h, Jan 4-8 40 h, Jan 11-14 32 h = 236 h, Jan 15 08-12
          2026-11-23T16:59:59.5 | PT1S | 2026-11-24T08:00:00.5 | half a second on Monday, half on Tuesday
          """)
  void addBusinessTime_table(String start, Duration amount, String due, String why) {
    assertThat(office.addBusinessTime(sthlm(start), amount)).isEqualTo(sthlm(due));
  }

  @ParameterizedTest(name = "next working instant after {0} is {1} ({2})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2026-11-23T09:00 | 2026-11-23T09:00 | working time: itself
          2026-11-23T08:00 | 2026-11-23T08:00 | the start of hours is working time
          2026-11-23T12:00 | 2026-11-23T13:00 | the end of hours is not: after lunch
          2026-11-23T17:00 | 2026-11-24T08:00 | the end of the day: next morning
          2026-12-23T12:00 | 2026-12-28T08:00 | special hours end, then holidays and a weekend
          2026-06-19T10:00 | 2026-06-22T08:00 | closed date
          2027-12-24T10:00 | 2027-12-24T10:00 | the 24th is a fixed holiday in 2026 only
          """)
  void nextWorkingInstant_table(String instant, String next, String why) {
    assertThat(office.nextWorkingInstant(sthlm(instant))).isEqualTo(sthlm(next));
  }

  @ParameterizedTest(name = "{0} is working time: {1} ({2})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2026-11-23T08:00              | true  | start of the morning
          2026-11-23T07:59:59.999999999 | false | one nanosecond before
          2026-11-23T11:59:59.999999999 | true  | last nanosecond of the morning
          2026-11-23T12:00              | false | lunch
          2026-11-23T17:00              | false | end of the day
          2026-11-28T10:00              | false | Saturday
          2026-12-24T10:00              | false | fixed holiday (Thursday)
          2026-12-23T14:00              | false | special hours 08-12 replace 13-17
          2028-12-25T10:00              | false | yearly holiday on a Monday
          2028-12-27T10:00              | true  | ordinary Wednesday
          """)
  void isWorkingTime_table(String instant, boolean working, String why) {
    assertThat(office.isWorkingTime(sthlm(instant))).isEqualTo(working);
  }

  @ParameterizedTest(name = "[{0}, {1}) holds {2} ({3})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2026-11-23T08:00 | 2026-11-23T17:00 | PT8H  | one ordinary day
          2026-11-23T07:00 | 2026-11-24T10:00 | PT10H | a day and two hours of the next
          2026-11-27T16:00 | 2026-11-30T09:00 | PT2H  | over a weekend
          2026-12-21T08:00 | 2026-12-28T08:00 | PT20H | Mon 8 + Tue 8 + Wed special 4, then holidays
          2026-11-23T12:15 | 2026-11-23T12:45 | PT0S  | inside lunch
          2026-11-23T10:00 | 2026-11-23T09:00 | PT0S  | to before from
          2026-11-23T10:00 | 2026-11-23T10:00 | PT0S  | empty range
          2026-11-23T11:59:59.25 | 2026-11-23T13:00:00.5 | PT1.25S | fractions on both sides
          """)
  void businessTimeBetween_table(String from, String to, Duration expected, String why) {
    assertThat(office.businessTimeBetween(sthlm(from), sthlm(to))).isEqualTo(expected);
  }

  @Test
  void addBusinessTime_endOfDayAsMidnight_countsUntilMidnight() {
    // Saturday 20:00-24:00 only; 2026-11-28 is a Saturday, UTC+1.
    WorkingHoursCalendar evenings =
        BusinessCalendar.builder("evenings", STOCKHOLM)
            .hours(DayOfWeek.SATURDAY, LocalTime.of(20, 0), LocalTime.MIDNIGHT)
            .build();

    assertThat(evenings.addBusinessTime(sthlm("2026-11-28T21:00"), Duration.ofHours(3)))
        .isEqualTo(sthlm("2026-11-29T00:00"));
    // one more hour: the next Saturday evening, 20:00 + 1 h
    assertThat(evenings.addBusinessTime(sthlm("2026-11-28T21:00"), Duration.ofHours(4)))
        .isEqualTo(sthlm("2026-12-05T21:00"));
    assertThat(evenings.workingTimePerWeek()).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void addBusinessTime_touchingIntervalsOfConsecutiveDays_flowAcrossMidnight() {
    // Friday 22:00-24:00 and Saturday 00:00-02:00 touch at midnight.
    WorkingHoursCalendar nightShift =
        BusinessCalendar.builder("night-shift", STOCKHOLM)
            .hours(DayOfWeek.FRIDAY, LocalTime.of(22, 0), LocalTime.MIDNIGHT)
            .hours(DayOfWeek.SATURDAY, LocalTime.MIDNIGHT, LocalTime.of(2, 0))
            .build();

    Instant friday = sthlm("2026-11-27T23:00");
    assertThat(nightShift.addBusinessTime(friday, Duration.ofHours(2)))
        .isEqualTo(sthlm("2026-11-28T01:00"));
    assertThat(nightShift.isWorkingTime(sthlm("2026-11-28T00:00"))).isTrue();
  }

  @Test
  void isWorkingTime_specialHoursOnYearlyHoliday_winForThatDateOnly() {
    WorkingHoursCalendar calendar =
        BusinessCalendar.builder("x", STOCKHOLM)
            .weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0))
            .yearlyHoliday(MonthDay.of(12, 24))
            .specialHours(LocalDate.of(2026, 12, 24), LocalTime.of(8, 0), LocalTime.of(12, 0))
            .build();
    assertThat(calendar.isWorkingTime(sthlm("2026-12-24T10:00"))).isTrue();
    assertThat(calendar.isWorkingTime(sthlm("2026-12-24T13:00"))).isFalse();
    // 2027-12-24 is a Friday: the yearly holiday applies again
    assertThat(calendar.isWorkingTime(sthlm("2027-12-24T10:00"))).isFalse();
  }

  @Test
  void addBusinessTime_manyThreadsOverManyYears_agreeWithOneThread() throws Exception {
    // 100 different years overflow the 64-year cache, so threads race on computing and clearing it
    Instant[] starts = new Instant[400];
    Instant[] expected = new Instant[starts.length];
    WorkingHoursCalendar reference = Calendars.office();
    for (int i = 0; i < starts.length; i++) {
      starts[i] = sthlm("1950-03-01T10:00").plus(Duration.ofDays(91L * i));
      expected[i] = reference.addBusinessTime(starts[i], Duration.ofHours(100));
    }
    WorkingHoursCalendar shared = Calendars.office();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Instant[]>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t * 37;
        results.add(
            pool.submit(
                () -> {
                  Instant[] due = new Instant[starts.length];
                  for (int k = 0; k < starts.length; k++) {
                    int i = (k + offset) % starts.length;
                    due[i] = shared.addBusinessTime(starts[i], Duration.ofHours(100));
                  }
                  return due;
                }));
      }
      for (Future<Instant[]> result : results) {
        assertThat(result.get()).containsExactly(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void accessors_reportNameZoneAndWeeklyTime() {
    assertThat(office.name()).isEqualTo("stockholm-office");
    assertThat(office.zone()).isEqualTo(STOCKHOLM);
    assertThat(office.workingTimePerWeek()).isEqualTo(Duration.ofHours(40));
    assertThat(office).hasToString("BusinessCalendar[stockholm-office, Europe/Stockholm]");
  }
}
