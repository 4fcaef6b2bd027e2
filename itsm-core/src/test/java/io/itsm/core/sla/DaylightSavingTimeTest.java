package io.itsm.core.sla;

import static io.itsm.core.sla.Calendars.NEW_YORK;
import static io.itsm.core.sla.Calendars.STOCKHOLM;
import static io.itsm.core.sla.Calendars.everyDay;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/**
 * Working hours are wall-clock times, so the business time of a day is its real elapsed time.
 *
 * <p>2026 switches: Stockholm springs forward on Sunday 29 March (02:00 CET becomes 03:00 CEST,
 * UTC+1 to UTC+2) and falls back on Sunday 25 October (03:00 CEST becomes 02:00 CET, 02:00-03:00
 * happens twice). New York springs forward on Sunday 8 March (02:00 EST becomes 03:00 EDT, UTC-5
 * to UTC-4) and falls back on Sunday 1 November (02:00 EDT becomes 01:00 EST, 01:00-02:00 twice).
 * Expected instants are written in UTC, worked out from those offsets.
 */
class DaylightSavingTimeTest {

  private static final LocalTime MIDNIGHT = LocalTime.MIDNIGHT;

  private final WorkingHoursCalendar sthlmNight =
      everyDay("night", STOCKHOLM, MIDNIGHT, LocalTime.of(6, 0));
  private final WorkingHoursCalendar sthlmAllDay = everyDay("all-day", STOCKHOLM, MIDNIGHT, MIDNIGHT);
  private final WorkingHoursCalendar sthlmDay =
      everyDay("day", STOCKHOLM, LocalTime.of(8, 0), LocalTime.of(17, 0));
  private final WorkingHoursCalendar nycNight = everyDay("night", NEW_YORK, MIDNIGHT, LocalTime.of(6, 0));
  private final WorkingHoursCalendar nycAllDay = everyDay("all-day", NEW_YORK, MIDNIGHT, MIDNIGHT);

  @Test
  void businessTimeBetween_stockholmSpringForwardNight_hasFiveHours() {
    // 00:00 CET = 2026-03-28T23:00Z; 06:00 CEST = 04:00Z: 5 real hours, 02:00-03:00 never happens
    assertThat(sthlmNight.businessTimeBetween(utc("2026-03-28T23:00"), utc("2026-03-29T22:00")))
        .isEqualTo(Duration.ofHours(5));
  }

  @Test
  void businessTimeBetween_stockholmAutumnBackNight_hasSevenHours() {
    // 00:00 CEST = 2026-10-24T22:00Z; 06:00 CET = 05:00Z: 7 real hours
    assertThat(sthlmNight.businessTimeBetween(utc("2026-10-24T22:00"), utc("2026-10-25T23:00")))
        .isEqualTo(Duration.ofHours(7));
  }

  @Test
  void businessTimeBetween_stockholmWholeDays_are23And25HoursOnSwitchDays() {
    // midnight to midnight: 2026-03-28T23:00Z to 03-29T22:00Z, 2026-10-24T22:00Z to 10-25T23:00Z
    assertThat(sthlmAllDay.businessTimeBetween(utc("2026-03-28T23:00"), utc("2026-03-29T22:00")))
        .isEqualTo(Duration.ofHours(23));
    assertThat(sthlmAllDay.businessTimeBetween(utc("2026-10-24T22:00"), utc("2026-10-25T23:00")))
        .isEqualTo(Duration.ofHours(25));
  }

  @Test
  void addBusinessTime_acrossSpringForwardDst_skipsMissingHour() {
    // from 00:00 CET (23:00Z), 5 h of the 00:00-06:00 window end at 06:00 CEST = 04:00Z
    assertThat(sthlmNight.addBusinessTime(utc("2026-03-28T23:00"), Duration.ofHours(5)))
        .isEqualTo(utc("2026-03-29T04:00"));
    // a sixth hour is taken from Monday 00:00-01:00 CEST = 2026-03-29T22:00Z-23:00Z
    assertThat(sthlmNight.addBusinessTime(utc("2026-03-28T23:00"), Duration.ofHours(6)))
        .isEqualTo(utc("2026-03-29T23:00"));
    // a whole-day calendar: 24 business hours from Sunday 00:00 CET end Monday 01:00 CEST
    assertThat(sthlmAllDay.addBusinessTime(utc("2026-03-28T23:00"), Duration.ofHours(24)))
        .isEqualTo(utc("2026-03-29T23:00"));
  }

