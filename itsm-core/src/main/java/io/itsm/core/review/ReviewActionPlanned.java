package io.itsm.core.review;

import java.time.Instant;
import java.util.Objects;

/**
 * A preventive action was planned in a draft (or a planned one of the same title replaced).
 *
 * <p>Immutable and thread-safe.
 *
 * @param reviewId the review's id
 * @param sequence the event's position in the review's history
 * @param at when
 * @param actor who planned it
 * @param action the action
 */
public record ReviewActionPlanned(
    String reviewId, long sequence, Instant at, String actor, PlannedAction action)
    implements ReviewEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public ReviewActionPlanned {
    ReviewEvent.check(reviewId, sequence, at, actor);
    Objects.requireNonNull(action, "action");
  }
}
