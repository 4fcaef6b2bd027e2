package io.itsm.core.cmdb;

import io.itsm.core.approval.Approval;
import io.itsm.core.approval.Verdict;
import java.time.Instant;
import java.util.Objects;

/**
 * An approver decided: the approval after the decision (approved, rejected, or still pending for
 * more decisions or the next stage).
 *
 * <p>Immutable and thread-safe.
 *
 * @param changeId the change
 * @param sequence the event's position, from 1
 * @param at when
 * @param actor the approver
 * @param approval the approval after the decision
 * @param verdict approve or reject
 * @param comment the approver's comment
 */
public record ChangeApprovalDecided(
    String changeId, long sequence, Instant at, String actor, Approval approval, Verdict verdict,
    String comment) implements ChangeEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1
   */
  public ChangeApprovalDecided {
    ChangeEvent.check(changeId, sequence, at, actor);
    Objects.requireNonNull(approval, "approval");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(comment, "comment");
  }
}
