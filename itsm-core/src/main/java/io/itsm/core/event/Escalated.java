package io.itsm.core.event;

import io.itsm.core.access.Role;
import io.itsm.core.incident.Assignment;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The incident was escalated: functionally (to another level or team) or hierarchically (a role was notified).
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param kind functional or hierarchical
 * @param assignment for functional escalations, the new assignment
 * @param notified for hierarchical escalations, the role notified
 * @param reason why; not blank
 * @param decidedBy who or which rule decided
 */
public record Escalated(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    EscalationKind kind,
    Optional<Assignment> assignment,
    Optional<Role> notified,
    String reason,
    Provenance decidedBy)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public Escalated {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(assignment, "assignment");
    Objects.requireNonNull(notified, "notified");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(decidedBy, "decidedBy");
    IncidentEvent.checkSequence(sequence);
  }
}
