package io.itsm.core.review;

import java.util.List;
import java.util.Optional;

/**
 * Where reviews are kept: each as its event history with its current state beside it. {@link
 * Reviews} appends the events of one command at once; a repository applies them atomically and
 * only if the stored version is still the one the command read. A database store keeps them in the
 * events table under aggregate type {@code review} (see docs/store.md, "More aggregates").
 *
 * <p>Implementations must be thread-safe. {@link InMemoryReviewRepository} is the default.
 */
public interface ReviewRepository {

  /**
   * Appends events and stores the new state, atomically.
   *
   * @param expectedVersion the version the command read: 0 for a new review
   * @param events the new events, in order
   * @param review the review after them
   * @throws io.itsm.core.StaleRecordException if the stored version differs; nothing is stored
   */
  void append(long expectedVersion, List<ReviewEvent> events, PostIncidentReview review);

  /**
   * Finds a review.
   *
   * @param id the review's id
   * @return the review, or empty
   */
  Optional<PostIncidentReview> find(String id);

  /**
   * Returns a review's history.
   *
   * @param id the review's id
   * @return an immutable snapshot, oldest first; empty when there is no such review
   */
  List<ReviewEvent> history(String id);

  /**
   * Finds the reviews matching a query, ordered by id.
   *
   * @param query the criteria
   * @return the reviews
   */
  List<PostIncidentReview> find(ReviewQuery query);
}
