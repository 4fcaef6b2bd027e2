package io.itsm.core.sla;

import static io.itsm.core.sla.Calendars.STOCKHOLM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** Every problem {@link WorkingHoursCalendar.Builder#build()} reports, with its message. */
class WorkingHoursCalendarValidationTest {

  private static final LocalTime T0800 = LocalTime.of(8, 0);
  private static final LocalTime T1200 = LocalTime.of(12, 0);
  private static final LocalTime T1700 = LocalTime.of(17, 0);

  @Test
  void build_invertedInterval_isRejected() {
    assertThatThrownBy(
            () -> BusinessCalendar.builder("x", STOCKHOLM).hours(DayOfWeek.MONDAY, T1700, T0800).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "hours.MONDAY[0] must start before it ends (00:00 as the end means midnight),"
                + " but was [17:00-08:00]");
  }

  @Test
  void build_emptyInterval_isRejected() {
    assertThatThrownBy(
            () -> BusinessCalendar.builder("x", STOCKHOLM).hours(DayOfWeek.MONDAY, T0800, T0800).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "hours.MONDAY[0] must start before it ends (00:00 as the end means midnight),"
                + " but was [08:00-08:00]");
  }

  @Test
  void build_overlappingIntervals_isRejected() {
    assertThatThrownBy(
            () ->
                BusinessCalendar.builder("x", STOCKHOLM)
                    .hours(DayOfWeek.MONDAY, T0800, T1200)
                    .hours(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(13, 0))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("hours.MONDAY[1] must not overlap [08:00-12:00], but was [11:00-13:00]");
  }

  @Test
  void build_overlapWithWholeDay_namesMidnightAs2400() {
    assertThatThrownBy(
            () ->
                BusinessCalendar.builder("x", STOCKHOLM)
                    .hours(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
                    .hours(DayOfWeek.SUNDAY, T0800, T1200)
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("hours.SUNDAY[1] must not overlap [00:00-24:00], but was [08:00-12:00]");
  }

  @Test
  void build_touchingIntervals_areAccepted() {
    WorkingHoursCalendar calendar =
        BusinessCalendar.builder("x", STOCKHOLM)
            .hours(DayOfWeek.MONDAY, T0800, T1200)
            .hours(DayOfWeek.MONDAY, T1200, T1700)
            .hours(DayOfWeek.TUESDAY, T0800, LocalTime.MAX)
            .build();
    assertThat(calendar.workingTimePerWeek()).isEqualTo(Duration.ofHours(25));
  }

  @Test
  void build_fractionalSeconds_isRejected() {
    assertThatThrownBy(
            () ->
                BusinessCalendar.builder("x", STOCKHOLM)
                    .hours(DayOfWeek.MONDAY, LocalTime.of(8, 0, 0, 500), T1200)
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("hours.MONDAY[0] must use whole seconds, but was [08:00:00.000000500-12:00]");
  }

  @Test
  void build_noWorkingTimeAtAll_isRejected() {
    assertThatThrownBy(
            () -> BusinessCalendar.builder("x", STOCKHOLM).yearlyHoliday(MonthDay.of(12, 25)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "hours must contain at least one working interval (or specialHours at least one date),"
                + " but was empty");
  }

  @Test
  void build_specialHoursOnClosedDateOrHoliday_isRejected() {
    LocalDate midsummer = LocalDate.of(2026, 6, 19);
    assertThatThrownBy(
            () ->
                BusinessCalendar.builder("x", STOCKHOLM)
                    .weekdays(T0800, T1700)
                    .closed(midsummer)
                    .holiday(midsummer)
                    .specialHours(midsummer, T0800, T1200)
                    .build())
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).getProblems())
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .containsExactly(
            "specialHours.2026-06-19 must not be a date listed in closed, but was 2026-06-19",
            "specialHours.2026-06-19 must not be a date listed in holidays, but was 2026-06-19");
  }

  @Test
  void build_specialHoursOverlap_namesTheDate() {
    assertThatThrownBy(
            () ->
                BusinessCalendar.builder("x", STOCKHOLM)
                    .specialHours(LocalDate.of(2026, 12, 23), T0800, T1200)
                    .specialHours(LocalDate.of(2026, 12, 23), LocalTime.of(9, 0), T1700)
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("specialHours.2026-12-23[1] must not overlap [08:00-12:00], but was [09:00-17:00]");
  }

  @Test
  void build_severalProblems_areAllReported() {
    assertThatThrownBy(
            () ->
                BusinessCalendar.builder(" ", STOCKHOLM)
                    .hours(DayOfWeek.MONDAY, T1700, T0800)
                    .hours(DayOfWeek.FRIDAY, T0800, T1200)
                    .hours(DayOfWeek.FRIDAY, T0800, T1200)
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "name must not be blank, but was ' '; hours.MONDAY[0] must start before it ends"
                + " (00:00 as the end means midnight), but was [17:00-08:00];"
                + " hours.FRIDAY[1] must not overlap [08:00-12:00], but was [08:00-12:00]");
  }

  @Test
  void builder_nullArguments_areRejectedByName() {
    assertThatThrownBy(() -> BusinessCalendar.builder(null, STOCKHOLM))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
    assertThatThrownBy(() -> BusinessCalendar.builder("x", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("zone");
    assertThatThrownBy(() -> BusinessCalendar.builder("x", STOCKHOLM).hours(DayOfWeek.MONDAY, null, T1200))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("from");
    assertThatThrownBy(() -> BusinessCalendar.builder("x", STOCKHOLM).holiday(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("date");
  }

  @Test
  void alwaysOpen_blankName_isRejected() {
    assertThatThrownBy(() -> BusinessCalendar.alwaysOpen(""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("name must not be blank, but was ''");
  }
}
