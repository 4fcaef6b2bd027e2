package io.itsm.core.event;

import io.itsm.core.incident.OnHoldReason;
import java.time.Instant;
import java.util.Objects;

/**
 * The incident was put on hold (or its on-hold reason changed).
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param reason what the incident waits for
 * @param note a note for the record; may be empty
 */
public record PutOnHold(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    OnHoldReason reason,
    String note)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public PutOnHold {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(note, "note");
    IncidentEvent.checkSequence(sequence);
  }
}
