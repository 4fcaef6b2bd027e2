package io.itsm.rules;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.escalation.EscalationPolicy;
import io.itsm.core.event.Escalated;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.sla.SlaReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Test fixture: a real {@link ServiceDesk} with {@link SlaPolicy#defaults()}, no triage, and a
 * clock the test moves. Starts Monday 23 November 2026, 09:00 UTC.
 */
final class SlaDesk {

  static final Instant MONDAY_9 = Instant.parse("2026-11-23T09:00:00Z");
  static final Actor ADMIN = Actor.of("root", Role.ADMIN);
  static final Actor CALLER = Actor.endUser("u-anna");

  final MutableClock clock = MutableClock.at(MONDAY_9);
  final ServiceDesk desk;

  /** A desk without escalation policy: the history is only what the test does. */
  SlaDesk() {
    this(null);
  }

  SlaDesk(EscalationPolicy policy) {
    ServiceDesk.Builder b = ServiceDesk.builder().clock(clock).slaPolicy(SlaPolicy.defaults());
    if (policy != null) {
      b.escalationPolicy(policy);
    }
    this.desk = b.build();
  }

  /** Logs an incident by its caller and sets category, priority and assignment by hand (no response). */
  String open(Priority priority, String category, String team, SupportLevel level) {
    Ticket t = Ticket.builder().title("Something is broken").caller(Caller.of(CALLER.id())).build();
    String id = desk.log(CALLER, t).id();
    desk.categorize(ADMIN, id, category, null);
    desk.prioritize(ADMIN, id, Impact.MEDIUM, Urgency.MEDIUM, priority);
    desk.assign(ADMIN, id, Assignment.toTeam(team, level));
    return id;
  }

  void startWork(String id) {
    String team = get(id).team().orElseThrow();
    desk.startWork(Actor.of("agent." + team, Role.AGENT, team), id);
  }

  void advance(Duration d) {
    clock.advance(d);
  }

  /** Moves the clock to an instant, ticking every 15 minutes on the way. */
  void tickEvery15MinutesUntil(Instant end) {
    while (clock.instant().isBefore(end)) {
      clock.advance(Duration.ofMinutes(15));
      desk.tick();
    }
  }

  Incident get(String id) {
    return desk.get(ADMIN, id);
  }

  SlaReport sla(String id) {
    return desk.sla(ADMIN, id).orElseThrow();
  }

  List<IncidentEvent> history(String id) {
    return desk.history(ADMIN, id);
  }

  List<Escalated> escalations(String id) {
    return history(id).stream().filter(Escalated.class::isInstance).map(Escalated.class::cast).toList();
  }
}
