package io.itsm.examples.bench;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The baseline for the due-date benchmark: the straightforward plain-Java way to add business
 * time — walk day by day, and on each working day take what is left of its one working interval.
 * It handles the same calendar as the benchmark (one interval a day, weekends, fixed and yearly
 * holidays) and gives the same instants; {@code SlaBenchmarkTest} asserts that.
 *
 * <p>Immutable and thread-safe.
 */
public final class DayByDayCalendar {

  private final ZoneId zone;
  private final LocalTime open;
  private final LocalTime close;
  private final Set<LocalDate> holidays;
  private final Set<MonthDay> yearly;

  /**
   * Creates the calendar.
   *
   * @param zone the zone of the working hours
   * @param open when each weekday's work starts
   * @param close when it ends
   * @param holidays fixed holidays
   * @param yearly holidays every year
   */
  public DayByDayCalendar(ZoneId zone, LocalTime open, LocalTime close, Set<LocalDate> holidays,
      Set<MonthDay> yearly) {
    this.zone = zone;
    this.open = open;
    this.close = close;
    this.holidays = Set.copyOf(holidays);
    this.yearly = Set.copyOf(yearly);
  }

  private boolean isWorkingDay(LocalDate d) {
    DayOfWeek w = d.getDayOfWeek();
    return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !holidays.contains(d)
        && !yearly.contains(MonthDay.from(d));
  }

  /**
   * Adds business time.
   *
   * @param start where to start
   * @param amount how much working time, positive
   * @return the instant the amount has elapsed
   */
  public Instant addBusinessTime(Instant start, Duration amount) {
    Duration left = amount;
    LocalDate day = start.atZone(zone).toLocalDate();
    while (true) {
      if (isWorkingDay(day)) {
        Instant from = ZonedDateTime.of(day, open, zone).toInstant();
        Instant to = ZonedDateTime.of(day, close, zone).toInstant();
        if (from.isBefore(start)) {
          from = start;
        }
        if (from.isBefore(to)) {
          Duration available = Duration.between(from, to);
          if (available.compareTo(left) >= 0) {
            return from.plus(left);
          }
          left = left.minus(available);
        }
      }
      day = day.plusDays(1);
    }
  }
}
