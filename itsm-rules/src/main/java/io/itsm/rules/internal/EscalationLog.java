package io.itsm.rules.internal;

import io.itsm.core.access.Role;
import io.itsm.core.escalation.EscalationAction;
import io.itsm.core.event.SlaKind;
import io.itsm.core.incident.SupportLevel;
import io.itsm.rules.escalation.Escalations;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link Escalations} of one decision: records every action with the firing rule's name.
 *
 * <p>Not thread-safe: one per decision.
 */
public final class EscalationLog implements Escalations, FiringLog {

  private final List<EscalationAction> actions = new ArrayList<>(4);
  private String rule;

  /** Creates an empty log. */
  public EscalationLog() {}

  @Override
  public void begin(String rule, String file, int precedence) {
    this.rule = rule;
  }

  @Override
  public void end() {
    this.rule = null;
  }

  @Override
  public void handOver(SlaKind sla, SupportLevel level, String team, String reason) {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(reason, "reason");
    add(EscalationAction.handOver(level, team, firingRule("handOver"), reason), sla);
  }

  @Override
  public void notifyRole(SlaKind sla, Role role, String reason) {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(reason, "reason");
    add(EscalationAction.notifyRole(role, firingRule("notifyRole"), reason), sla);
  }

  private String firingRule(String method) {
    if (rule == null) {
      throw new IllegalStateException(
          "escalations." + method + "(...) may only be called from a rule consequence");
    }
    return rule;
  }

  private void add(EscalationAction action, SlaKind sla) {
    actions.add(sla == null ? action : action.forSla(sla));
  }

  /**
   * Returns the actions, in the order the rules made them.
   *
   * @return an immutable list
   */
  public List<EscalationAction> actions() {
    return List.copyOf(actions);
  }
}
