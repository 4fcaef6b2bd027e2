package io.itsm.core.metrics;

import io.itsm.core.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What metrics can be grouped by. The attribute dimensions take the incident's value at the end
 * of the period (its last change before {@link Period#to()}): an incident counts in one group per
 * attribute, the team that has it at the end, not each team it passed through. The time
 * dimensions ({@link #MONTH}, {@link #WEEK}, {@link #DAY}) put each measurement in the bucket of
 * its own instant (an incident opened in March and resolved in April counts as opened in March
 * and resolved in April), in the zone of {@link MetricsQuery#zone()}.
 *
 * <p>A missing value (no team yet, no channel) is the group {@value #NONE}.
 */
public enum Dimension {
  /** The category code. */
  CATEGORY,
  /** The subcategory code. */
  SUBCATEGORY,
  /** The priority, {@code P1} … {@code P5}. */
  PRIORITY,
  /** The assignment group. */
  TEAM,
  /** The assignee's id. */
  ASSIGNEE,
  /** The support level of the assignment, {@code L1} … {@code VENDOR}. */
  LEVEL,
  /** The channel the ticket came through ({@code PHONE}, {@code EMAIL}, …). */
  CHANNEL,
  /** The affected service. */
  SERVICE,
  /** The caller's department, as the desk trusted it (for charging back). */
  DEPARTMENT,
  /** The caller's language. */
  LANGUAGE,
  /** The name of the SLA targets the incident is measured by ({@code standard}, …). */
  SLA_TARGETS,
  /** The calendar month of the measurement, {@code 2026-11}. */
  MONTH,
  /** The ISO week of the measurement, {@code 2026-W48}. */
  WEEK,
  /** The day of the measurement, {@code 2026-11-23}. */
  DAY;

  /** The group of incidents without a value. */
  public static final String NONE = "(none)";

  /**
   * Returns the name used on the command line and in JSON: lower case with dashes, for example
   * {@code sla-targets}.
   *
   * @return the id
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Tells whether this is a time dimension (month, week, day).
   *
   * @return {@code true} for {@link #MONTH}, {@link #WEEK} and {@link #DAY}
   */
  public boolean isTime() {
    return this == MONTH || this == WEEK || this == DAY;
  }

  /**
   * Parses an id as {@link #id()} returns it (case and {@code _}/{@code -} ignored).
   *
   * @param id the id, for example {@code "team"}
   * @return the dimension
   * @throws ValidationException naming the allowed ids when none matches
   */
  public static Dimension parse(String id) {
    Objects.requireNonNull(id, "id");
    String n = id.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Dimension d : values()) {
      if (d.name().equals(n)) {
        return d;
      }
    }
    throw new ValidationException("unknown dimension '" + id + "'; allowed: "
        + Arrays.stream(values()).map(Dimension::id).collect(Collectors.joining(", ")));
  }
}
