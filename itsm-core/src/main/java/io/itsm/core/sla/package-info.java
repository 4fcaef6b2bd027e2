/**
 * SLAs: policies of response and resolution targets ({@link io.itsm.core.sla.SlaPolicy}), the
 * pure {@link io.itsm.core.sla.SlaClock} that computes an incident's {@link
 * io.itsm.core.sla.SlaReport} from its history, and business calendars: when the clock of an SLA
 * runs. See {@code docs/sla.md}.
 *
 * <p>A {@link io.itsm.core.sla.BusinessCalendar} answers four questions: is this instant working
 * time, when does working time next begin, when is something due after so much working time, and
 * how much working time lies between two instants. Calendars are 24×7 ({@link
 * io.itsm.core.sla.BusinessCalendar#alwaysOpen()}), weekly working hours in a time zone with
 * holidays and exceptions ({@link io.itsm.core.sla.BusinessCalendar#builder(String,
 * java.time.ZoneId)}), or follow-the-sun unions of other calendars; {@link
 * io.itsm.core.sla.BusinessCalendars} loads them from JSON.
 *
 * <h2>Working hours: which hours apply on a date</h2>
 *
 * <p>In a {@link io.itsm.core.sla.WorkingHoursCalendar} (its builder's methods in brackets):
 *
 * <ol>
 *   <li>If the date has special hours ({@code specialHours}), those replace everything else for
 *       that date (even a yearly holiday).
 *   <li>Otherwise, if the date is a fixed holiday ({@code holiday}), a closed date ({@code
 *       closed}) or a yearly holiday ({@code yearlyHoliday}), there is no working time. A yearly
 *       holiday on February 29 applies in leap years only.
 *   <li>Otherwise the weekly hours ({@code hours}) of its day of the week apply.
 * </ol>
 *
 * <h2>Daylight saving time</h2>
 *
 * <p>Working hours are wall-clock times in the calendar's zone and are turned into instants with
 * the zone's rules, so a day's business time is the real elapsed time: on a spring-forward date
 * the hours 00:00–06:00 hold 5 hours of working time, on an autumn-back date 7 hours. A wall-clock
 * time that does not exist (inside a spring-forward gap) stands for the instant of the
 * transition; a time that exists twice (inside an autumn overlap) stands for its earlier
 * occurrence. An interval lying wholly inside a gap is therefore empty on that date.
 *
 * <p>Every calendar is immutable and thread-safe. Errors in a calendar's definition raise {@link
 * io.itsm.core.ValidationException}; a calendar that runs out of working time raises {@link
 * io.itsm.core.sla.NoWorkingTimeException} instead of searching forever.
 */
package io.itsm.core.sla;
