package io.itsm.core.review;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The review was approved (PENDING_APPROVAL → APPROVED) and its planned actions started, with the
 * ids of the {@link PreventiveAction}s, in the order planned.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reviewId the review's id
 * @param sequence the event's position in the review's history
 * @param at when
 * @param actor the approver whose decision completed the approval
 * @param actionIds the started actions' ids
 */
public record ReviewApproved(
    String reviewId, long sequence, Instant at, String actor, List<String> actionIds)
    implements ReviewEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public ReviewApproved {
    ReviewEvent.check(reviewId, sequence, at, actor);
    actionIds = List.copyOf(Objects.requireNonNull(actionIds, "actionIds"));
  }
}
