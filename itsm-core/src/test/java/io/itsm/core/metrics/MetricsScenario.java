package io.itsm.core.metrics;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.sla.BusinessCalendar;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.sla.SlaTargets;
import java.time.Duration;
import java.time.Instant;

/**
 * A week of a small desk, built through the desk's commands on a settable clock, whose metrics are
 * worked out by hand in {@link MetricsTest}. SLA targets: response 1 h, resolution 8 h, 24×7, for
 * every priority (so business time is wall time and the arithmetic stays readable).
 *
 * <pre>
 * period: Mon 2026-03-02 00:00 – Mon 2026-03-09 00:00 UTC
 * A  Mon 09:00 agent logs for u1 (sales, PHONE, en), P3; 09:10 resolved at first contact; 10:00 caller confirms
 * B  Mon 09:00 u2 logs herself (PORTAL); 09:30 agent: P2, to net/L2; 10:00 s1 starts; 11:00 on hold
 *    awaiting user (pauses); 13:00 resumes; 14:00 resolves; 15:00 u2 rejects (reopen); 16:00 resolves;
 *    17:00 u2 confirms
 * C  Mon 10:00 agent logs for u3 (finance, EMAIL), P1, to desk/a1; 12:00 escalated to net/L2;
 *    12:30 manager notified; 13:00 s1 starts; 20:00 resolves (response and resolution missed)
 * D  Tue 09:00 agent logs for u4 (PHONE), P3, to desk; 09:30 lead closes it as a duplicate
 * E  Wed 09:00 agent logs for u5 (CHAT), P4, to net/s1; 10:00 s1 starts; 11:00 on hold awaiting
 *    vendor (does not pause); still on hold at the end
 * F  Thu 09:00 agent logs for u1; 09:05 cancelled
 * G  Fri 2026-02-27 09:00 (before the period) agent logs for u2, P3, to desk; still open
 * H  Mon 2026-03-09 10:00 (after the period) agent logs for u1
 * </pre>
 */
final class MetricsScenario {

  static final Instant FROM = Instant.parse("2026-03-02T00:00:00Z");
  static final Instant TO = Instant.parse("2026-03-09T00:00:00Z");
  static final Actor AGENT = Actor.of("a1", Role.AGENT, "desk");
  static final Actor SPECIALIST = Actor.of("s1", Role.SPECIALIST, "net");
  static final Actor LEAD = Actor.of("l1", Role.TEAM_LEAD, "desk");
  static final Assignment NET = Assignment.toTeam("net", SupportLevel.L2);
  static final Assignment DESK = Assignment.toTeam("desk", SupportLevel.L1);

  static final SlaPolicy FLAT = SlaPolicy.builder().targets(flatTargets()).build();

  final MutableClock clock = MutableClock.at(Instant.parse("2026-02-27T09:00:00Z"));
  final InMemoryIncidentRepository repository = new InMemoryIncidentRepository();
  final ServiceDesk desk = ServiceDesk.builder().clock(clock).repository(repository)
      .slaPolicy(FLAT).build();
  String a;
  String b;
  String c;
  String d;
  String e;
  String f;
  String g;
  String h;

  static SlaTargets flatTargets() {
    SlaTargets.Builder t = SlaTargets.builder("flat");
    for (Priority p : Priority.values()) {
      t.response(p, Duration.ofHours(1), BusinessCalendar.alwaysOpen());
      t.resolution(p, Duration.ofHours(8), BusinessCalendar.alwaysOpen());
    }
    return t.build();
  }

  static Ticket ticket(String title, Caller caller, Channel channel) {
    return Ticket.builder().title(title).caller(caller).channel(channel).build();
  }

  private void at(String instant) {
    clock.set(Instant.parse(instant));
  }

