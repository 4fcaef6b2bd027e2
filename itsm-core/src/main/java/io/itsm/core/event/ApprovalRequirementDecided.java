package io.itsm.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether resolving the incident needs a manager's approval was decided.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param required whether approval is required
 * @param decidedBy who or which rule decided
 */
public record ApprovalRequirementDecided(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    boolean required,
    Provenance decidedBy)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public ApprovalRequirementDecided {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(decidedBy, "decidedBy");
    IncidentEvent.checkSequence(sequence);
  }
}
