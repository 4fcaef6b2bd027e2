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
 * <p>Every calendar is immutable and thread-safe. Errors in a calendar's definition raise {@link
 * io.itsm.core.ValidationException}; a calendar that runs out of working time raises {@link
 * io.itsm.core.sla.NoWorkingTimeException} instead of searching forever.
 */
package io.itsm.core.sla;
