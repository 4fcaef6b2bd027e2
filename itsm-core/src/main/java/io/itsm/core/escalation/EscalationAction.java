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
 * <p>The {@code key} makes it idempotent: the desk records it as the name of the {@code Escalated}
 * event's decider ({@code Decider.rule(key, reason)}) and skips an action whose key is already the
 * decider name of an {@code Escalated} event since the incident was last reopened. The default key
 * is the rule name, followed by {@code " [RESOLUTION]"} or {@code " [RESPONSE]"} when the action is
 * tied to an SLA clock ({@link #forSla}), so one rule may fire once per clock.
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
 * @param key what makes the action happen once per incident; not blank
 */
public record EscalationAction(
    EscalationKind kind,
    Optional<SupportLevel> level,
    Optional<String> team,
    Optional<Role> notified,
    String rule,
    String reason,
    Optional<SlaKind> slaKind,
    String key) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code rule}, {@code reason}, {@code key} or a given team is
   *     blank, a functional action has no level, or a hierarchical one has no role to notify
   */
  public EscalationAction {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(notified, "notified");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(slaKind, "slaKind");
    Objects.requireNonNull(key, "key");
    if (rule.isBlank() || reason.isBlank() || key.isBlank()) {
      throw new ValidationException("escalation rule, reason and key must not be blank, but were '"
          + rule + "', '" + reason + "', '" + key + "'");
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
   * A functional escalation to a support level and team.
   *
   * @param level the level
   * @param team the team, or {@code null} to keep the current team
   * @param rule the rule's name
   * @param reason why
   * @return the action, keyed by the rule name
   */
  public static EscalationAction handOver(SupportLevel level, String team, String rule, String reason) {
    return new EscalationAction(EscalationKind.FUNCTIONAL, Optional.of(level), Optional.ofNullable(team),
        Optional.empty(), rule, reason, Optional.empty(), rule);
  }

  /**
   * A hierarchical escalation: a role is notified.
   *
   * @param role the role to notify
   * @param rule the rule's name
   * @param reason why
   * @return the action, keyed by the rule name
   */
  public static EscalationAction notifyRole(Role role, String rule, String reason) {
    return new EscalationAction(EscalationKind.HIERARCHICAL, Optional.empty(), Optional.empty(),
        Optional.of(role), rule, reason, Optional.empty(), rule);
  }

  /**
   * Ties the action to an SLA clock; the key becomes {@code rule + " [" + kind + "]"}.
   *
   * @param kind the clock
   * @return a copy
   */
  public EscalationAction forSla(SlaKind kind) {
    Objects.requireNonNull(kind, "kind");
    return new EscalationAction(this.kind, level, team, notified, rule, reason, Optional.of(kind),
        rule + " [" + kind + "]");
  }

  /**
   * Returns a copy with another idempotency key.
   *
   * @param key the key; not blank
   * @return a copy
   */
  public EscalationAction withKey(String key) {
    return new EscalationAction(kind, level, team, notified, rule, reason, slaKind, key);
  }
}