  @Test
  void addBusinessTime_acrossAutumnBackDst_countsRepeatedHour() {
    // from 00:00 CEST (22:00Z), 7 h end at 06:00 CET = 05:00Z
    assertThat(sthlmNight.addBusinessTime(utc("2026-10-24T22:00"), Duration.ofHours(7)))
        .isEqualTo(utc("2026-10-25T05:00"));
    // from 01:30 CEST (23:30Z), 1 h ends at the first 02:30 (CEST) = 00:30Z
    assertThat(sthlmNight.addBusinessTime(utc("2026-10-24T23:30"), Duration.ofHours(1)))
        .isEqualTo(utc("2026-10-25T00:30"));
    // and 2 h end at the second 02:30 (CET) = 01:30Z
    assertThat(sthlmNight.addBusinessTime(utc("2026-10-24T23:30"), Duration.ofHours(2)))
        .isEqualTo(utc("2026-10-25T01:30"));
  }

  @Test
  void addBusinessTime_ordinaryHoursOverSpringForwardWeekend_useNewOffset() {
    // Saturday 16:00 CET = 15:00Z: 1 h until 17:00, then Sunday 08:00 CEST (06:00Z) + 1 h
    assertThat(sthlmDay.addBusinessTime(utc("2026-03-28T15:00"), Duration.ofHours(2)))
        .isEqualTo(utc("2026-03-29T07:00"));
    // 08:00-17:00 on the switch day itself is untouched by the switch: 9 h
    assertThat(sthlmDay.businessTimeBetween(utc("2026-03-28T23:00"), utc("2026-03-29T22:00")))
        .isEqualTo(Duration.ofHours(9));
  }

  @Test
  void businessTimeBetween_newYorkSwitchDays_countRealHours() {
    // spring: 00:00 EST = 2026-03-08T05:00Z, 06:00 EDT = 10:00Z; midnight to midnight ends 04:00Z
    assertThat(nycNight.businessTimeBetween(utc("2026-03-08T05:00"), utc("2026-03-09T04:00")))
        .isEqualTo(Duration.ofHours(5));
    assertThat(nycAllDay.businessTimeBetween(utc("2026-03-08T05:00"), utc("2026-03-09T04:00")))
        .isEqualTo(Duration.ofHours(23));
    // autumn: 00:00 EDT = 2026-11-01T04:00Z, 06:00 EST = 11:00Z; next midnight EST = 11-02T05:00Z
    assertThat(nycNight.businessTimeBetween(utc("2026-11-01T04:00"), utc("2026-11-02T05:00")))
        .isEqualTo(Duration.ofHours(7));
    assertThat(nycAllDay.businessTimeBetween(utc("2026-11-01T04:00"), utc("2026-11-02T05:00")))
        .isEqualTo(Duration.ofHours(25));
  }

  @Test
  void addBusinessTime_newYorkAutumnBack_landsOnSecondOneOClock() {
    // from 00:00 EDT (04:00Z), 2 real hours end at 06:00Z, which is 01:00 EST: the second 01:00
    assertThat(nycNight.addBusinessTime(utc("2026-11-01T04:00"), Duration.ofHours(2)))
        .isEqualTo(utc("2026-11-01T06:00"));
    // spring: from 01:00 EST (06:00Z), 2 h: 01:00-02:00 EST, then 03:00-04:00 EDT ends 08:00Z
    assertThat(nycNight.addBusinessTime(utc("2026-03-08T06:00"), Duration.ofHours(2)))
        .isEqualTo(utc("2026-03-08T08:00"));
  }

  @Test
  void nextWorkingInstant_intervalInsideSpringForwardGap_isEmptyThatDay() {
    // 02:15-02:45 does not exist on 2026-03-29 in Stockholm: the next one is Monday 02:15 CEST
    WorkingHoursCalendar gap =
        everyDay("gap", STOCKHOLM, LocalTime.of(2, 15), LocalTime.of(2, 45));
    assertThat(gap.nextWorkingInstant(utc("2026-03-28T23:00"))).isEqualTo(utc("2026-03-30T00:15"));
    assertThat(gap.businessTimeBetween(utc("2026-03-28T23:00"), utc("2026-03-29T22:00")))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void businessTimeBetween_intervalStartingInAutumnOverlap_startsAtFirstOccurrence() {
    // 02:30-03:30 on 2026-10-25: from the first 02:30 (CEST, 00:30Z) to 03:30 CET (02:30Z) = 2 h
    WorkingHoursCalendar overlap =
        everyDay("overlap", STOCKHOLM, LocalTime.of(2, 30), LocalTime.of(3, 30));
    assertThat(overlap.nextWorkingInstant(utc("2026-10-24T22:00"))).isEqualTo(utc("2026-10-25T00:30"));
    assertThat(overlap.businessTimeBetween(utc("2026-10-24T22:00"), utc("2026-10-25T23:00")))
        .isEqualTo(Duration.ofHours(2));
  }

  private static Instant utc(String localDateTime) {
    return Instant.parse(localDateTime + ":00Z");
  }
}
