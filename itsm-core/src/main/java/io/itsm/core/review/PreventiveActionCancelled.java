package io.itsm.core.review;

import java.time.Instant;

/**
 * The action was cancelled (→ CANCELLED), with the reason.
 *
 * <p>Immutable and thread-safe.
 *
 * @param actionId the action's id
 * @param sequence the event's position in the action's history
 * @param at when
 * @param actor who cancelled it
 * @param reason why; not blank
 */
public record PreventiveActionCancelled(
    String actionId, long sequence, Instant at, String actor, String reason)
    implements PreventiveActionEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1 or the reason is blank
   */
  public PreventiveActionCancelled {
    PreventiveActionEvent.check(actionId, sequence, at, actor);
    PreventiveActionEvent.requireText("cancellation reason", reason);
  }
}
