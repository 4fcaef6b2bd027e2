package io.itsm.core.review;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Criteria for finding reviews; start from {@link #all()} and narrow with the {@code withX}
 * methods (every criterion given must match). Results are ordered by review id.
 *
 * <p>Immutable and thread-safe.
 *
 * @param status the status, or empty for any
 * @param incidentId an incident the review covers, or empty for any
 * @param overdueAt only reviews overdue at this instant ({@link PostIncidentReview#isOverdue}),
 *     or empty
 */
public record ReviewQuery(Optional<ReviewStatus> status, Optional<String> incidentId,
    Optional<Instant> overdueAt) {

  private static final ReviewQuery ALL =
      new ReviewQuery(Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ReviewQuery {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(overdueAt, "overdueAt");
  }

  /**
   * Returns the query that matches every review.
   *
   * @return the query
   */
  public static ReviewQuery all() {
    return ALL;
  }

  /**
   * Returns a copy that also requires a status.
   *
   * @param status the status
   * @return the query
   */
  public ReviewQuery withStatus(ReviewStatus status) {
    return new ReviewQuery(Optional.of(status), incidentId, overdueAt);
  }

  /**
   * Returns a copy that also requires the review to cover an incident.
   *
   * @param incidentId the incident's id
   * @return the query
   */
  public ReviewQuery withIncident(String incidentId) {
    return new ReviewQuery(status, Optional.of(incidentId), overdueAt);
  }

  /**
   * Returns a copy that also requires the review to be overdue at an instant.
   *
   * @param at the instant
   * @return the query
   */
  public ReviewQuery withOverdueAt(Instant at) {
    return new ReviewQuery(status, incidentId, Optional.of(at));
  }

  /**
   * Tells whether a review matches.
   *
   * @param r the review
   * @return {@code true} if every criterion given matches
   */
  public boolean matches(PostIncidentReview r) {
    return status.map(s -> s == r.status()).orElse(true)
        && incidentId.map(r::covers).orElse(true)
        && overdueAt.map(r::isOverdue).orElse(true);
  }
}
