package io.itsm.core.json;

import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.Approver;
import io.itsm.core.approval.Verdict;
import io.itsm.core.event.ApprovalDecided;
import io.itsm.core.event.ApprovalExpired;
import io.itsm.core.event.ApprovalRequested;
import io.itsm.core.event.ApprovalRequirementDecided;
import io.itsm.core.event.Assigned;
import io.itsm.core.event.Cancelled;
import io.itsm.core.event.Categorized;
import io.itsm.core.event.CloseReason;
import io.itsm.core.event.Closed;
import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.Escalated;
import io.itsm.core.event.EscalationKind;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.event.Linked;
import io.itsm.core.event.Prioritized;
import io.itsm.core.event.Provenance;
import io.itsm.core.event.PutOnHold;
import io.itsm.core.event.Reopened;
import io.itsm.core.event.ResolutionProposed;
import io.itsm.core.event.Resolved;
import io.itsm.core.event.Resumed;
import io.itsm.core.event.SlaBreached;
import io.itsm.core.event.SlaKind;
import io.itsm.core.event.SlaThresholdReached;
import io.itsm.core.event.StatusChanged;
import io.itsm.core.event.Tagged;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.Classification;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.IncidentType;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.LinkType;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Resolution;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Real model objects for the JSON tests. */
final class Fixtures {

  static final Instant T0 = Instant.parse("2026-11-23T08:15:00Z");

  private Fixtures() {}

  static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  static Caller fullCaller() {
    return Caller.of("u1042")
        .withName("Ada Lovelace")
        .withEmail("ada@example.com")
        .withDepartment("Finance")
        .withLocation("Berlin HQ")
        .withLanguage("de")
        .withVip(true);
  }

  static Ticket fullTicket() {
    return Ticket.builder()
        .id("EXT-77")
        .type(IncidentType.SERVICE_REQUEST)
        .title("VPN drops every few minutes")
        .description("Since this morning the VPN disconnects\nabout every five minutes.")
        .channel(Channel.PORTAL)
        .caller(fullCaller())
        .affectedUsers(12)
        .service("vpn")
        .configurationItem("fw-edge-02")
        .impact(Impact.MEDIUM)
        .urgency(Urgency.HIGH)
        .openedAt(T0)
        .errorCodes(List.of("809", "TLS handshake failed"))
        .stepsTried(List.of("restarted laptop", "reinstalled client"))
        .attachments(List.of("https://files.example.com/vpn.log"))
        .tags(new LinkedHashSet<>(List.of("vpn", "remote", "network")))
        .attributes(Map.of("region", "EMEA", "asset", "LT-4711", "cost center", "4200"))
        .build();
  }

  static Ticket minimalTicket() {
    return Ticket.builder().title("Printer jams").build();
  }

  static Approval twoStageApproval() {
    Approval a =
        Approval.request(
            "APR-1",
            new ApprovalSubject(ApprovalSubject.Kind.RESOLUTION, "INC-000123"),
            List.of(
                new ApprovalStage(
                    List.of(Approver.user("bob"), Approver.user("carol")), ApprovalPolicy.all()),
                new ApprovalStage(
                    List.of(Approver.role(Role.MANAGER), Approver.user("dave")),
                    ApprovalPolicy.quorum(2)),
                new ApprovalStage(List.of(Approver.role(Role.SENIOR_MANAGER)), ApprovalPolicy.any())),
            "alice",
            at(10),
            Optional.of(at(60 * 48)));
    a = a.decide(Actor.of("bob", Role.AGENT), Verdict.APPROVE, "looks right", at(20));
    a = a.decide(Actor.of("carol", Role.AGENT), Verdict.APPROVE, "", at(21));
    a = a.decide(Actor.of("erin", Role.MANAGER), Verdict.APPROVE, "ok", at(30));
    return a;
  }

