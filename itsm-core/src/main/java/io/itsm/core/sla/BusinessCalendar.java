package io.itsm.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * When work on a ticket counts towards its SLA: the working time of a service desk.
 *
 * <p>Three kinds exist: {@link #alwaysOpen()} ({@link TwentyFourSeven}), weekly working hours
 * with holidays and exceptions ({@link #builder(String, ZoneId)}, {@link WorkingHoursCalendar}),
 * and follow-the-sun unions ({@link #union(String, BusinessCalendar...)}, {@link
 * UnionCalendar}). Calendars can also be loaded from JSON with {@link BusinessCalendars}.
 *
 * <pre>{@code
 * BusinessCalendar office = BusinessCalendar.builder("stockholm-office", ZoneId.of("Europe/Stockholm"))
 *     .weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0))
 *     .yearlyHoliday(MonthDay.of(12, 25))
 *     .build();
 * Instant due = office.addBusinessTime(openedAt, Duration.ofHours(8));
 * }</pre>
 *
 * <p><b>Working time</b> is a set of half-open blocks {@code [start, end)} of instants. An
 * instant is working time when it lies inside a block: the start of working hours is working
 * time, their end is not.
 *
 * <p>Every implementation is immutable and thread-safe.
 */
public sealed interface BusinessCalendar permits TwentyFourSeven, WorkingHoursCalendar, UnionCalendar {

  /**
   * How many years ahead {@link #nextWorkingInstant(Instant)} and {@link #addBusinessTime(Instant,
   * Duration)} look for working time before giving up with a {@link NoWorkingTimeException}.
   */
  int SEARCH_HORIZON_YEARS = 10;

  /**
   * Returns the calendar's name, as given when it was built.
   *
   * @return the name, never blank
   */
  String name();

  /**
   * Tells whether an instant is working time.
   *
   * @param instant the instant
   * @return {@code true} when {@code instant} lies inside a block of working time (block start
   *     inclusive, block end exclusive)
   * @throws NullPointerException if {@code instant} is null
   */
  boolean isWorkingTime(Instant instant);

  /**
   * Returns the first working instant at or after {@code instant}: {@code instant} itself when it
   * is working time, otherwise the start of the next block of working time.
   *
   * @param instant the instant to search from
   * @return the next working instant, never before {@code instant}
   * @throws NullPointerException if {@code instant} is null
   * @throws NoWorkingTimeException if there is no working time within {@link
   *     #SEARCH_HORIZON_YEARS} years after {@code instant}
   */
  Instant nextWorkingInstant(Instant instant);

  /**
   * Returns the due instant: the earliest instant at which {@code amount} of working time has
   * elapsed since {@code start}. Time outside working hours does not count. When the amount runs
   * out exactly at the end of a block of working time, the result is that end (for example 12:00
   * at the start of a lunch break), not the start of the next block.
   *
   * <p>{@code businessTimeBetween(start, addBusinessTime(start, amount))} equals {@code amount}.
   *
   * @param start when the clock starts; need not be working time
   * @param amount the working time to add
   * @return the due instant, after {@code start}
   * @throws NullPointerException if {@code start} or {@code amount} is null
   * @throws io.itsm.core.ValidationException if {@code amount} is zero or negative
   * @throws NoWorkingTimeException if the search for working time goes more than {@link
   *     #SEARCH_HORIZON_YEARS} years past a block without finding the next one
   * @throws java.time.DateTimeException if the due instant is after {@link Instant#MAX}
   */
  Instant addBusinessTime(Instant start, Duration amount);

  /**
   * Returns how much working time lies in {@code [from, to)}.
   *
   * @param from the start, inclusive
   * @param to the end, exclusive
   * @return the working time, {@link Duration#ZERO} when {@code to} is not after {@code from}
   * @throws NullPointerException if {@code from} or {@code to} is null
   */
  Duration businessTimeBetween(Instant from, Instant to);

  /**
   * Returns the 24×7 calendar named {@code "24x7"}: every instant is working time.
   *
   * @return the shared instance
   */
  static BusinessCalendar alwaysOpen() {
    return TwentyFourSeven.INSTANCE;
  }

  /**
   * Returns a 24×7 calendar with the given name: every instant is working time.
   *
   * @param name the calendar's name
   * @return the calendar
   * @throws NullPointerException if {@code name} is null
   * @throws io.itsm.core.ValidationException if {@code name} is blank
   */
  static BusinessCalendar alwaysOpen(String name) {
    return new TwentyFourSeven(name);
  }

  /**
   * Starts building a calendar of weekly working hours in a time zone.
   *
   * @param name the calendar's name, checked by {@link WorkingHoursCalendar.Builder#build()}
   * @param zone the zone the working hours are wall-clock times in
   * @return a new builder, not thread-safe
   * @throws NullPointerException if {@code name} or {@code zone} is null
   */
  static WorkingHoursCalendar.Builder builder(String name, ZoneId zone) {
    return new WorkingHoursCalendar.Builder(name, zone);
  }

  /**
   * Returns a follow-the-sun calendar: an instant is working time when it is working time in at
   * least one member.
   *
   * @param name the calendar's name
   * @param members the calendars joined, at least one
   * @return the union
   * @throws NullPointerException if {@code name}, {@code members} or a member is null
   * @throws io.itsm.core.ValidationException if {@code name} is blank or {@code members} is empty
   */
  static UnionCalendar union(String name, BusinessCalendar... members) {
    return new UnionCalendar(name, members);
  }
}
