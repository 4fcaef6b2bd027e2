package io.itsm.core.review;

import io.itsm.core.approval.Approval;
import io.itsm.core.event.Provenance;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A post-incident review: of what (the scope), why it was required and by when, the timeline and
 * impact assembled from the incidents' events, the findings (root cause, contributing factors,
 * lessons), the preventive actions planned, the approval by senior management, and the actions
 * started when it was approved. Rebuilt from its events ({@link ReviewHistory}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the review's id, for example {@code PIR-000002}
 * @param title what it is about
 * @param scope the incidents it covers
 * @param status where it stands
 * @param requiredBy the rule that required it, if a rule did
 * @param dueAt by when it must be approved, if a rule set a time
 * @param timeline what happened, oldest first
 * @param impact what it cost
 * @param rootCause the root cause, once recorded
 * @param contributingFactors what made it worse or longer
 * @param lessons what was learned
 * @param plannedActions the preventive actions planned
 * @param approval the latest approval requested, if submitted at least once
 * @param actionIds the preventive actions started by the approval, in the order planned
 * @param openedAt when it was opened
 * @param updatedAt the last change
 * @param version the number of its events
 */
public record PostIncidentReview(
    String id,
    String title,
    ReviewScope scope,
    ReviewStatus status,
    Optional<Provenance> requiredBy,
    Optional<Instant> dueAt,
    List<TimelineEntry> timeline,
    ReviewImpact impact,
    Optional<String> rootCause,
    List<String> contributingFactors,
    List<String> lessons,
    List<PlannedAction> plannedActions,
    Optional<Approval> approval,
    List<String> actionIds,
    Instant openedAt,
    Instant updatedAt,
    long version) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public PostIncidentReview {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(requiredBy, "requiredBy");
    Objects.requireNonNull(dueAt, "dueAt");
    timeline = List.copyOf(Objects.requireNonNull(timeline, "timeline"));
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(rootCause, "rootCause");
    contributingFactors = List.copyOf(Objects.requireNonNull(contributingFactors,
        "contributingFactors"));
    lessons = List.copyOf(Objects.requireNonNull(lessons, "lessons"));
    plannedActions = List.copyOf(Objects.requireNonNull(plannedActions, "plannedActions"));
    Objects.requireNonNull(approval, "approval");
    actionIds = List.copyOf(Objects.requireNonNull(actionIds, "actionIds"));
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * Finds a planned action by title.
   *
   * @param title the title
   * @return the action, or empty
   */
  public Optional<PlannedAction> plannedAction(String title) {
    return plannedActions.stream().filter(a -> a.title().equals(title)).findFirst();
  }

  /**
   * Tells whether the review covers an incident.
   *
   * @param incidentId the incident's id
   * @return {@code true} if it is in the scope
   */
  public boolean covers(String incidentId) {
    return scope.incidentIds().contains(incidentId);
  }

  /**
   * Tells whether the review was due by an instant and is not approved yet.
   *
   * @param now the instant
   * @return {@code true} if it has a due time at or before {@code now} and is a draft or pending
   */
  public boolean isOverdue(Instant now) {
    return (status == ReviewStatus.DRAFT || status == ReviewStatus.PENDING_APPROVAL)
        && dueAt.map(d -> !d.isAfter(now)).orElse(false);
  }
}
