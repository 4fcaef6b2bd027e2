package io.itsm.core.sla;

import static io.itsm.core.sla.Calendars.NEW_YORK;
import static io.itsm.core.sla.Calendars.STOCKHOLM;
import static io.itsm.core.sla.Calendars.nineToFive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Follow-the-sun unions. In late November 2026 Stockholm is UTC+1 and New York UTC-5, so weekday
 * 08:00-17:00 is 07:00Z-16:00Z in Stockholm and 13:00Z-22:00Z in New York: together 07:00Z-22:00Z,
 * 15 hours, the overlap 13:00Z-16:00Z counted once. 2026-11-23 is a Monday.
 */
class UnionCalendarTest {

  private final UnionCalendar followTheSun =
      BusinessCalendar.union(
          "follow-the-sun", nineToFive("stockholm", STOCKHOLM), nineToFive("nyc", NEW_YORK));

  @Test
  void businessTimeBetween_overlappingMembers_countOverlapOnce() {
    assertThat(followTheSun.businessTimeBetween(utc("2026-11-23T00:00"), utc("2026-11-24T00:00")))
        .isEqualTo(Duration.ofHours(15));
  }

  @Test
  void addBusinessTime_followTheSun_handsOverBetweenOffices() {
    assertThat(followTheSun.addBusinessTime(utc("2026-11-23T07:00"), Duration.ofHours(15)))
        .isEqualTo(utc("2026-11-23T22:00"));
    // one more hour: Tuesday opens 07:00Z in Stockholm
    assertThat(followTheSun.addBusinessTime(utc("2026-11-23T07:00"), Duration.ofHours(16)))
        .isEqualTo(utc("2026-11-24T08:00"));
    // Friday 21:00Z: 1 h left in New York, then Monday 07:00Z in Stockholm + 1 h
    assertThat(followTheSun.addBusinessTime(utc("2026-11-27T21:00"), Duration.ofHours(2)))
        .isEqualTo(utc("2026-11-30T08:00"));
  }

  @Test
  void isWorkingTime_union_workingWhenAnyMemberIs() {
    assertThat(followTheSun.isWorkingTime(utc("2026-11-23T06:59"))).isFalse();
    assertThat(followTheSun.isWorkingTime(utc("2026-11-23T07:00"))).isTrue();
    assertThat(followTheSun.isWorkingTime(utc("2026-11-23T15:00"))).isTrue();
    assertThat(followTheSun.isWorkingTime(utc("2026-11-23T21:59"))).isTrue();
    assertThat(followTheSun.isWorkingTime(utc("2026-11-23T22:00"))).isFalse();
    assertThat(followTheSun.nextWorkingInstant(utc("2026-11-23T22:00")))
        .isEqualTo(utc("2026-11-24T07:00"));
  }

