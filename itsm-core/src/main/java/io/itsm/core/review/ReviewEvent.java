package io.itsm.core.review;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.Objects;

/**
 * One change to a {@link PostIncidentReview}: the unit of its history, from which its state is
 * rebuilt ({@link ReviewHistory#replay}).
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface ReviewEvent
    permits ReviewOpened, ReviewTimelineAssembled, ReviewFindingsRecorded, ReviewActionPlanned,
        ReviewActionDropped, ReviewSubmitted, ReviewApprovalDecided, ReviewApproved,
        ReviewApprovalExpired, ReviewClosed, ReviewCancelled {

  /**
   * Returns the id of the review the event belongs to.
   *
   * @return the review id
   */
  String reviewId();

  /**
   * Returns the event's position in its review's history, from 1.
   *
   * @return the sequence number
   */
  long sequence();

  /**
   * Returns when it happened.
   *
   * @return the instant
   */
  Instant at();

  /**
   * Returns who caused it ({@code "system"} for automatic changes).
   *
   * @return the actor id
   */
  String actor();

  /**
   * Returns the event type's name as used in JSON, for example {@code "ReviewApproved"}.
   *
   * @return the simple name of the record
   */
  default String type() {
    return getClass().getSimpleName();
  }

  /**
   * Checks the components every review event has.
   *
   * @param reviewId the review id
   * @param sequence the sequence number
   * @param at the instant
   * @param actor the actor id
   * @throws NullPointerException if a reference is null
   * @throws ValidationException if {@code sequence} is below 1 or {@code reviewId} is blank
   */
  static void check(String reviewId, long sequence, Instant at, String actor) {
    Objects.requireNonNull(reviewId, "reviewId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    if (reviewId.isBlank()) {
      throw new ValidationException("reviewId must not be blank");
    }
    if (sequence < 1) {
      throw new ValidationException("event sequence must be 1 or more, but was " + sequence);
    }
  }
}
