package io.itsm.core.sla;

import io.itsm.core.incident.Incident;
import java.util.Optional;

/**
 * Chooses the SLA targets of an incident, for example by rules in a rule engine. Consulted by
 * {@link SlaPolicy} before its per-customer, per-service and per-category choices; an empty
 * answer lets the policy choose.
 *
 * <pre>{@code
 * SlaSelector vip = inc -> inc.caller().filter(Caller::vip).map(c -> goldTargets);
 * SlaPolicy policy = SlaPolicy.builder().selector(vip).build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe and free of side effects: the SLA clock may call them
 * often, and must give the same answer for the same incident.
 */
@FunctionalInterface
public interface SlaSelector {

  /**
   * Chooses targets for an incident.
   *
   * @param incident the incident, as it is now
   * @return the targets, or empty to let the policy choose
   */
  Optional<SlaTargets> select(Incident incident);
}
