package io.itsm.core.review;

import io.itsm.core.improvement.internal.InMemoryRecords;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps reviews in memory. Thread-safe.
 */
public final class InMemoryReviewRepository implements ReviewRepository {

  private final InMemoryRecords<PostIncidentReview, ReviewEvent> records =
      new InMemoryRecords<>("post-incident review");

  /** Creates an empty repository. */
  public InMemoryReviewRepository() {}

  @Override
  public void append(long expectedVersion, List<ReviewEvent> events, PostIncidentReview review) {
    Objects.requireNonNull(review, "review");
    records.append(review.id(), expectedVersion, events, review);
  }

  @Override
  public Optional<PostIncidentReview> find(String id) {
    return records.find(id);
  }

  @Override
  public List<ReviewEvent> history(String id) {
    return records.history(id);
  }

  @Override
  public List<PostIncidentReview> find(ReviewQuery query) {
    Objects.requireNonNull(query, "query");
    return records.states().filter(query::matches).toList();
  }
}
