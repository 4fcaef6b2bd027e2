package io.itsm.core.event;

import io.itsm.core.approval.Approval;
import java.time.Instant;
import java.util.Objects;

/**
 * A pending approval passed its due time without a decision.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param approval the expired approval
 */
public record ApprovalExpired(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    Approval approval)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public ApprovalExpired {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(approval, "approval");
    IncidentEvent.checkSequence(sequence);
  }
}
