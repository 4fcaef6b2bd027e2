package io.itsm.rules.facts;

import java.util.Collection;

/**
 * The global {@code problems} of recurrence rule files (problem.drl): what a consequence calls to
 * propose a problem. The engine adds the new incident to the proposal's incidents, the firing
 * rule's name, and the category, service and configuration item all the incidents share.
 *
 * <p>Calling it outside a rule consequence is an error. Not thread-safe: one per decision.
 */
public interface ProblemProposals {

  /**
   * Proposes a problem explaining recent incidents and the new one.
   *
   * @param title the problem's title; not blank
   * @param incidentIds the recent incidents' ids (the new one is added)
   * @param reason why, for the record ("4 incidents on db-orders within 7 days"); not blank
   * @throws io.itsm.core.ValidationException if the title or reason is blank
   * @throws IllegalStateException if called outside a rule consequence
   */
  void propose(String title, Collection<String> incidentIds, String reason);
}
