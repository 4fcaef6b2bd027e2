package io.itsm.core.review;

import io.itsm.core.approval.Approval;
import java.time.Instant;
import java.util.Objects;

/**
 * The approval was not decided by its due time (PENDING_APPROVAL → DRAFT); submit the review again.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reviewId the review's id
 * @param sequence the event's position in the review's history
 * @param at when (the approval's due time)
 * @param actor {@code "system"}
 * @param approval the expired approval
 */
public record ReviewApprovalExpired(
    String reviewId, long sequence, Instant at, String actor, Approval approval)
    implements ReviewEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public ReviewApprovalExpired {
    ReviewEvent.check(reviewId, sequence, at, actor);
    Objects.requireNonNull(approval, "approval");
  }
}
