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
   * Triages a ticket the desk has sorted into what it trusts and what was only reported. The desk
   * calls this method: {@code ticket} is the trusted ticket (for a self-reported ticket without
   * the caller's impact and urgency, and with only the caller facts a {@link
   * io.itsm.core.incident.CallerDirectory} confirms), {@code reported} what the reporter said.
   *
   * <p>The default ignores {@code reported} and triages the trusted ticket, so a policy that only
   * implements {@link #triage(Ticket)} never trusts a caller's own claims. Policies that want the
   * reported values as a hint (the Drools {@code TriageEngine} hands them to rules) override it.
   *
   * @param ticket the trusted ticket; its {@code openedAt} is set
   * @param reported the values as reported
   * @return the decisions, never null
   * @throws io.itsm.core.ItsmException if the policy fails; the desk then logs nothing
   */
  default TriageResult triage(Ticket ticket, ReportedValues reported) {
    java.util.Objects.requireNonNull(reported, "reported");
    return triage(ticket);
  }

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
