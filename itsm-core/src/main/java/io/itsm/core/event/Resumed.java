package io.itsm.core.event;

import io.itsm.core.incident.Status;
import java.time.Instant;
import java.util.Objects;

/**
 * Work resumed after a hold; the status becomes {@link Status#IN_PROGRESS}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param note a note for the record; may be empty
 */
public record Resumed(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    String note)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public Resumed {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(note, "note");
    IncidentEvent.checkSequence(sequence);
  }
}
