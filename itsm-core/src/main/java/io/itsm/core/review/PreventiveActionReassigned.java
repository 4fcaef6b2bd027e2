package io.itsm.core.review;

import java.time.Instant;

/**
 * The action was given to another owner (and team).
 *
 * <p>Immutable and thread-safe.
 *
 * @param actionId the action's id
 * @param sequence the event's position in the action's history
 * @param at when
 * @param actor who reassigned it
 * @param owner the new owner
 * @param team the new owner's team
 * @param reason why; may be empty
 */
public record PreventiveActionReassigned(
    String actionId, long sequence, Instant at, String actor, String owner, String team,
    String reason)
    implements PreventiveActionEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1 or the owner or team
   *     is blank
   */
  public PreventiveActionReassigned {
    PreventiveActionEvent.check(actionId, sequence, at, actor);
    PreventiveActionEvent.requireText("owner", owner);
    PreventiveActionEvent.requireText("team", team);
    java.util.Objects.requireNonNull(reason, "reason");
  }
}
