package io.itsm.core.sla;

import static io.itsm.core.sla.Calendars.sthlm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loading calendars from the JSON format of {@code docs/calendars.md}. */
class BusinessCalendarsJsonTest {

  /** The same calendar as {@link Calendars#office()}. */
  private static final String OFFICE =
      """
      {"name": "stockholm-office", "zone": "Europe/Stockholm",
       "hours": {"MONDAY":    [["08:00", "12:00"], ["13:00", "17:00"]],
                 "TUESDAY":   [["08:00", "12:00"], ["13:00", "17:00"]],
                 "WEDNESDAY": [["08:00", "12:00"], ["13:00", "17:00"]],
                 "THURSDAY":  [["08:00", "12:00"], ["13:00", "17:00"]],
                 "friday":    [["08:00", "12:00"], ["13:00", "17:00"]]},
       "holidays": ["2026-12-24"],
       "yearlyHolidays": ["12-25", "12-26", "--01-01"],
       "closed": ["2026-06-19"],
       "specialHours": {"2026-12-23": [["08:00", "12:00"]]}}
      """;

  @Test
  void fromJson_workingHours_behavesLikeTheBuiltCalendar() {
    BusinessCalendar json = BusinessCalendars.fromJson(OFFICE);
    WorkingHoursCalendar built = Calendars.office();

    assertThat(json).isInstanceOf(WorkingHoursCalendar.class);
    assertThat(json.name()).isEqualTo("stockholm-office");
    assertThat(((WorkingHoursCalendar) json).workingTimePerWeek()).isEqualTo(Duration.ofHours(40));
    // Dec 23 11:00 + 2 h: special hours end 12:00, 24th-27th closed, Monday 28th 08:00 + 1 h
    assertThat(json.addBusinessTime(sthlm("2026-12-23T11:00"), Duration.ofHours(2)))
        .isEqualTo(sthlm("2026-12-28T09:00"));
    assertThat(json.nextWorkingInstant(sthlm("2026-06-19T10:00"))).isEqualTo(sthlm("2026-06-22T08:00"));
    Instant from = sthlm("2026-01-01T00:00");
    Instant to = sthlm("2028-01-01T00:00");
    assertThat(json.businessTimeBetween(from, to)).isEqualTo(built.businessTimeBetween(from, to));
  }

  @Test
  void fromJson_endOf2400_meansMidnight() {
    BusinessCalendar calendar =
        BusinessCalendars.fromJson(
            """
            {"name": "late", "zone": "UTC", "hours": {"SATURDAY": [["20:00", "24:00"]]}}
            """);
    assertThat(calendar.businessTimeBetween(Instant.parse("2026-11-28T00:00:00Z"),
            Instant.parse("2026-11-29T12:00:00Z")))
        .isEqualTo(Duration.ofHours(4));
  }

  @Test
  void fromJson_alwaysOpen_isTwentyFourSeven() {
    BusinessCalendar calendar = BusinessCalendars.fromJson("{\"name\":\"24x7\",\"alwaysOpen\":true}");
    assertThat(calendar).isInstanceOf(TwentyFourSeven.class);
    assertThat(calendar.name()).isEqualTo("24x7");
  }

