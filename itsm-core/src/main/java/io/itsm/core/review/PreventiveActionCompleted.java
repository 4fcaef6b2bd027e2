package io.itsm.core.review;

import java.time.Instant;

/**
 * The action is done (→ DONE), with the evidence.
 *
 * <p>Immutable and thread-safe.
 *
 * @param actionId the action's id
 * @param sequence the event's position in the action's history
 * @param at when
 * @param actor who completed it
 * @param evidence what shows it is done, for example "change CHG-000012 implemented and verified";
 *     not blank
 */
public record PreventiveActionCompleted(
    String actionId, long sequence, Instant at, String actor, String evidence)
    implements PreventiveActionEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1 or the evidence is
   *     blank
   */
  public PreventiveActionCompleted {
    PreventiveActionEvent.check(actionId, sequence, at, actor);
    PreventiveActionEvent.requireText("evidence", evidence);
  }
}
