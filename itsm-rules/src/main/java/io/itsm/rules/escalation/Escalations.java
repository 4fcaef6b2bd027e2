package io.itsm.rules.escalation;

import io.itsm.core.access.Role;
import io.itsm.core.event.SlaKind;
import io.itsm.core.incident.SupportLevel;

/**
 * The global {@code escalations} of escalation rule files: what a rule's consequence calls to
 * escalate. The engine adds the firing rule's name to every action, so the audit trail names the
 * rule (as {@code Provenance.rule(name, reason)} of the {@code Escalated} event).
 *
 * <pre>
 * global io.itsm.rules.escalation.Escalations escalations;
 *
 * rule "A breached resolution target is reported to the manager"
 * when
 *   IncidentFact(priority in (Priority.P1, Priority.P2, Priority.P3))
 *   $c : SlaClockFact(kind == SlaKind.RESOLUTION, breached)
 * then
 *   escalations.notifyRole(SlaKind.RESOLUTION, Role.MANAGER, "resolution target breached; " + $c.explanation());
 * end
 * </pre>
 *
 * <p>Calling it outside a rule consequence is an error. Not thread-safe: one per decision.
 */
public interface Escalations {

  /**
   * Escalates functionally: hands the incident over to a support level and, optionally, a team.
   *
   * @param sla the SLA clock this is about, or {@code null} for none
   * @param level the support level to hand over to
   * @param team the team, or {@code null} to keep the incident's current team
   * @param reason why, for the record (include the SLA explanation); not blank
   * @throws NullPointerException if {@code level} or {@code reason} is null
   * @throws io.itsm.core.ValidationException if {@code reason} or a given team is blank
   * @throws IllegalStateException if called outside a rule consequence
   */
  void handOver(SlaKind sla, SupportLevel level, String team, String reason);

  /**
   * Escalates hierarchically: notifies a role.
   *
   * @param sla the SLA clock this is about, or {@code null} for none
   * @param role the role to notify
   * @param reason why, for the record (include the SLA explanation); not blank
   * @throws NullPointerException if {@code role} or {@code reason} is null
   * @throws io.itsm.core.ValidationException if {@code reason} is blank
   * @throws IllegalStateException if called outside a rule consequence
   */
  void notifyRole(SlaKind sla, Role role, String reason);
}
