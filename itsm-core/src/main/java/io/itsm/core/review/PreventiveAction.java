package io.itsm.core.review;

import io.itsm.core.improvement.RecordRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A preventive action started by an approved {@link PostIncidentReview}: who does what by when,
 * what implements it (a change, a problem, a knowledge article), the evidence when done, and the
 * escalations while it is overdue. Rebuilt from its events ({@link PreventiveActionHistory}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the action's id, for example {@code PA-000004}
 * @param reviewId the review that planned it
 * @param title what is to be done
 * @param owner who is responsible
 * @param team the owner's team
 * @param dueAt when it must be done
 * @param status where it stands
 * @param implementedBy the change, problem or article that implements it, if linked
 * @param evidence what shows it is done, once DONE
 * @param cancelReason why it was cancelled, once CANCELLED
 * @param escalations the escalations since it was last rescheduled, oldest first
 * @param openedAt when it started (the review's approval)
 * @param updatedAt the last change
 * @param finishedAt when it became DONE or CANCELLED
 * @param version the number of its events
 */
public record PreventiveAction(
    String id,
    String reviewId,
    String title,
    String owner,
    String team,
    Instant dueAt,
    ActionStatus status,
    Optional<RecordRef> implementedBy,
    Optional<String> evidence,
    Optional<String> cancelReason,
    List<ActionEscalation> escalations,
    Instant openedAt,
    Instant updatedAt,
    Optional<Instant> finishedAt,
    long version) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public PreventiveAction {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reviewId, "reviewId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(implementedBy, "implementedBy");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(cancelReason, "cancelReason");
    escalations = List.copyOf(Objects.requireNonNull(escalations, "escalations"));
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }

  /**
   * Tells whether the action is overdue at an instant: not finished and past its due time.
   *
   * @param now the instant
   * @return {@code true} if overdue
   */
  public boolean isOverdue(Instant now) {
    return !status.isFinished() && !now.isBefore(dueAt);
  }

  /**
   * Returns how long the action has been overdue at an instant.
   *
   * @param now the instant
   * @return the time since the due time, or zero when not overdue
   */
  public Duration overdueBy(Instant now) {
    return isOverdue(now) ? Duration.between(dueAt, now) : Duration.ZERO;
  }
}
