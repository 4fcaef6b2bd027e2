package io.itsm.core.review;

import java.time.Instant;
import java.util.Objects;

/**
 * A planned action was dropped from a draft.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reviewId the review's id
 * @param sequence the event's position in the review's history
 * @param at when
 * @param actor who dropped it
 * @param title the action's title
 * @param reason why; may be empty
 */
public record ReviewActionDropped(
    String reviewId, long sequence, Instant at, String actor, String title, String reason)
    implements ReviewEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public ReviewActionDropped {
    ReviewEvent.check(reviewId, sequence, at, actor);
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(reason, "reason");
  }
}
