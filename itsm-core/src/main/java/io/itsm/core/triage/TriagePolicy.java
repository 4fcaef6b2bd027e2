package io.itsm.core.triage;

import io.itsm.core.incident.Ticket;

/**
 * Decides category, impact, urgency, priority, team, support level, whether the resolution needs
 * approval, and tags for a ticket. The Drools {@code TriageEngine} of {@code itsm-rules}
 * implements it; {@link #none()} decides nothing and leaves the fields as given.
 *
 * <p>Implementations must be thread-safe and side-effect free: they read the ticket and return
 * decisions; the desk applies them and records events that name each deciding rule.
 */
@FunctionalInterface
public interface TriagePolicy {

  /**
   * Triages one ticket.
   *
   * @param ticket the ticket; its {@code openedAt} is set when called by the desk
   * @return the decisions, never null
   * @throws io.itsm.core.ItsmException if the policy fails (for example a rule throws); the desk
   *     then logs nothing
   */
  TriageResult triage(Ticket ticket);

  /**
   * A policy that decides nothing: incidents keep the impact and urgency they were reported with
   * and stay unassigned until someone assigns them.
   *
   * @return the policy
   */
  static TriagePolicy none() {
    return ticket -> TriageResult.empty();
  }
}
