package io.itsm.core.event;

import io.itsm.core.approval.Approval;
import io.itsm.core.approval.Verdict;
import java.time.Instant;
import java.util.Objects;

/**
 * An approver decided; {@code approval} is the approval after the decision (maybe still pending).
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param approval the approval after the decision
 * @param verdict approve or reject
 * @param comment the approver's comment; may be empty
 */
public record ApprovalDecided(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    Approval approval,
    Verdict verdict,
    String comment)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public ApprovalDecided {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(approval, "approval");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(comment, "comment");
    IncidentEvent.checkSequence(sequence);
  }
}
