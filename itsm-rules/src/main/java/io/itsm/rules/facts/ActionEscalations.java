package io.itsm.rules.facts;

import io.itsm.core.access.Role;

/**
 * The global {@code escalations} of preventive-action ladders (action-escalation.drl): what a
 * consequence calls to tell a role about an overdue action. The engine adds the firing rule's
 * name; the desk applies each (rule, role) once per action until it is rescheduled, so rules state
 * who should have been told by now.
 *
 * <p>Calling it outside a rule consequence is an error. Not thread-safe: one per decision.
 */
public interface ActionEscalations {

  /**
   * Tells a role about the overdue action.
   *
   * @param role the role, for example {@code Role.MANAGER}
   * @param reason why, for the record; not blank
   * @throws io.itsm.core.ValidationException if {@code reason} is blank
   * @throws IllegalStateException if called outside a rule consequence
   */
  void notifyRole(Role role, String reason);
}