  @Test
  void fromJson_union_joinsMembers() {
    BusinessCalendar calendar =
        BusinessCalendars.fromJson(
            new ByteArrayInputStream(
                """
                {"name": "follow-the-sun", "union": [
                  {"name": "stockholm", "zone": "Europe/Stockholm",
                   "hours": {"MONDAY": [["08:00", "17:00"]]}},
                  {"name": "nyc", "zone": "America/New_York",
                   "hours": {"MONDAY": [["08:00", "17:00"]]}}]}
                """
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(calendar).isInstanceOf(UnionCalendar.class);
    // Monday 2026-11-23: 07:00Z-16:00Z and 13:00Z-22:00Z, 15 h together
    assertThat(calendar.businessTimeBetween(Instant.parse("2026-11-23T00:00:00Z"),
            Instant.parse("2026-11-24T00:00:00Z")))
        .isEqualTo(Duration.ofHours(15));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          {"name":"x","zone":"UTC","hours":{"MONDAY":[["08:00","17:00"]]},"colour":"red"} | colour must not be present: properties of this kind of calendar are name, zone, hours, holidays, yearlyHolidays, closed, specialHours, but was "red"
          {"name":"x","zone":"Mars/Olympus","hours":{"MONDAY":[["08:00","17:00"]]}} | zone must be a time-zone ID such as "Europe/Stockholm" or "+01:00", but was 'Mars/Olympus'
          {"name":"x","hours":{"MONDAY":[["08:00","17:00"]]}} | zone must be a time-zone ID such as "Europe/Stockholm" or "+01:00", but was missing
          {"name":"x","zone":"UTC","hours":{"MONDAY":[["8am","17:00"]]}} | hours.MONDAY[0][0] must be a time "HH:mm" or "HH:mm:ss" from 00:00 to 23:59:59, but was '8am'
          {"name":"x","zone":"UTC","hours":{"MONDAY":[["08:00","25:00"]]}} | hours.MONDAY[0][1] must be a time "HH:mm" or "HH:mm:ss" from 00:00:01 to 24:00, but was '25:00'
          {"name":"x","zone":"UTC","hours":{"MONDAY":[["24:00","17:00"]]}} | hours.MONDAY[0][0] must be a time "HH:mm" or "HH:mm:ss" from 00:00 to 23:59:59, but was '24:00'
          {"name":"x","zone":"UTC","hours":{"Mon":[["08:00","17:00"]]}} | hours.Mon must be a day of the week, MONDAY to SUNDAY, but was 'Mon'
          {"name":"x","zone":"UTC","hours":{"MONDAY":[["08:00"]]}} | hours.MONDAY[0] must be an interval ["HH:mm", "HH:mm"], but was ["08:00"]
          {"name":"x","zone":"UTC","hours":{"MONDAY":"08-17"}} | hours.MONDAY must be an array of ["HH:mm", "HH:mm"] intervals, but was "08-17"
          {"name":"x","zone":"UTC","hours":{"MONDAY":[["17:00","08:00"]]}} | hours.MONDAY[0] must start before it ends (00:00 as the end means midnight), but was [17:00-08:00]
          {"name":"x","zone":"UTC","hours":{"MONDAY":[["08:00","12:00"],["11:00","13:00"]]}} | hours.MONDAY[1] must not overlap [08:00-12:00], but was [11:00-13:00]
          {"name":"x","zone":"UTC"} | hours must contain at least one working interval (or specialHours at least one date), but was empty
          {"name":"x","zone":"UTC","hours":{"MONDAY":[["08:00","17:00"]]},"holidays":["2026-13-01"]} | holidays[0] must be a date "yyyy-MM-dd", but was '2026-13-01'
          {"name":"x","zone":"UTC","hours":{"MONDAY":[["08:00","17:00"]]},"closed":"2026-06-19"} | closed must be an array of "yyyy-MM-dd" dates, but was "2026-06-19"
          {"name":"x","zone":"UTC","hours":{"MONDAY":[["08:00","17:00"]]},"yearlyHolidays":["25-12"]} | yearlyHolidays[0] must be a month and day "MM-dd" such as "12-25", but was '25-12'
          {"name":"x","zone":"UTC","specialHours":{"23 Dec":[["08:00","12:00"]]}} | specialHours.23 Dec must be a date "yyyy-MM-dd", but was '23 Dec'
          {"zone":"UTC","hours":{"MONDAY":[["08:00","17:00"]]}} | name must be a non-blank string, but was missing
          {"name":"","alwaysOpen":true} | name must not be blank, but was ''
          {"name":"x","alwaysOpen":false} | alwaysOpen must be true, but was false
          {"name":"x","alwaysOpen":true,"zone":"UTC"} | zone must not be present: properties of this kind of calendar are name, alwaysOpen, but was "UTC"
          {"name":"x","union":[]} | union must be a non-empty array of calendars, but was []
          {"name":"x","union":[{"name":"a","alwaysOpen":true},{"name":"b","zone":"UTC","hours":{"MONDAY":[["17:00","08:00"]]}}]} | union[1].hours.MONDAY[0] must start before it ends (00:00 as the end means midnight), but was [17:00-08:00]
          {"name":"x","union":[{"name":"a","alwaysOpen":true},42]} | union[1] must be a JSON object, but was 42
          [1, 2] | json must be a JSON object, but was [1,2]
          """)
  void fromJson_invalid_namesPathAndWhatIsValid(String json, String message) {
    assertThatThrownBy(() -> BusinessCalendars.fromJson(json))
        .isInstanceOf(ValidationException.class)
        .hasMessage(message);
  }

  @Test
  void fromJson_malformedJson_saysWhere() {
    assertThatThrownBy(() -> BusinessCalendars.fromJson("{\"name\": \"x\",\n \"zone\": }"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("json must be a well-formed JSON document, but was not: ")
        .hasMessageEndingWith("at line 2, column 10");
  }

  @Test
  void fromJson_duplicateProperty_isMalformed() {
    assertThatThrownBy(() -> BusinessCalendars.fromJson("{\"name\":\"a\",\"name\":\"b\",\"alwaysOpen\":true}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Duplicate field 'name'");
  }

  @Test
  void fromJson_severalProblems_areAllReported() {
    assertThatThrownBy(
            () ->
                BusinessCalendars.fromJson(
                    "{\"name\":\"x\",\"zone\":\"Nowhere\",\"hours\":{\"Funday\":[[\"08:00\",\"x\"]]}}"))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).getProblems()).hasSize(3));
  }
}
