package io.itsm.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The incident was closed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param closeReason how it came to be closed
 * @param note a note; may be empty
 */
public record Closed(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    CloseReason closeReason,
    String note)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public Closed {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(closeReason, "closeReason");
    Objects.requireNonNull(note, "note");
    IncidentEvent.checkSequence(sequence);
  }
}
