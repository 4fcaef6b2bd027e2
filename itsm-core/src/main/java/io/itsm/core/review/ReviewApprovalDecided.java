package io.itsm.core.review;

import io.itsm.core.approval.Approval;
import io.itsm.core.approval.Verdict;
import java.time.Instant;
import java.util.Objects;

/**
 * An approver decided: the approval after the decision. If it is now REJECTED the review goes back
 * to DRAFT with the comment on record; if it is APPROVED a {@link ReviewApproved} follows; while a
 * quorum or later level is missing it stays PENDING_APPROVAL.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reviewId the review's id
 * @param sequence the event's position in the review's history
 * @param at when
 * @param actor the approver
 * @param approval the approval after the decision
 * @param verdict approve or reject
 * @param comment the approver's comment (required when rejecting)
 */
public record ReviewApprovalDecided(
    String reviewId, long sequence, Instant at, String actor, Approval approval, Verdict verdict,
    String comment)
    implements ReviewEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public ReviewApprovalDecided {
    ReviewEvent.check(reviewId, sequence, at, actor);
    Objects.requireNonNull(approval, "approval");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(comment, "comment");
  }
}
