package io.itsm.core.review;

import io.itsm.core.escalation.EscalationAction;
import java.time.Instant;
import java.util.List;

/**
 * The escalation ladder of overdue preventive actions: which roles to tell, decided from the
 * action and how long it has been overdue. The default ladder is DRL ({@code
 * ActionEscalationEngine} of itsm-rules, {@code action-escalation.drl}), built on the same
 * machinery as the incidents' escalation ladder.
 *
 * <p>{@link Reviews#tick} asks for every overdue action and applies each hierarchical action
 * ({@link EscalationAction#notifyRole}) once per action, rule and role since the action's due time
 * was last moved: a policy simply answers "who should have been told by now". Functional actions
 * (hand-overs) do not apply to preventive actions: they are logged and skipped.
 *
 * <p>Implementations must be thread-safe and free of side effects.
 */
@FunctionalInterface
public interface ActionEscalationPolicy {

  /**
   * Decides the escalations an overdue action needs now.
   *
   * @param action the overdue action
   * @param now the tick's instant
   * @return the actions, maybe empty, never null
   */
  List<EscalationAction> decide(PreventiveAction action, Instant now);

  /**
   * A policy that never escalates.
   *
   * @return the policy
   */
  static ActionEscalationPolicy none() {
    return (action, now) -> List.of();
  }
}
