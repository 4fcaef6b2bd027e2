package io.itsm.jdbc;

import java.util.Objects;

/**
 * A record of the store that cannot be read, as {@link JdbcStore#check()} reports it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident the record belongs to (or the knowledge article: {@link
 *     JdbcStore#check()} checks both)
 * @param sequence the event's sequence, or 0 when the record is the incident's (article's) state
 *     row
 * @param problem what is wrong and how to repair it
 */
public record StoreProblem(String incidentId, long sequence, String problem) {

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException if {@code sequence} is negative
   */
  public StoreProblem {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(problem, "problem");
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must be 0 or more, but was " + sequence);
    }
  }

  @Override
  public String toString() {
    return incidentId + (sequence > 0 ? " #" + sequence : " (state)") + ": " + problem;
  }
}