  static Incident fullIncident() {
    Ticket ticket = Ticket.builder()
        .id("EXT-77")
        .type(IncidentType.INCIDENT)
        .title("VPN drops every few minutes")
        .description("Disconnects every five minutes.")
        .channel(Channel.PHONE)
        .caller(fullCaller())
        .affectedUsers(12)
        .service("vpn")
        .configurationItem("fw-edge-02")
        .errorCodes(List.of("809"))
        .stepsTried(List.of("restarted laptop"))
        .attachments(List.of("doc-991"))
        .attributes(Map.of("region", "EMEA"))
        .openedAt(T0)
        .build();
    return new Incident("INC-000123", ticket,
        Classification.none().withCategory("Network", "VPN")
            .withPriority(Impact.MEDIUM, Urgency.HIGH, Priority.P2),
        Optional.of(Assignment.toPerson("network-ops", "nina", SupportLevel.L2)),
        Status.ON_HOLD, Optional.of(OnHoldReason.AWAITING_VENDOR),
        Optional.of(new Resolution("SOLVED_WORKAROUND", "Switched to backup gateway", "nina", at(90))),
        true, Optional.of(twoStageApproval()), 1, 0,
        List.of(new Link(LinkType.RELATED_PROBLEM, "PRB-7"), new Link(LinkType.PARENT, "INC-000100")),
        Set.of("vpn", "emea"), at(95), 14);
  }

  /** One event of every type, in the order of IncidentEvent's permits clause. */
  static List<IncidentEvent> oneOfEach() {
    String id = "INC-000123";
    Provenance rule = Provenance.rule("VPN keywords mean Network", "title mentions VPN");
    Assignment l2 = Assignment.toTeam("network-ops", SupportLevel.L2);
    Approval approval = twoStageApproval();
    Resolution resolution = new Resolution("SOLVED_FIXED", "Replaced the gateway certificate", "nina", at(80));
    return List.of(
        new IncidentLogged(id, 1, at(0), "u1042", fullTicket(), T0),
        new Categorized(id, 2, at(1), "system", "Network", Optional.of("VPN"), rule),
        new Prioritized(id, 3, at(2), "system", Impact.MEDIUM, Urgency.HIGH, Priority.P2,
            Provenance.policy("impact-urgency-matrix", "MEDIUM x HIGH")),
        new Assigned(id, 4, at(3), "system", l2, Status.ASSIGNED, rule),
        new ApprovalRequirementDecided(id, 5, at(4), "system", true, Provenance.system("VIP caller")),
        new Tagged(id, 6, at(5), "system", new LinkedHashSet<>(List.of("vpn", "emea")), rule),
        new StatusChanged(id, 7, at(6), "nina", Status.ASSIGNED, Status.IN_PROGRESS, ""),
        new PutOnHold(id, 8, at(7), "nina", OnHoldReason.AWAITING_USER, "asked for logs"),
        new Resumed(id, 9, at(8), "nina", "logs received"),
        new CommentAdded(id, 10, at(9), "nina", "Gateway cert expires today", Visibility.INTERNAL),
        new ResolutionProposed(id, 11, at(10), "nina", resolution),
        new ApprovalRequested(id, 12, at(11), "nina", approval),
        new ApprovalDecided(id, 13, at(12), "bob", approval, Verdict.APPROVE, "fine"),
        new ApprovalExpired(id, 14, at(13), "system", approval.expireIfDue(at(60 * 48))),
        new Resolved(id, 15, at(14), "nina", resolution),
        new Reopened(id, 16, at(15), "u1042", "still drops", 1, true),
        new Closed(id, 17, at(16), "u1042", CloseReason.CONFIRMED_BY_CALLER, ""),
        new Cancelled(id, 18, at(17), "lead", "duplicate"),
        new Escalated(id, 19, at(18), "system", EscalationKind.HIERARCHICAL,
            Optional.of(Assignment.toPerson("network-ops", "omar", SupportLevel.L3)),
            Optional.of(Role.TEAM_LEAD), "P2 breached response", rule),
        new Linked(id, 20, at(19), "nina", new Link(LinkType.DUPLICATE_OF, "INC-000099")),
        new SlaThresholdReached(id, 21, at(20), "system", SlaKind.RESOLUTION, 75, at(240)),
        new SlaBreached(id, 22, at(21), "system", SlaKind.RESPONSE, at(15)));
  }
}
