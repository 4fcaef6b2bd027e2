package io.itsm.core.escalation;

import io.itsm.core.incident.Incident;
import io.itsm.core.sla.SlaReport;
import java.util.List;

/**
 * Decides which escalations an open incident needs now, from the incident and its SLA clocks.
 * The desk applies every action it returns once per incident (see {@link EscalationAction#sameAs}),
 * so a policy simply answers "what should have happened by now" each time it is asked.
 *
 * <pre>{@code
 * EscalationPolicy ladder = (inc, sla) -> sla.resolution().percentUsed() >= 75
 *     ? List.of(EscalationAction.notifyRole(Role.TEAM_LEAD, "75 % of resolution notifies the team lead",
 *         sla.resolution().explain()).forSla(SlaKind.RESOLUTION))
 *     : List.of();
 * }</pre>
 *
 * <p>Implementations must be thread-safe and free of side effects.
 */
@FunctionalInterface
public interface EscalationPolicy {

  /**
   * Decides escalations.
   *
   * @param incident the open incident
   * @param sla its SLA clocks at the tick's instant
   * @return the actions, maybe empty, never null
   */
  List<EscalationAction> decide(Incident incident, SlaReport sla);

  /**
   * Returns a policy that never escalates.
   *
   * @return the policy
   */
  static EscalationPolicy none() {
    return (incident, sla) -> List.of();
  }
}
