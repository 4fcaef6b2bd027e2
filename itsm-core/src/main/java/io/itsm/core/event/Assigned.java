package io.itsm.core.event;

import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Status;
import java.time.Instant;
import java.util.Objects;

/**
 * The incident was assigned (or reassigned) to a team, maybe a person, and a support level; the status becomes {@code status}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param assignment the new assignment
 * @param status the status after the assignment
 * @param decidedBy who or which rule decided
 */
public record Assigned(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    Assignment assignment,
    Status status,
    Provenance decidedBy)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public Assigned {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(assignment, "assignment");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(decidedBy, "decidedBy");
    IncidentEvent.checkSequence(sequence);
  }
}
