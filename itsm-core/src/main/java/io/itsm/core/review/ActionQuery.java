package io.itsm.core.review;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Criteria for finding preventive actions; start from {@link #all()} or {@link #open()} and narrow
 * with the {@code withX} methods (every criterion given must match). Results are ordered by
 * action id.
 *
 * <p>Immutable and thread-safe.
 *
 * @param statuses the statuses to match; empty for any
 * @param owner the owner, or empty for any
 * @param team the team, or empty for any
 * @param reviewId the review, or empty for any
 * @param overdueAt only actions overdue at this instant, or empty
 */
public record ActionQuery(Set<ActionStatus> statuses, Optional<String> owner,
    Optional<String> team, Optional<String> reviewId, Optional<Instant> overdueAt) {

  private static final ActionQuery ALL = new ActionQuery(Set.of(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ActionQuery {
    statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(reviewId, "reviewId");
    Objects.requireNonNull(overdueAt, "overdueAt");
  }

  /**
   * Returns the query that matches every action.
   *
   * @return the query
   */
  public static ActionQuery all() {
    return ALL;
  }

  /**
   * Returns the query that matches the actions not finished (OPEN and IN_PROGRESS).
   *
   * @return the query
   */
  public static ActionQuery open() {
    return ALL.withStatuses(EnumSet.of(ActionStatus.OPEN, ActionStatus.IN_PROGRESS));
  }

  /**
   * Returns a copy that matches only these statuses.
   *
   * @param statuses the statuses
   * @return the query
   */
  public ActionQuery withStatuses(Set<ActionStatus> statuses) {
    return new ActionQuery(statuses, owner, team, reviewId, overdueAt);
  }

  /**
   * Returns a copy that also requires an owner.
   *
   * @param owner the owner's id
   * @return the query
   */
  public ActionQuery withOwner(String owner) {
    return new ActionQuery(statuses, Optional.of(owner), team, reviewId, overdueAt);
  }

  /**
   * Returns a copy that also requires a team.
   *
   * @param team the team
   * @return the query
   */
  public ActionQuery withTeam(String team) {
    return new ActionQuery(statuses, owner, Optional.of(team), reviewId, overdueAt);
  }

  /**
   * Returns a copy that also requires a review.
   *
   * @param reviewId the review's id
   * @return the query
   */
  public ActionQuery withReview(String reviewId) {
    return new ActionQuery(statuses, owner, team, Optional.of(reviewId), overdueAt);
  }

  /**
   * Returns a copy that also requires the action to be overdue at an instant.
   *
   * @param at the instant
   * @return the query
   */
  public ActionQuery withOverdueAt(Instant at) {
    return new ActionQuery(statuses, owner, team, reviewId, Optional.of(at));
  }

  /**
   * Tells whether an action matches.
   *
   * @param a the action
   * @return {@code true} if every criterion given matches
   */
  public boolean matches(PreventiveAction a) {
    return (statuses.isEmpty() || statuses.contains(a.status()))
        && owner.map(o -> o.equals(a.owner())).orElse(true)
        && team.map(t -> t.equals(a.team())).orElse(true)
        && reviewId.map(r -> r.equals(a.reviewId())).orElse(true)
        && overdueAt.map(a::isOverdue).orElse(true);
  }
}
