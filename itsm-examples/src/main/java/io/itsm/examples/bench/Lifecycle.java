package io.itsm.examples.bench;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Verdict;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.Ticket;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.triage.TriagePolicy;
import java.time.Clock;

/**
 * One ticket's whole life on a desk: log (triage assigns it) → start work → propose a resolution
 * → a manager approves when required → the caller confirms → CLOSED. The lifecycle benchmark runs
 * it with the Drools engine and with the hand-written baseline.
 *
 * <p>Thread-safe when the desk is.
 */
public final class Lifecycle {

  /** The manager who approves resolutions. */
  public static final Actor MANAGER = Actor.of("maria", Role.MANAGER);

  private Lifecycle() {}

  /**
   * Builds an in-memory desk with a triage policy.
   *
   * @param policy the triage policy
   * @param clock the clock
   * @return the desk
   */
  public static ServiceDesk desk(TriagePolicy policy, Clock clock) {
    return ServiceDesk.builder().triagePolicy(policy).clock(clock).build();
  }

  /**
   * Builds a desk with a triage policy on a repository (for example a JDBC store).
   *
   * @param policy the triage policy
   * @param clock the clock
   * @param repository where incidents are kept
   * @return the desk
   */
  public static ServiceDesk desk(TriagePolicy policy, Clock clock, IncidentRepository repository) {
    return ServiceDesk.builder().triagePolicy(policy).clock(clock).repository(repository).build();
  }

  /**
   * Runs one ticket from logging to closing.
   *
   * @param desk the desk
   * @param ticket the ticket; it must name a caller
   * @return the closed incident
   */
  public static Incident run(ServiceDesk desk, Ticket ticket) {
    Actor caller = Actor.endUser(ticket.caller().orElseThrow().id());
    Incident inc = desk.log(caller, ticket);
    Actor agent = Actor.of("agent-" + inc.team().orElseThrow(), Role.SPECIALIST, inc.team().orElseThrow());
    desk.startWork(agent, inc.id());
    inc = desk.proposeResolution(agent, inc.id(), "SOLVED_FIXED", "Fixed it");
    if (inc.status() == Status.PENDING_APPROVAL) {
      desk.decideApproval(MANAGER, inc.id(), Verdict.APPROVE, "ok");
    }
    return desk.confirmResolution(caller, inc.id());
  }
}
