package io.itsm.core.review;

import java.time.Instant;
import java.util.Objects;

/**
 * The action's due time was moved; its escalation ladder starts again from the new due time.
 *
 * <p>Immutable and thread-safe.
 *
 * @param actionId the action's id
 * @param sequence the event's position in the action's history
 * @param at when
 * @param actor who moved it
 * @param dueAt the new due time
 * @param reason why; not blank
 */
public record PreventiveActionRescheduled(
    String actionId, long sequence, Instant at, String actor, Instant dueAt, String reason)
    implements PreventiveActionEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public PreventiveActionRescheduled {
    PreventiveActionEvent.check(actionId, sequence, at, actor);
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(reason, "reason");
  }
}
