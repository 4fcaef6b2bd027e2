package io.itsm.core.review;

import java.time.Instant;
import java.util.Objects;

/**
 * The review was closed (APPROVED → CLOSED): all its preventive actions are done or cancelled.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reviewId the review's id
 * @param sequence the event's position in the review's history
 * @param at when
 * @param actor who closed it ({@code "system"} when its last action finished)
 * @param note a closing note; may be empty
 */
public record ReviewClosed(String reviewId, long sequence, Instant at, String actor, String note)
    implements ReviewEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public ReviewClosed {
    ReviewEvent.check(reviewId, sequence, at, actor);
    Objects.requireNonNull(note, "note");
  }
}
