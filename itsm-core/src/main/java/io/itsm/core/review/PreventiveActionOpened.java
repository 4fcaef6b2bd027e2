package io.itsm.core.review;

import io.itsm.core.improvement.RecordRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A preventive action started (OPEN), planned by an approved review.
 *
 * <p>Immutable and thread-safe.
 *
 * @param actionId the new action's id
 * @param sequence always 1
 * @param at when (the review's approval)
 * @param actor who approved the review
 * @param reviewId the review
 * @param title what is to be done
 * @param owner who is responsible
 * @param team the owner's team
 * @param dueAt when it must be done
 * @param implementedBy the change, problem or article that implements it, if known
 */
public record PreventiveActionOpened(
    String actionId,
    long sequence,
    Instant at,
    String actor,
    String reviewId,
    String title,
    String owner,
    String team,
    Instant dueAt,
    Optional<RecordRef> implementedBy)
    implements PreventiveActionEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1 or a text is blank
   */
  public PreventiveActionOpened {
    PreventiveActionEvent.check(actionId, sequence, at, actor);
    PreventiveActionEvent.requireText("reviewId", reviewId);
    PreventiveActionEvent.requireText("title", title);
    PreventiveActionEvent.requireText("owner", owner);
    PreventiveActionEvent.requireText("team", team);
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(implementedBy, "implementedBy");
  }
}
