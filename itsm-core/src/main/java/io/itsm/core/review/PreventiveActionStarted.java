package io.itsm.core.review;

import java.time.Instant;

/**
 * Its owner started work (OPEN → IN_PROGRESS).
 *
 * <p>Immutable and thread-safe.
 *
 * @param actionId the action's id
 * @param sequence the event's position in the action's history
 * @param at when
 * @param actor who started it
 */
public record PreventiveActionStarted(String actionId, long sequence, Instant at, String actor)
    implements PreventiveActionEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public PreventiveActionStarted {
    PreventiveActionEvent.check(actionId, sequence, at, actor);
  }
}
