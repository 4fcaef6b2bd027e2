package io.itsm.core.sla;

import io.itsm.core.ItsmException;
import java.time.Instant;
import java.util.Objects;

/**
 * Thrown when a calendar has no working time within {@link
 * BusinessCalendar#SEARCH_HORIZON_YEARS} years after an instant, so no working instant or due
 * instant can be found. Typical causes: a calendar made only of {@code specialHours} whose last
 * date has passed, or holidays and closed dates covering every working day for years.
 *
 * <p>Instances are immutable once thrown.
 */
public class NoWorkingTimeException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final String calendarName;
  private final Instant searchedFrom;

  /**
   * Creates the exception.
   *
   * @param calendarName the calendar searched
   * @param searchedFrom the instant the search started at
   */
  public NoWorkingTimeException(String calendarName, Instant searchedFrom) {
    super(
        "calendar '"
            + calendarName
            + "' must have working time within "
            + BusinessCalendar.SEARCH_HORIZON_YEARS
            + " years after "
            + searchedFrom
            + ", but has none; add weekly hours or specialHours",
        null,
        null);
    this.calendarName = Objects.requireNonNull(calendarName, "calendarName");
    this.searchedFrom = Objects.requireNonNull(searchedFrom, "searchedFrom");
  }

  /**
   * Returns the name of the calendar searched.
   *
   * @return the calendar name
   */
  public String getCalendarName() {
    return calendarName;
  }

  /**
   * Returns the instant the search started at.
   *
   * @return the instant
   */
  public Instant getSearchedFrom() {
    return searchedFrom;
  }
}
