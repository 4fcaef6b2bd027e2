package io.itsm.core.escalation;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Role;
import io.itsm.core.event.EscalationKind;
import io.itsm.core.event.SlaKind;
import io.itsm.core.incident.SupportLevel;
import java.util.Objects;
import java.util.Optional;

/**
 * One escalation decided by an {@link EscalationPolicy}: functional (hand the incident to a
 * support level and team) or hierarchical (notify a role), with the rule that decided it and why.
 *
 * <p>The desk applies an action once per incident: it records an {@code Escalated} event whose
 * decider is {@code Provenance.rule(rule, reason)}, and skips an action when an {@code Escalated}
 * event since the incident was last reopened has the same rule, kind, support level and notified
 * role ({@link #sameAs}). So one rule may both notify a role and hand the incident over, and each
 * happens once.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind functional or hierarchical
 * @param level for functional escalations, the support level to hand over to
 * @param team for functional escalations, the team; empty keeps the current team
 * @param notified for hierarchical escalations, the role to notify
 * @param rule the name of the rule that decided it; not blank
 * @param reason why, for the record (actions taken, SLA state); not blank
 * @param slaKind the SLA clock the action is about, if any
 */
public record EscalationAction(
    EscalationKind kind,
    Optional<SupportLevel> level,
    Optional<String> team,
    Optional<Role> notified,
    String rule,
    String reason,
    Optional<SlaKind> slaKind) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code rule}, {@code reason} or a given team is blank, a
   *     functional escalation names no level, or a hierarchical one no role
   */
  public EscalationAction {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(notified, "notified");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(slaKind, "slaKind");
    if (rule.isBlank() || reason.isBlank()) {
      throw new ValidationException("escalation rule and reason must not be blank, but were '"
          + rule + "', '" + reason + "'");
    }
    if (team.isPresent() && team.get().isBlank()) {
      throw new ValidationException("escalation team must not be blank when given (rule '" + rule + "')");
    }
    if (kind == EscalationKind.FUNCTIONAL && level.isEmpty()) {
      throw new ValidationException("a FUNCTIONAL escalation must name a support level (rule '" + rule + "')");
    }
    if (kind == EscalationKind.HIERARCHICAL && notified.isEmpty()) {
      throw new ValidationException("a HIERARCHICAL escalation must name a role to notify (rule '" + rule + "')");
    }
  }

  /**
   * A functional escalation: hand the incident over to a support level and team.
   *
   * @param level the support level
   * @param team the team, or {@code null} to keep the current one
   * @param rule the deciding rule
   * @param reason why
   * @return the action
   */
  public static EscalationAction handOver(SupportLevel level, String team, String rule, String reason) {
    return new EscalationAction(EscalationKind.FUNCTIONAL, Optional.of(level), Optional.ofNullable(team),
        Optional.empty(), rule, reason, Optional.empty());
  }

  /**
   * A hierarchical escalation: notify a role.
   *
   * @param role the role to notify
   * @param rule the deciding rule
   * @param reason why
   * @return the action
   */
  public static EscalationAction notifyRole(Role role, String rule, String reason) {
    return new EscalationAction(EscalationKind.HIERARCHICAL, Optional.empty(), Optional.empty(),
        Optional.of(role), rule, reason, Optional.empty());
  }

  /**
   * Ties the action to an SLA clock, for the record.
   *
   * @param kind the SLA clock
   * @return the copy
   */
  public EscalationAction forSla(SlaKind kind) {
    Objects.requireNonNull(kind, "kind");
    return new EscalationAction(this.kind, level, team, notified, rule, reason, Optional.of(kind));
  }

  /**
   * Tells whether a recorded escalation already did what this action would: the same rule, kind,
   * support level and notified role.
   *
   * @param event an {@code Escalated} event
   * @return {@code true} if applying this action again would repeat it
   */
  public boolean sameAs(io.itsm.core.event.Escalated event) {
    Objects.requireNonNull(event, "event");
    return event.decidedBy().name().equals(rule)
        && event.kind() == kind
        && event.notified().equals(notified)
        && event.assignment().map(io.itsm.core.incident.Assignment::level).equals(level);
  }
}
