package io.itsm.core.review;

import io.itsm.core.improvement.RecordRef;
import java.time.Instant;
import java.util.Objects;

/**
 * The action was linked to what implements it: a change, a problem or a knowledge article
 * (replacing an earlier link).
 *
 * <p>Immutable and thread-safe.
 *
 * @param actionId the action's id
 * @param sequence the event's position in the action's history
 * @param at when
 * @param actor who linked it
 * @param implementedBy the record
 */
public record PreventiveActionLinked(
    String actionId, long sequence, Instant at, String actor, RecordRef implementedBy)
    implements PreventiveActionEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public PreventiveActionLinked {
    PreventiveActionEvent.check(actionId, sequence, at, actor);
    Objects.requireNonNull(implementedBy, "implementedBy");
  }
}
