package io.itsm.core.review;

import io.itsm.core.approval.Approval;
import java.time.Instant;
import java.util.Objects;

/**
 * A draft was submitted for approval (DRAFT → PENDING_APPROVAL): the approval requested, of kind
 * {@code INCIDENT_REPORT}, from the review's approvers.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reviewId the review's id
 * @param sequence the event's position in the review's history
 * @param at when
 * @param actor who submitted it
 * @param approval the pending approval
 */
public record ReviewSubmitted(
    String reviewId, long sequence, Instant at, String actor, Approval approval)
    implements ReviewEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public ReviewSubmitted {
    ReviewEvent.check(reviewId, sequence, at, actor);
    Objects.requireNonNull(approval, "approval");
  }
}
