package io.itsm.rules.facts;

import io.itsm.core.review.ActionStatus;
import io.itsm.core.review.PreventiveAction;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * An overdue preventive action as its escalation ladder (action-escalation.drl) matches it, one
 * per decision: {@code OverdueActionFact(daysOverdue >= 7)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the action's id
 * @param reviewId its review
 * @param title what is to be done
 * @param owner who is responsible
 * @param team the owner's team
 * @param started whether its owner started it (IN_PROGRESS)
 * @param dueDate its due date, in UTC, as {@code 2026-03-20}
 * @param daysOverdue whole days since it was due
 * @param hoursOverdue whole hours since it was due
 * @param escalations how often it was escalated since it was last rescheduled
 */
public record OverdueActionFact(
    String id,
    String reviewId,
    String title,
    String owner,
    String team,
    boolean started,
    String dueDate,
    long daysOverdue,
    long hoursOverdue,
    int escalations) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   */
  public OverdueActionFact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reviewId, "reviewId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(dueDate, "dueDate");
  }

  /**
   * The view of an action at an instant.
   *
   * @param a the action
   * @param now the instant
   * @return the fact
   */
  public static OverdueActionFact of(PreventiveAction a, Instant now) {
    Objects.requireNonNull(a, "action");
    Duration over = a.overdueBy(now);
    return new OverdueActionFact(a.id(), a.reviewId(), a.title(), a.owner(), a.team(),
        a.status() == ActionStatus.IN_PROGRESS, a.dueAt().atOffset(ZoneOffset.UTC).toLocalDate()
            .toString(), over.toDays(), over.toHours(), a.escalations().size());
  }
}
