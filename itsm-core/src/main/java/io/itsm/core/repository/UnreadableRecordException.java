package io.itsm.core.repository;

import io.itsm.core.ItsmException;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Thrown when a repository holds a record of an incident that it cannot read: an event or a state
 * whose stored form no longer parses (edited by hand, written by an unknown version) or does not
 * fit its place (a sequence out of order, another incident's id). The message names the incident,
 * the event's sequence and the problem; the rest of the repository keeps working.
 *
 * <p>Immutable.
 */
public class UnreadableRecordException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final long sequence;

  /**
   * Creates the exception.
   *
   * @param incidentId the incident the record belongs to
   * @param sequence the event's sequence, or 0 when the record is the incident's state
   * @param problem what is wrong with it and, where known, how to repair it
   * @param cause the parse error, or {@code null}
   */
  public UnreadableRecordException(String incidentId, long sequence, String problem, Throwable cause) {
    super((sequence > 0 ? "event #" + sequence + " of incident " : "the stored state of incident ")
        + Objects.requireNonNull(incidentId, "incidentId") + " cannot be read: "
        + Objects.requireNonNull(problem, "problem"), incidentId, cause);
    this.sequence = sequence;
  }

  /**
   * Returns the sequence of the unreadable event.
   *
   * @return the sequence, or empty when the unreadable record is the incident's state
   */
  public OptionalLong getSequence() {
    return sequence > 0 ? OptionalLong.of(sequence) : OptionalLong.empty();
  }
}