  @Test
  void businessTimeBetween_holidayInOneMember_leavesTheOther() {
    WorkingHoursCalendar stockholm =
        BusinessCalendar.builder("stockholm", STOCKHOLM)
            .weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0))
            .holiday(LocalDate.of(2026, 11, 25))
            .build();
    UnionCalendar union = BusinessCalendar.union("fts", stockholm, nineToFive("nyc", NEW_YORK));
    // Wednesday 25th: only New York, 13:00Z-22:00Z
    assertThat(union.businessTimeBetween(utc("2026-11-25T00:00"), utc("2026-11-26T00:00")))
        .isEqualTo(Duration.ofHours(9));
    assertThat(union.nextWorkingInstant(utc("2026-11-25T00:00"))).isEqualTo(utc("2026-11-25T13:00"));
  }

  @Test
  void addBusinessTime_shiftsCoveringEveryHour_behaveLikeAlwaysOpen() {
    // three UTC shifts 00-08, 08-16, 16-24 every day: the union never closes
    UnionCalendar shifts =
        BusinessCalendar.union(
            "shifts",
            Calendars.everyDay("a", ZoneOffset.UTC, LocalTime.MIDNIGHT, LocalTime.of(8, 0)),
            Calendars.everyDay("b", ZoneOffset.UTC, LocalTime.of(8, 0), LocalTime.of(16, 0)),
            Calendars.everyDay("c", ZoneOffset.UTC, LocalTime.of(16, 0), LocalTime.MIDNIGHT));
    Instant start = utc("2026-11-23T05:30");
    assertThat(shifts.addBusinessTime(start, Duration.ofDays(100)))
        .isEqualTo(start.plus(Duration.ofDays(100)));
    assertThat(shifts.businessTimeBetween(start, start.plus(Duration.ofDays(30))))
        .isEqualTo(Duration.ofDays(30));
  }

  @Test
  void addBusinessTime_unionWithAlwaysOpen_isElapsedTime() {
    UnionCalendar union = BusinessCalendar.union("any", followTheSun, BusinessCalendar.alwaysOpen());
    Instant start = utc("2026-11-28T03:00");
    assertThat(union.addBusinessTime(start, Duration.ofHours(50)))
        .isEqualTo(start.plus(Duration.ofHours(50)));
    assertThat(union.members()).hasSize(2);
  }

  @Test
  void addBusinessTime_memberWithoutWorkingTimeLeft_isIgnored() {
    WorkingHoursCalendar once =
        BusinessCalendar.builder("once", STOCKHOLM)
            .specialHours(LocalDate.of(2020, 1, 2), LocalTime.of(8, 0), LocalTime.of(9, 0))
            .build();
    UnionCalendar union = BusinessCalendar.union("fts", once, nineToFive("nyc", NEW_YORK));
    // Monday 13:00Z + 2 h in New York
    assertThat(union.addBusinessTime(utc("2026-11-23T12:00"), Duration.ofHours(2)))
        .isEqualTo(utc("2026-11-23T15:00"));
  }

  @Test
  void union_withoutMembers_isRejected() {
    assertThatThrownBy(() -> BusinessCalendar.union("fts"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("union of 'fts' must have at least one member calendar, but was empty");
    assertThatThrownBy(() -> BusinessCalendar.union(" ", followTheSun))
        .isInstanceOf(ValidationException.class)
        .hasMessage("name must not be blank, but was ' '");
    assertThatThrownBy(() -> BusinessCalendar.union("fts", followTheSun, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void toString_namesMembers() {
    assertThat(followTheSun).hasToString("BusinessCalendar[follow-the-sun, union of [stockholm, nyc]]");
  }

  @Test
  void alwaysOpen_everyInstantIsWorkingTime() {
    BusinessCalendar always = BusinessCalendar.alwaysOpen();
    Instant start = utc("2026-11-28T03:00");
    assertThat(always.name()).isEqualTo("24x7");
    assertThat(always.isWorkingTime(start)).isTrue();
    assertThat(always.nextWorkingInstant(start)).isEqualTo(start);
    assertThat(always.addBusinessTime(start, Duration.ofMinutes(90))).isEqualTo(utc("2026-11-28T04:30"));
    assertThat(always.businessTimeBetween(start, utc("2026-11-30T03:00"))).isEqualTo(Duration.ofHours(48));
    assertThat(BusinessCalendar.alwaysOpen("global").name()).isEqualTo("global");
  }

  @Test
  void nextWorkingInstant_onlyPastSpecialHours_throwsInsteadOfSearchingForever() {
    WorkingHoursCalendar once =
        BusinessCalendar.builder("year-end", STOCKHOLM)
            .specialHours(LocalDate.of(2026, 12, 23), LocalTime.of(8, 0), LocalTime.of(12, 0))
            .build();
    Instant newYear = utc("2027-01-01T00:00");
    assertThatThrownBy(() -> once.nextWorkingInstant(newYear))
        .isInstanceOf(NoWorkingTimeException.class)
        .hasMessage(
            "calendar 'year-end' must have working time within 10 years after"
                + " 2027-01-01T00:00:00Z, but has none; add weekly hours or specialHours")
        .satisfies(
            e -> {
              NoWorkingTimeException n = (NoWorkingTimeException) e;
              assertThat(n.getCalendarName()).isEqualTo("year-end");
              assertThat(n.getSearchedFrom()).isEqualTo(newYear);
            });
    // 11:00 CET = 10:00Z: 1 h left on the 23rd, then nothing, ever
    assertThatThrownBy(() -> once.addBusinessTime(utc("2026-12-23T10:00"), Duration.ofHours(2)))
        .isInstanceOf(NoWorkingTimeException.class);
    assertThat(once.businessTimeBetween(utc("2020-01-01T00:00"), utc("2040-01-01T00:00")))
        .isEqualTo(Duration.ofHours(4));
  }

  @Test
  void nextWorkingInstant_holidaysForMoreThanTheHorizon_throws() {
    // Mondays only, but every Monday in 2027-2037 closed: nothing within 10 years of 2027-01-01
    WorkingHoursCalendar.Builder builder =
        BusinessCalendar.builder("mondays", ZoneOffset.UTC)
            .hours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(9, 0));
    for (LocalDate d = LocalDate.of(2027, 1, 4); d.getYear() < 2038; d = d.plusWeeks(1)) {
      builder.closed(d);
    }
    WorkingHoursCalendar mondays = builder.build();
    assertThatThrownBy(() -> mondays.nextWorkingInstant(utc("2027-01-01T00:00")))
        .isInstanceOf(NoWorkingTimeException.class);
    // from 2030 the horizon reaches 2038-01-04, the first open Monday
    assertThat(mondays.nextWorkingInstant(utc("2030-01-01T00:00"))).isEqualTo(utc("2038-01-04T08:00"));
  }

  @Test
  void addBusinessTime_nonPositiveAmount_isRejected() {
    assertThatThrownBy(() -> followTheSun.addBusinessTime(utc("2026-11-23T07:00"), Duration.ZERO))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount must be positive, but was PT0S");
    assertThatThrownBy(
            () -> followTheSun.addBusinessTime(utc("2026-11-23T07:00"), Duration.ofMinutes(-5)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount must be positive, but was PT-5M");
    assertThatThrownBy(() -> followTheSun.addBusinessTime(null, Duration.ofMinutes(5)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("start");
  }

  private static Instant utc(String localDateTime) {
    return Instant.parse(localDateTime + ":00Z");
  }
}