  MetricsScenario build() {
    Caller u1 = Caller.of("u1").withDepartment("sales").withLanguage("en");
    Caller u3 = Caller.of("u3").withDepartment("finance").withLanguage("en");
    // G: before the period, still open
    at("2026-02-27T09:00:00Z");
    g = desk.log(AGENT, ticket("Old printer issue", Caller.of("u2"), Channel.PHONE)).id();
    desk.prioritize(AGENT, g, Impact.MEDIUM, Urgency.MEDIUM, Priority.P3);
    desk.assign(AGENT, g, DESK);
    // A: first-contact resolution
    at("2026-03-02T09:00:00Z");
    a = desk.log(AGENT, ticket("Password reset", u1, Channel.PHONE)).id();
    desk.prioritize(AGENT, a, Impact.LOW, Urgency.MEDIUM, Priority.P3);
    Actor u2 = Actor.endUser("u2");
    b = desk.log(u2, Ticket.builder().title("Cannot reach the share").channel(Channel.PORTAL).build()).id();
    at("2026-03-02T09:10:00Z");
    desk.proposeResolution(AGENT, a, "SOLVED_FIXED", "Reset the password");
    at("2026-03-02T09:30:00Z");
    desk.prioritize(AGENT, b, Impact.MEDIUM, Urgency.HIGH, Priority.P2);
    desk.assign(AGENT, b, NET);
    at("2026-03-02T10:00:00Z");
    desk.confirmResolution(Actor.endUser("u1"), a);
    desk.startWork(SPECIALIST, b);
    c = desk.log(AGENT, ticket("ERP down", u3, Channel.EMAIL)).id();
    desk.prioritize(AGENT, c, Impact.HIGH, Urgency.HIGH, Priority.P1);
    desk.assign(AGENT, c, Assignment.toPerson("desk", "a1", SupportLevel.L1));
    at("2026-03-02T11:00:00Z");
    desk.putOnHold(SPECIALIST, b, OnHoldReason.AWAITING_USER, "which share?");
    at("2026-03-02T12:00:00Z");
    desk.escalateFunctionally(AGENT, c, SupportLevel.L2, "net", "beyond the SOP");
    at("2026-03-02T12:30:00Z");
    desk.escalateHierarchically(AGENT, c, Role.MANAGER, "P1 still down");
    at("2026-03-02T13:00:00Z");
    desk.resume(SPECIALIST, b, "user answered");
    desk.startWork(SPECIALIST, c);
    at("2026-03-02T14:00:00Z");
    desk.proposeResolution(SPECIALIST, b, "SOLVED_FIXED", "Mapped the share");
    at("2026-03-02T15:00:00Z");
    desk.rejectResolution(u2, b, "still cannot write");
    at("2026-03-02T16:00:00Z");
    desk.proposeResolution(SPECIALIST, b, "SOLVED_FIXED", "Granted write access");
    at("2026-03-02T17:00:00Z");
    desk.confirmResolution(u2, b);
    at("2026-03-02T20:00:00Z");
    desk.proposeResolution(SPECIALIST, c, "SOLVED_FIXED", "Restarted the ERP cluster");
    // D: closed as a duplicate
    at("2026-03-03T09:00:00Z");
    d = desk.log(AGENT, ticket("ERP down again?", Caller.of("u4"), Channel.PHONE)).id();
    desk.prioritize(AGENT, d, Impact.MEDIUM, Urgency.MEDIUM, Priority.P3);
    desk.assign(AGENT, d, DESK);
    at("2026-03-03T09:30:00Z");
    desk.closeWithoutResolution(LEAD, d, "DUPLICATE", "same as " + c);
    // E: waiting for a vendor at the end
    at("2026-03-04T09:00:00Z");
    e = desk.log(AGENT, ticket("Switch port dead", Caller.of("u5"), Channel.CHAT)).id();
    desk.prioritize(AGENT, e, Impact.LOW, Urgency.LOW, Priority.P4);
    desk.assign(AGENT, e, Assignment.toPerson("net", "s1", SupportLevel.L2));
    at("2026-03-04T10:00:00Z");
    desk.startWork(SPECIALIST, e);
    at("2026-03-04T11:00:00Z");
    desk.putOnHold(SPECIALIST, e, OnHoldReason.AWAITING_VENDOR, "RMA");
    // F: cancelled
    at("2026-03-05T09:00:00Z");
    f = desk.log(AGENT, ticket("Test ticket", u1, Channel.PHONE)).id();
    at("2026-03-05T09:05:00Z");
    desk.cancel(AGENT, f, "raised in error");
    // H: after the period
    at("2026-03-09T10:00:00Z");
    h = desk.log(AGENT, ticket("Next week", u1, Channel.PHONE)).id();
    return this;
  }
}
