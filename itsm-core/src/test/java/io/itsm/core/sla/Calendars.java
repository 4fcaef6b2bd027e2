package io.itsm.core.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;

/** Calendars and helpers shared by the tests. */
final class Calendars {

  static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private Calendars() {}

  /**
   * A Stockholm office: Monday to Friday 08:00-12:00 and 13:00-17:00 (8 h a day), Christmas Eve
   * 2026 a fixed holiday, Christmas, Boxing Day and New Year's Day yearly holidays, Midsummer
   * Eve 2026 (Friday 19 June) closed, and 2026-12-23 only 08:00-12:00.
   */
  static WorkingHoursCalendar office() {
    return BusinessCalendar.builder("stockholm-office", STOCKHOLM)
        .weekdays(LocalTime.of(8, 0), LocalTime.of(12, 0))
        .weekdays(LocalTime.of(13, 0), LocalTime.of(17, 0))
        .holiday(LocalDate.of(2026, 12, 24))
        .yearlyHoliday(MonthDay.of(12, 25))
        .yearlyHoliday(MonthDay.of(12, 26))
        .yearlyHoliday(MonthDay.of(1, 1))
        .closed(LocalDate.of(2026, 6, 19))
        .specialHours(LocalDate.of(2026, 12, 23), LocalTime.of(8, 0), LocalTime.of(12, 0))
        .build();
  }

  /** The same interval every day of the week; {@code 00:00} as the end means midnight. */
  static WorkingHoursCalendar everyDay(String name, ZoneId zone, LocalTime from, LocalTime to) {
    WorkingHoursCalendar.Builder builder = BusinessCalendar.builder(name, zone);
    for (DayOfWeek day : DayOfWeek.values()) {
      builder.hours(day, from, to);
    }
    return builder.build();
  }

  /** Weekdays 08:00-17:00 in a zone. */
  static WorkingHoursCalendar nineToFive(String name, ZoneId zone) {
    return BusinessCalendar.builder(name, zone).weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0)).build();
  }

  /** A local date-time in Stockholm, such as {@code "2026-11-23T09:00"}, as an instant. */
  static Instant sthlm(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(STOCKHOLM).toInstant();
  }
}
