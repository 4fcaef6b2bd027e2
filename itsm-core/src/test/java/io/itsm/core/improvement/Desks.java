package io.itsm.core.improvement;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriagePolicy;
import io.itsm.core.triage.TriageResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Actors, a clock and a small triage policy for the improvement tests, and the moves that bring
 * an incident to resolved and closed.
 */
public final class Desks {

  /** Monday 2 March 2026, 08:00 UTC. */
  public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  public static final Actor ANNA = Actor.endUser("anna");
  public static final Actor BERT = Actor.endUser("bert");
  public static final Actor NINA = Actor.of("nina", Role.AGENT, "network-ops");
  public static final Actor SAM = Actor.of("sam", Role.AGENT, "security-ops");
  public static final Actor SUE = Actor.of("sue", Role.AGENT, "service-desk");
  public static final Actor PAUL = Actor.of("paul", Role.SPECIALIST, "network-ops");
  public static final Actor LENA = Actor.of("lena", Role.TEAM_LEAD, "network-ops");
  public static final Actor MARIA = Actor.of("maria", Role.MANAGER);
  public static final Actor SOFIA = Actor.of("sofia", Role.SENIOR_MANAGER);
  public static final Actor SVEN = Actor.of("sven", Role.SENIOR_MANAGER);
  public static final Actor ROOT = Actor.of("root", Role.ADMIN);

  /**
   * "outage" in the title: network P1 for network-ops; "phishing": security P2 for security-ops;
   * otherwise service-desk P3.
   */
  public static final TriagePolicy TRIAGE = ticket -> {
    String t = ticket.title().toLowerCase(Locale.ROOT);
    List<TriageDecision> d = new ArrayList<>();
    if (t.contains("outage")) {
      d.add(new TriageDecision(TriageAttribute.CATEGORY, "network", "Outages are network", "t", 0));
      d.add(new TriageDecision(TriageAttribute.PRIORITY, Priority.P1, "Outages are P1", "t", 0));
      d.add(new TriageDecision(TriageAttribute.IMPACT, Impact.HIGH, "Outages are P1", "t", 0));
      d.add(new TriageDecision(TriageAttribute.TEAM, "network-ops", "Network team", "t", 0));
      d.add(new TriageDecision(TriageAttribute.SUPPORT_LEVEL, SupportLevel.L2, "Network team",
          "t", 0));
    } else if (t.contains("phishing")) {
      d.add(new TriageDecision(TriageAttribute.CATEGORY, "security", "Phishing is security", "t",
          0));
      d.add(new TriageDecision(TriageAttribute.PRIORITY, Priority.P2, "Security is P2", "t", 0));
      d.add(new TriageDecision(TriageAttribute.TEAM, "security-ops", "Security team", "t", 0));
    } else {
      d.add(new TriageDecision(TriageAttribute.CATEGORY, "software", "Default", "t", 0));
      d.add(new TriageDecision(TriageAttribute.PRIORITY, Priority.P3, "Default", "t", 0));
      d.add(new TriageDecision(TriageAttribute.TEAM, "service-desk", "Default", "t", 0));
    }
    return TriageResult.of(d, List.of(), d.stream().map(TriageDecision::rule).distinct().toList());
  };

  private Desks() {}

  /**
   * A clock at {@link #START}.
   *
   * @return a new clock
   */
  public static MutableClock clock() {
    return MutableClock.at(START);
  }

  /**
   * A desk builder on the clock with the test triage.
   *
   * @param clock the clock
   * @return the builder
   */
  public static ServiceDesk.Builder desk(MutableClock clock) {
    return ServiceDesk.builder().clock(clock).triagePolicy(TRIAGE);
  }

  /**
   * A ticket of a caller.
   *
   * @param title the title
   * @param caller the caller
   * @return the ticket
   */
  public static Ticket ticket(String title, Actor caller) {
    return Ticket.builder().title(title).caller(Caller.of(caller.id())).build();
  }

  /**
   * The agent of an incident's team.
   *
   * @param inc the incident
   * @return the agent
   */
  public static Actor agentOf(Incident inc) {
    String team = inc.team().orElseThrow();
    return Actor.of("agent-" + team, Role.AGENT, team);
  }

  /**
   * Starts work, waits, and resolves.
   *
   * @param desk the desk
   * @param clock the clock
   * @param id the incident
   * @param work how long the work takes
   * @return the incident after
   */
  public static Incident resolve(ServiceDesk desk, MutableClock clock, String id, Duration work) {
    Incident inc = desk.get(ROOT, id);
    Actor agent = agentOf(inc);
    if (inc.status() == io.itsm.core.incident.Status.ASSIGNED) {
      desk.startWork(agent, id);
    }
    clock.advance(work);
    return desk.proposeResolution(agent, id, "SOLVED_FIXED", "Fixed it");
  }

  /**
   * Resolves, then the caller confirms.
   *
   * @param desk the desk
   * @param clock the clock
   * @param id the incident
   * @return the closed incident
   */
  public static Incident resolveAndClose(ServiceDesk desk, MutableClock clock, String id) {
    resolve(desk, clock, id, Duration.ofHours(1));
    clock.advance(Duration.ofMinutes(30));
    return desk.confirmResolution(ROOT, id);
  }
}
