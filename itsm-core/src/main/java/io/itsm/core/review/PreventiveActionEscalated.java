package io.itsm.core.review;

import io.itsm.core.access.Role;
import io.itsm.core.event.Provenance;
import java.time.Instant;
import java.util.Objects;

/**
 * An overdue action was escalated: a rule of the escalation ladder told a role.
 *
 * <p>Immutable and thread-safe.
 *
 * @param actionId the action's id
 * @param sequence the event's position in the action's history
 * @param at when
 * @param actor {@code "system"}
 * @param notified the role told
 * @param dueAt the due time the action was overdue against
 * @param reason why, for the record ("due 10 Mar, 8 days overdue, ...")
 * @param decidedBy the ladder rule
 */
public record PreventiveActionEscalated(
    String actionId, long sequence, Instant at, String actor, Role notified, Instant dueAt,
    String reason, Provenance decidedBy)
    implements PreventiveActionEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public PreventiveActionEscalated {
    PreventiveActionEvent.check(actionId, sequence, at, actor);
    Objects.requireNonNull(notified, "notified");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(decidedBy, "decidedBy");
  }
}
