package io.itsm.jdbc;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Verdict;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.LinkType;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.rules.EscalationEngine;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.testkit.TicketGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Incidents through every lifecycle path, the same on any desk: closed by the caller, on hold and
 * resumed, approval rejected then approved, reopened, never answered (auto-closed by a later
 * tick), cancelled, escalated and left open, closed by a lead, linked and waiting on a vendor, and
 * untouched (SLA breaches and escalations come with ticks). Ticks run every {@value #TICK_EVERY}
 * incidents. Deterministic: tickets, clock and rules are fixed.
 */
final class Workload {

  static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  static final int TICK_EVERY = 2_500;
  static final Actor MANAGER = Actor.of("maria", Role.MANAGER);
  static final Actor LEAD = Actor.of("lena", Role.TEAM_LEAD);
  static final Actor MONITORING = Actor.of("monitoring", Role.AGENT);
  static final Actor ADMIN = Actor.of("root", Role.ADMIN);

  /** The shared, expensive parts: compiled rules and generated tickets. */
  record Setup(TriageEngine triage, EscalationEngine escalation, List<Ticket> tickets) {
    private static TriageEngine triageEngine;
    private static EscalationEngine escalationEngine;

    static synchronized Setup of(int incidents) {
      if (triageEngine == null) {
        triageEngine = TriageEngine.withDefaults();
        escalationEngine = EscalationEngine.withDefaults();
      }
      return new Setup(triageEngine, escalationEngine, TicketGenerator.generate(incidents));
    }
  }

  /** A clock the workload moves. */
  static final class MovingClock extends Clock {
    private volatile Instant now;

    MovingClock(Instant start) {
      this.now = start;
    }

    void set(Instant t) {
      now = t;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private Workload() {}

  static ServiceDesk desk(Setup setup, IncidentRepository repository, Clock clock) {
    return ServiceDesk.builder()
        .repository(repository)
        .clock(clock)
        .triagePolicy(setup.triage())
        .slaPolicy(SlaPolicy.defaults())
        .escalationPolicy(setup.escalation())
        .build();
  }

  /** Runs every ticket's path on the desk, ticking as it goes; returns when the clock stops. */
  static Instant run(ServiceDesk desk, MovingClock clock, List<Ticket> tickets) {
    clock.set(START);
    String previous = null;
    for (int i = 0; i < tickets.size(); i++) {
      clock.advance(Duration.ofMinutes(1));
      Incident inc = path(desk, clock, tickets.get(i), i % 10, previous);
      previous = inc.id();
      if ((i + 1) % TICK_EVERY == 0) {
        desk.tick();
      }
    }
    return clock.instant();
  }

  private static Actor agent(Incident inc) {
    String team = inc.team().orElseThrow();
    return Actor.of("agent-" + team, Role.SPECIALIST, team);
  }

  private static Actor callerOf(Incident inc) {
    return inc.caller().map(c -> Actor.endUser(c.id())).orElse(MONITORING);
  }

  private static Incident resolve(ServiceDesk desk, Incident inc) {
    inc = desk.proposeResolution(agent(inc), inc.id(), "SOLVED_FIXED", "fixed it");
    if (inc.status() == Status.PENDING_APPROVAL) {
      inc = desk.decideApproval(MANAGER, inc.id(), Verdict.APPROVE, "ok");
    }
    return inc;
  }

  private static Incident path(ServiceDesk desk, MovingClock clock, Ticket ticket, int path, String previous) {
    Actor logger = ticket.caller().map(c -> Actor.endUser(c.id())).orElse(MONITORING);
    Incident inc = desk.log(logger, ticket);
    if (inc.team().isEmpty()) {
      inc = desk.assign(ADMIN, inc.id(), Assignment.toTeam("service-desk", SupportLevel.L1));
    }
    if (path == 9) {
      return inc;                                                  // untouched: SLA runs out
    }
    if (path == 5) {
      return desk.cancel(agent(inc), inc.id(), "raised in error");
    }
    inc = desk.startWork(agent(inc), inc.id());
    switch (path) {
      case 1 -> {
        inc = desk.putOnHold(agent(inc), inc.id(), OnHoldReason.AWAITING_USER, "which laptop?");
        clock.advance(Duration.ofSeconds(20));
        inc = desk.comment(callerOf(inc), inc.id(), "the grey one", Visibility.PUBLIC);
        inc = desk.resume(agent(inc), inc.id(), "answer received");
      }
      case 2 -> {
        if (inc.approvalRequired()) {
          inc = desk.proposeResolution(agent(inc), inc.id(), "SOLVED_WORKAROUND", "restarted");
          inc = desk.decideApproval(MANAGER, inc.id(), Verdict.REJECT, "find the cause");
        } else {
          inc = desk.comment(agent(inc), inc.id(), "checked the logs", Visibility.INTERNAL);
        }
      }
      case 6 -> {
        inc = desk.escalateFunctionally(agent(inc), inc.id(), SupportLevel.L3, "network-ops",
            "beyond the SOP: error 809 persists");
        return desk.escalateHierarchically(agent(inc), inc.id(), Role.MANAGER, "VIP affected");
      }
      case 8 -> {
        inc = desk.comment(agent(inc), inc.id(), "vendor ticket V-" + inc.id(), Visibility.INTERNAL);
        if (previous != null) {
          inc = desk.link(agent(inc), inc.id(), new Link(LinkType.RELATED, previous));
        }
        return desk.putOnHold(agent(inc), inc.id(), OnHoldReason.AWAITING_VENDOR, "RMA requested");
      }
      default -> { }
    }
    clock.advance(Duration.ofSeconds(30));
    inc = resolve(desk, inc);
    return switch (path) {
      case 3 -> {
        inc = desk.rejectResolution(callerOf(inc), inc.id(), "still broken");
        inc = resolve(desk, inc);
        yield desk.confirmResolution(callerOf(inc), inc.id());
      }
      case 4 -> inc;                                               // no answer: auto-closed later
      case 7 -> desk.close(LEAD, inc.id(), "confirmed by phone");
      default -> desk.confirmResolution(callerOf(inc), inc.id());
    };
  }
}
