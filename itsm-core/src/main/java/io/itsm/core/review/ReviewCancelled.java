package io.itsm.core.review;

import java.time.Instant;
import java.util.Objects;

/**
 * A draft was cancelled: the review is not needed after all (DRAFT → CANCELLED).
 *
 * <p>Immutable and thread-safe.
 *
 * @param reviewId the review's id
 * @param sequence the event's position in the review's history
 * @param at when
 * @param actor who cancelled it
 * @param reason why; not blank
 */
public record ReviewCancelled(String reviewId, long sequence, Instant at, String actor,
    String reason) implements ReviewEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public ReviewCancelled {
    ReviewEvent.check(reviewId, sequence, at, actor);
    Objects.requireNonNull(reason, "reason");
  }
}
