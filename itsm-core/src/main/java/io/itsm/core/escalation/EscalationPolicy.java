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
   * The SLA percentages at which a desk consults a policy by default: {@code 25, 50, 75, 90, 100,
   * 125, 150, 200}.
   */
  List<Integer> DEFAULT_CHECKPOINTS = List.of(25, 50, 75, 90, 100, 125, 150, 200);

  /**
   * Returns the shares of an SLA target (in percent) at which this policy's answer may change.
   * {@code ServiceDesk.tick} does not ask the policy about every open incident at every tick: it
   * asks when the incident changed since the last tick, when a running SLA clock reaches one of
   * these checkpoints (or the desk's SLA thresholds) or is breached, and not in between. A rule
   * that reacts to another share (say {@code percentUsed >= 60}) fires at the next checkpoint
   * unless 60 is listed; add it with {@link #withCheckpoints}.
   *
   * @return percents, 1 or more; default {@link #DEFAULT_CHECKPOINTS}
   */
  default List<Integer> checkpoints() {
    return DEFAULT_CHECKPOINTS;
  }

  /**
   * Returns this policy with more checkpoints (see {@link #checkpoints()}).
   *
   * <pre>{@code
   * desk = ServiceDesk.builder().slaPolicy(sla)
   *     .escalationPolicy(EscalationEngine.withDefaults().withCheckpoints(60, 110)).build();
   * }</pre>
   *
   * @param percents more shares of the target, each 1 or more
   * @return a policy that decides as this one, with the union of the checkpoints
   * @throws io.itsm.core.ValidationException if a percent is below 1
   */
  default EscalationPolicy withCheckpoints(int... percents) {
    java.util.Objects.requireNonNull(percents, "percents");
    java.util.TreeSet<Integer> all = new java.util.TreeSet<>(checkpoints());
    for (int p : percents) {
      if (p < 1) {
        throw new io.itsm.core.ValidationException(
            "escalation checkpoints must be 1 percent or more, but was " + p);
      }
      all.add(p);
    }
    List<Integer> union = List.copyOf(all);
    EscalationPolicy self = this;
    return new EscalationPolicy() {
      @Override
      public List<EscalationAction> decide(Incident incident, SlaReport sla) {
        return self.decide(incident, sla);
      }

      @Override
      public List<Integer> checkpoints() {
        return union;
      }

      @Override
      public String toString() {
        return self + " with checkpoints " + union;
      }
    };
  }

  /**
   * Returns a policy that never escalates.
   *
   * @return the policy
   */
  static EscalationPolicy none() {
    return (incident, sla) -> List.of();
  }
}
