package io.itsm.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.approval.ApprovalStatus;
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
import io.itsm.core.event.Provenance;
import io.itsm.core.event.Escalated;
import io.itsm.core.event.EscalationKind;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.event.Linked;
import io.itsm.core.event.Prioritized;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The format pinned by files: every file under {@code golden/} (test resources of this package) was
 * written by the JSON code of the time the file was added and is never regenerated. Each must read
 * as the value built here and write back byte for byte. A change of the format therefore shows up
 * here, not only in docs/json.md.
 *
 * <p>Files by directory: {@code tickets/}, {@code incidents/}, {@code events/}, {@code
 * histories/}, {@code approvals/} hold one document each (compact, or indented when the name ends
 * with {@code .pretty.json}); {@code tickets/*.jsonl} are JSON Lines ticket files.
 */
class GoldenJsonTest {

  private static final String ROOT = "golden/";
  private static final Instant T0 = Instant.parse("2026-11-23T08:15:00Z");

  private static final ItsmJson COMPACT = ItsmJson.defaults();
  private static final ItsmJson PRETTY = ItsmJson.defaults().withPrettyPrinting(true);

  private static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  // ------------------------------------------------------------------ the golden values

  static Caller fullCaller() {
    return Caller.of("u1042")
        .withName("Ada Lovelace")
        .withEmail("ada@example.com")
        .withDepartment("Finance")
        .withLocation("Berlin HQ")
        .withLanguage("de")
        .withVip(true);
  }

  static Ticket minimalTicket() {
    return Ticket.builder().title("Printer jams").build();
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

  /** Characters that must be escaped, characters that must not be, fractions, zero users. */
  static Ticket unicodeTicket() {
    return Ticket.builder()
        .id("MAIL-\u00e5\u00e4\u00f6-1")
        .title("Drucker blockiert \u2013 3. OG \"Nord\" \\ Fl\u00fcgel B")
        .description("Zeile 1\r\nZeile 2\tTab\u0001\u001f / </script> \u20ac \uD83D\uDE00")
        .channel(Channel.EMAIL)
        .caller(Caller.of("\u00e5sa.lind"))
        .affectedUsers(0)
        .impact(Impact.LOW)
        .urgency(Urgency.LOW)
        .openedAt(T0.plusMillis(250))
        .tags(Set.of("Zebra", "apple", "\u00e4rger", "Apple", "10", "9"))
        .attributes(
            Map.of("\u00fcber", "1", "Zeta", "2", "alpha", "3", "a b", "4", "quote'd", "5"))
        .build();
  }

  static List<Ticket> jsonLinesTickets() {
    return List.of(
        minimalTicket(),
        fullTicket(),
        Ticket.builder()
            .title("Mail server unreachable")
            .channel(Channel.MONITORING)
            .affectedUsers(250)
            .service("email")
            .configurationItem("srv-mail-01")
            .impact(Impact.HIGH)
            .urgency(Urgency.HIGH)
            .openedAt(T0.plusNanos(1))
            .errorCodes(List.of("SMTP 421"))
            .build(),
        Ticket.builder()
            .title("New laptop for new hire")
            .type(IncidentType.SERVICE_REQUEST)
            .channel(Channel.PHONE)
            .caller(Caller.of("u7").withName("Grace Hopper").withLanguage("en"))
            .urgency(Urgency.LOW)
            .build(),
        Ticket.builder()
            .title("Chat window freezes")
            .channel(Channel.CHAT)
            .caller(Caller.of("u8").withDepartment("Sales").withLocation("Madrid"))
            .impact(Impact.MEDIUM)
            .stepsTried(List.of("cleared cache"))
            .build(),
        Ticket.builder()
            .title("Badge reader broken at the door")
            .channel(Channel.WALK_IN)
            .caller(Caller.of("u9").withEmail("u9@example.com").withVip(true))
            .attachments(List.of("doc-1", "doc-2"))
            .tags(Set.of("facilities"))
            .attribute("floor", "3")
            .build(),
        unicodeTicket());
  }

  static Approval threeStageApproval() {
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
                new ApprovalStage(
                    List.of(Approver.role(Role.SENIOR_MANAGER)), ApprovalPolicy.any())),
            "alice",
            at(10),
            Optional.of(at(60 * 48)));
    a = a.decide(Actor.of("bob", Role.AGENT), Verdict.APPROVE, "looks right", at(20));
    a = a.decide(Actor.of("carol", Role.AGENT), Verdict.APPROVE, "", at(21));
    return a.decide(Actor.of("erin", Role.MANAGER), Verdict.APPROVE, "ok", at(30));
  }

  static Approval approvedByRole() {
    Approval a =
        Approval.single(
            "APR-2",
            new ApprovalSubject(ApprovalSubject.Kind.INCIDENT_REPORT, "INC-000200"),
            List.of(Approver.role(Role.TEAM_LEAD), Approver.role(Role.ADMIN)),
            ApprovalPolicy.any(),
            "system",
            at(0),
            Optional.empty());
    return a.decide(Actor.of("tess", Role.TEAM_LEAD, "network-ops"), Verdict.APPROVE, "", at(5));
  }

  static Approval rejectedQuorum() {
    Approval a =
        Approval.single(
            "APR-3",
            new ApprovalSubject(ApprovalSubject.Kind.ANNOUNCEMENT, "ANN-9"),
            List.of(Approver.user("ulf"), Approver.user("vera"), Approver.user("wim")),
            ApprovalPolicy.quorum(2),
            "nina",
            at(0),
            Optional.of(at(60)));
    a = a.decide(Actor.of("ulf", Role.AGENT), Verdict.APPROVE, "fine by me", at(1));
    return a.decide(
        Actor.of("vera", Role.AGENT), Verdict.REJECT, "announces the wrong date", at(2));
  }

  static Approval expiredAll() {
    return Approval.single(
            "APR-4",
            new ApprovalSubject(ApprovalSubject.Kind.CONFIGURATION_CHANGE, "fw-edge-02"),
            List.of(Approver.user("xena"), Approver.user("yann")),
            ApprovalPolicy.all(),
            "omar",
            at(0),
            Optional.of(at(24 * 60)))
        .decide(Actor.of("xena", Role.SPECIALIST), Verdict.APPROVE, "", at(3))
        .expireIfDue(at(24 * 60));
  }

  static Approval approvedAllThenAny() {
    Approval a =
        Approval.request(
            "APR-5",
            new ApprovalSubject(ApprovalSubject.Kind.RESOLUTION, "INC-000300"),
            List.of(
                new ApprovalStage(
                    List.of(Approver.user("bob"), Approver.user("carol")), ApprovalPolicy.all()),
                new ApprovalStage(
                    List.of(Approver.role(Role.END_USER), Approver.role(Role.AGENT)),
                    ApprovalPolicy.any())),
            "alice",
            at(0),
            Optional.of(at(600)));
    a = a.decide(Actor.of("carol", Role.AGENT), Verdict.APPROVE, "", at(1));
    a = a.decide(Actor.of("bob", Role.AGENT), Verdict.APPROVE, "ok", at(2));
    return a.decide(Actor.endUser("u1042"), Verdict.APPROVE, "works for me", at(3));
  }

  static Approval pendingQuorumOfRoles() {
    return Approval.single(
        "APR-6",
        new ApprovalSubject(ApprovalSubject.Kind.RESOLUTION, "INC-000500"),
        List.of(Approver.role(Role.SPECIALIST), Approver.role(Role.MANAGER), Approver.user("zoe")),
        ApprovalPolicy.quorum(2),
        "nina",
        at(40),
        Optional.of(at(40 + 8 * 60)));
  }

  static Incident fullIncident() {
    Ticket ticket =
        Ticket.builder()
            .id("EXT-77")
            .type(IncidentType.INCIDENT)
            .title("VPN drops every few minutes")
            .description("Disconnects every five minutes.")
            .channel(Channel.PHONE)
            .caller(fullCaller())
            .affectedUsers(12)
            .service("vpn")
            .configurationItem("fw-edge-02")
            .errorCodes(List.of("809", "TLS handshake failed"))
            .stepsTried(List.of("restarted laptop"))
            .attachments(List.of("doc-991"))
            .attributes(Map.of("region", "EMEA", "cost center", "4200"))
            .openedAt(T0)
            .build();
    return new Incident(
        "INC-000123",
        ticket,
        Classification.none()
            .withCategory("Network", "VPN")
            .withPriority(Impact.MEDIUM, Urgency.HIGH, Priority.P2),
        Optional.of(Assignment.toPerson("network-ops", "nina", SupportLevel.L2)),
        Status.ON_HOLD,
        Optional.of(OnHoldReason.AWAITING_VENDOR),
        Optional.of(
            new Resolution("SOLVED_WORKAROUND", "Switched to backup gateway", "nina", at(90))),
        true,
        Optional.of(threeStageApproval()),
        1,
        0,
        List.of(
            new Link(LinkType.RELATED_PROBLEM, "PRB-7"),
            new Link(LinkType.PARENT, "INC-000100"),
            new Link(LinkType.CHILD, "INC-000124"),
            new Link(LinkType.DUPLICATE_OF, "INC-000099"),
            new Link(LinkType.RELATED, "CHG-12")),
        Set.of("vpn", "emea", "Remote"),
        at(95),
        14);
  }

  static Incident minimalIncident() {
    return Incident.logged(
        "INC-000001", Ticket.builder().title("Printer jams").affectedUsers(1).openedAt(T0).build(), T0);
  }

  /** A P4 hardware incident of caller u + the id's last three digits, opened at T0, changed at 30 minutes, version 5. */
  static Incident base(String id, Status status) {
    return base(id, status, t -> t);
  }

  static Incident base(String id, Status status, UnaryOperator<Ticket.Builder> ticket) {
    Ticket t =
        ticket
            .apply(
                Ticket.builder()
                    .type(IncidentType.INCIDENT)
                    .title("Incident " + id)
                    .caller(Caller.of("u" + id.substring(id.length() - 3)))
                    .affectedUsers(3)
                    .openedAt(T0))
            .build();
    return Incident.logged(id, t, T0)
        .withClassification(
            Classification.none()
                .withCategory("Hardware", null)
                .withPriority(Impact.LOW, Urgency.MEDIUM, Priority.P4))
        .withStatus(status, null)
        .withVersion(5, at(30));
  }

  private static Incident withPriority(Incident i, Impact impact, Urgency urgency, Priority p) {
    return i.withClassification(i.classification().withPriority(impact, urgency, p));
  }

  static Map<String, Incident> incidents() {
    Map<String, Incident> m = new LinkedHashMap<>();
    m.put("minimal-new.json", minimalIncident());
    m.put("full-on-hold.json", fullIncident());
    m.put("full-on-hold.pretty.json", fullIncident());
    m.put("reassigned.json", fullIncident().withCounts(1, 2));
    m.put(
        "assigned-to-team.json",
        base("INC-000201", Status.ASSIGNED)
            .withAssignment(Assignment.toTeam("service-desk", SupportLevel.L1)));
    Incident inProgress =
        base("INC-000202", Status.IN_PROGRESS,
            t -> t.type(IncidentType.SERVICE_REQUEST).channel(Channel.CHAT))
            .withAssignment(Assignment.toPerson("dc-ops", "omar", SupportLevel.L3));
    m.put("in-progress.json", withPriority(inProgress, Impact.LOW, Urgency.MEDIUM, Priority.P5));
    Incident pending =
        base("INC-000500", Status.PENDING_APPROVAL)
            .withAssignment(Assignment.toPerson("network-ops", "nina", SupportLevel.L2))
            .withResolution(new Resolution("SOLVED_FIXED", "Replaced the PSU", "nina", at(39)))
            .withApproval(true, pendingQuorumOfRoles())
            .withVersion(5, at(40));
    m.put("pending-approval.json", withPriority(pending, Impact.HIGH, Urgency.HIGH, Priority.P1));
    Incident resolved =
        base("INC-000203", Status.RESOLVED)
            .withAssignment(
                Assignment.toPerson("printer-vendor", "acme-support", SupportLevel.VENDOR))
            .withResolution(
                new Resolution("SOLVED_FIXED", "Vendor replaced the fuser unit", "acme-support",
                    at(29).plusSeconds(59).plusMillis(1)));
    m.put(
        "resolved-by-vendor.json",
        withPriority(resolved, Impact.LOW, Urgency.MEDIUM, Priority.P3)
            .withClassification(
                resolved.classification().withCategory("Hardware", "Printer")
                    .withPriority(Impact.LOW, Urgency.MEDIUM, Priority.P3)));
    m.put(
        "closed.json",
        base("INC-000204", Status.CLOSED)
            .withAssignment(Assignment.toTeam("service-desk", SupportLevel.L1))
            .withResolution(new Resolution("SOLVED_WORKAROUND", "Use the other printer", "sam", at(20)))
            .withApproval(true, approvedByRole())
            .withCounts(2, 0)
            .withVersion(9_000_000_000L, at(30)));
    m.put(
        "cancelled.json",
        base("INC-000205", Status.CANCELLED, t -> t.description(""))
            .withLinks(List.of(new Link(LinkType.DUPLICATE_OF, "INC-000204")))
            .withTags(Set.of("duplicate")));
    return m;
  }

  static Map<String, Approval> approvals() {
    Map<String, Approval> m = new LinkedHashMap<>();
    m.put("three-stages-pending.json", threeStageApproval());
    m.put("three-stages-pending.pretty.json", threeStageApproval());
    m.put("approved-by-role-any.json", approvedByRole());
    m.put("rejected-quorum.json", rejectedQuorum());
    m.put("expired-all.json", expiredAll());
    m.put("approved-all-then-any.json", approvedAllThenAny());
    m.put("pending-quorum-of-roles.json", pendingQuorumOfRoles());
    return m;
  }

  /** Events by file name: every type, every optional component present in one and absent in another. */
  static Map<String, IncidentEvent> events() {
    String id = "INC-000123";
    Provenance rule = Provenance.rule("VPN keywords mean Network", "title mentions VPN");
    Resolution fixed =
        new Resolution("SOLVED_FIXED", "Replaced the gateway certificate", "nina", at(80));
    Map<String, IncidentEvent> m = new LinkedHashMap<>();
    m.put("IncidentLogged.json", new IncidentLogged(id, 1, at(0), "u1042", fullTicket(), T0));
    m.put(
        "IncidentLogged-minimal-ticket.json",
        new IncidentLogged("INC-000001", 1, at(0), "u1", minimalTicket(), at(0).plusMillis(5)));
    m.put(
        "Categorized.json",
        new Categorized(id, 2, at(1), "system", "Network", Optional.of("VPN"), rule));
    m.put(
        "Categorized-without-subcategory-manual.json",
        new Categorized(id, 2, at(1), "nina", "Network", Optional.empty(), Provenance.manual("nina")));
    m.put(
        "Prioritized.json",
        new Prioritized(id, 3, at(2), "system", Impact.MEDIUM, Urgency.HIGH, Priority.P2,
            Provenance.policy("impact-urgency-matrix", "MEDIUM x HIGH")));
    m.put(
        "Assigned.json",
        new Assigned(id, 4, at(3), "system", Assignment.toTeam("network-ops", SupportLevel.L2),
            Status.ASSIGNED, rule));
    m.put(
        "Assigned-to-person.json",
        new Assigned(id, 4, at(3), "lead", Assignment.toPerson("network-ops", "nina",
            SupportLevel.L2), Status.ASSIGNED, Provenance.manual("lead")));
    m.put(
        "ApprovalRequirementDecided.json",
        new ApprovalRequirementDecided(id, 5, at(4), "system", true, Provenance.system("VIP caller")));
    m.put(
        "ApprovalRequirementDecided-not-required.json",
        new ApprovalRequirementDecided(id, 5, at(4), "system", false,
            new Provenance(Provenance.Kind.POLICY, "approval-policy", "")));
    m.put(
        "Tagged.json",
        new Tagged(id, 6, at(5), "system", new LinkedHashSet<>(List.of("vpn", "emea", "Remote")),
            rule));
    m.put(
        "StatusChanged.json",
        new StatusChanged(id, 7, at(6), "nina", Status.ASSIGNED, Status.IN_PROGRESS, ""));
    m.put(
        "StatusChanged-with-reason.json",
        new StatusChanged(id, 7, at(6), "nina", Status.ON_HOLD, Status.IN_PROGRESS,
            "vendor answered"));
    m.put(
        "PutOnHold.json",
        new PutOnHold(id, 8, at(7), "nina", OnHoldReason.AWAITING_USER, "asked for logs"));
    m.put(
        "PutOnHold-without-note.json",
        new PutOnHold(id, 8, at(7), "nina", OnHoldReason.AWAITING_EVIDENCE, ""));
    m.put("Resumed.json", new Resumed(id, 9, at(8), "nina", "logs received"));
    m.put("Resumed-without-note.json", new Resumed(id, 9, at(8), "u1042", ""));
    m.put(
        "CommentAdded.json",
        new CommentAdded(id, 10, at(9), "nina", "Gateway cert expires today",
            Visibility.INTERNAL));
    m.put(
        "CommentAdded-public-escapes.json",
        new CommentAdded(id, 10, at(9), "u1042",
            "Still \"broken\" \\ see C:\\logs\nline 2\t\u00e9\u00e8 \u2603 \uD83D\uDCA9 \u0000",
            Visibility.PUBLIC));
    m.put("ResolutionProposed.json", new ResolutionProposed(id, 11, at(10), "nina", fixed));
    m.put(
        "ApprovalRequested.json",
        new ApprovalRequested(id, 12, at(11), "nina", pendingQuorumOfRoles()));
    m.put(
        "ApprovalDecided.json",
        new ApprovalDecided(id, 13, at(12), "ulf", rejectedQuorum(), Verdict.REJECT,
            "announces the wrong date"));
    m.put(
        "ApprovalDecided-without-comment.json",
        new ApprovalDecided(id, 13, at(12), "tess", approvedByRole(), Verdict.APPROVE, ""));
    m.put("ApprovalExpired.json", new ApprovalExpired(id, 14, at(13), "system", expiredAll()));
    m.put("Resolved.json", new Resolved(id, 15, at(14), "nina", fixed));
    m.put("Reopened.json", new Reopened(id, 16, at(15), "u1042", "still drops", 1, false));
    m.put(
        "Reopened-on-behalf.json",
        new Reopened(id, 16, at(15), "nina", "", 2, true));
    m.put(
        "Closed.json",
        new Closed(id, 17, at(16), "u1042", CloseReason.CONFIRMED_BY_CALLER, ""));
    m.put(
        "Closed-auto-with-note.json",
        new Closed(id, 17, at(16), "system", CloseReason.AUTO_CLOSED, "no answer in 5 days"));
    // the moves real desks make (added with them; optional properties, absent in older files)
    m.put(
        "Closed-without-resolution.json",
        new Closed(id, 17, at(16), "lead", CloseReason.WITHOUT_RESOLUTION, "same as INC-000120",
            Optional.of("DUPLICATE")));
    m.put(
        "Reopened-from-closed.json",
        new Reopened(id, 18, at(20), "u1042", "drops again", 2, false, true));
    m.put(
        "Resolved-first-contact.json",
        new Resolved(id, 15, at(14), "sara",
            new Resolution("SOLVED_ADVICE", "Explained net use", "sara", at(14), true)));
    m.put(
        "IncidentLogged-self-reported.json",
        new IncidentLogged(id, 1, at(0), "u1042", fullTicket(), T0, true,
            Optional.of(Caller.of("u1042").withName("Ada Lovelace").withDepartment("Finance"))));
    m.put("Cancelled.json", new Cancelled(id, 18, at(17), "lead", "duplicate"));
    m.put("Cancelled-without-reason.json", new Cancelled(id, 18, at(17), "lead", ""));
    m.put(
        "Escalated.json",
        new Escalated(id, 19, at(18), "system", EscalationKind.HIERARCHICAL,
            Optional.of(Assignment.toPerson("network-ops", "omar", SupportLevel.L3)),
            Optional.of(Role.TEAM_LEAD), "P2 breached response", rule));
    m.put(
        "Escalated-functional.json",
        new Escalated(id, 19, at(18), "system", EscalationKind.FUNCTIONAL,
            Optional.of(Assignment.toTeam("network-l3", SupportLevel.L3)), Optional.empty(),
            "needs L3", Provenance.policy("escalation-ladder", "P2 at 50 %")));
    m.put(
        "Escalated-notify-only.json",
        new Escalated(id, 19, at(18), "system", EscalationKind.HIERARCHICAL, Optional.empty(),
            Optional.of(Role.SENIOR_MANAGER), "", Provenance.system("P1 breached resolution")));
    m.put(
        "Linked.json",
        new Linked(id, 20, at(19), "nina", new Link(LinkType.DUPLICATE_OF, "INC-000099")));
    m.put(
        "SlaThresholdReached.json",
        new SlaThresholdReached(id, 21, at(20), "system", SlaKind.RESOLUTION, 75,
            at(240).plusMillis(500)));
    m.put(
        "SlaThresholdReached-response.json",
        new SlaThresholdReached(id, 21, at(20).plusNanos(123_456_789), "system", SlaKind.RESPONSE,
            1, at(30)));
    m.put("SlaBreached.json", new SlaBreached(id, 22, at(21), "system", SlaKind.RESPONSE, at(15)));
    m.put(
        "SlaBreached-resolution.json",
        new SlaBreached(id, Long.MAX_VALUE, at(21), "system", SlaKind.RESOLUTION, at(15)));
    return m;
  }

  /** One incident's whole life, in order, using every hold reason and close reason. */
  static List<IncidentEvent> fullHistory() {
    String id = "INC-000123";
    Provenance rule = Provenance.rule("VPN keywords mean Network", "title mentions VPN");
    Assignment l2 = Assignment.toTeam("network-ops", SupportLevel.L2);
    Assignment nina = Assignment.toPerson("network-ops", "nina", SupportLevel.L2);
    Resolution workaround =
        new Resolution("SOLVED_WORKAROUND", "Switched to backup gateway", "nina", at(90));
    Resolution fixed =
        new Resolution("SOLVED_FIXED", "Replaced the gateway certificate", "nina", at(300));
    Approval approval =
        Approval.single(
            "APR-7",
            new ApprovalSubject(ApprovalSubject.Kind.RESOLUTION, id),
            List.of(Approver.role(Role.TEAM_LEAD)),
            ApprovalPolicy.any(),
            "nina",
            at(301),
            Optional.of(at(301 + 24 * 60)));
    Approval approved =
        approval.decide(Actor.of("tess", Role.TEAM_LEAD), Verdict.APPROVE, "", at(310));
    List<IncidentEvent> h = new ArrayList<>();
    long s = 0;
    h.add(new IncidentLogged(id, ++s, at(0), "u1042", fullTicket(), T0));
    h.add(new Categorized(id, ++s, at(0), "system", "Network", Optional.of("VPN"), rule));
    h.add(new Prioritized(id, ++s, at(0), "system", Impact.MEDIUM, Urgency.HIGH,
        Priority.P2, Provenance.policy("impact-urgency-matrix", "MEDIUM x HIGH")));
    h.add(new ApprovalRequirementDecided(id, ++s, at(0), "system", true,
        Provenance.system("VIP caller")));
    h.add(new Tagged(id, ++s, at(0), "system", Set.of("vpn", "remote"), rule));
    h.add(new Assigned(id, ++s, at(0), "system", l2, Status.ASSIGNED, rule));
    h.add(new Assigned(id, ++s, at(3), "nina", nina, Status.ASSIGNED,
        Provenance.manual("nina")));
    h.add(new StatusChanged(id, ++s, at(4), "nina", Status.ASSIGNED,
        Status.IN_PROGRESS, ""));
    h.add(new CommentAdded(id, ++s, at(5), "nina", "Looking into it", Visibility.PUBLIC));
    h.add(new PutOnHold(id, ++s, at(6), "nina", OnHoldReason.AWAITING_USER,
        "asked for logs"));
    h.add(new Resumed(id, ++s, at(20), "u1042", "logs attached"));
    h.add(new SlaThresholdReached(id, ++s, at(30), "system", SlaKind.RESPONSE, 50,
        at(60)));
    h.add(new PutOnHold(id, ++s, at(31), "nina", OnHoldReason.AWAITING_VENDOR,
        "ticket at the firewall vendor"));
    h.add(new Resumed(id, ++s, at(40), "nina", ""));
    h.add(new PutOnHold(id, ++s, at(41), "nina", OnHoldReason.AWAITING_CHANGE,
        "CHG-12 scheduled"));
    h.add(new Resumed(id, ++s, at(50), "nina", "CHG-12 done"));
    h.add(new PutOnHold(id, ++s, at(51), "nina", OnHoldReason.AWAITING_PROBLEM, ""));
    h.add(new Resumed(id, ++s, at(60), "nina", ""));
    h.add(new PutOnHold(id, ++s, at(61), "nina", OnHoldReason.AWAITING_EVIDENCE,
        "waiting for a capture"));
    h.add(new Resumed(id, ++s, at(70), "nina", "capture received"));
    h.add(new Linked(id, ++s, at(71), "nina", new Link(LinkType.RELATED_PROBLEM, "PRB-7")));
    h.add(new Escalated(id, ++s, at(72), "system", EscalationKind.HIERARCHICAL,
        Optional.empty(), Optional.of(Role.MANAGER), "P2 open for 72 minutes",
        Provenance.policy("escalation-ladder", "")));
    h.add(new ResolutionProposed(id, ++s, at(90), "nina", workaround));
    h.add(new Resolved(id, ++s, at(90), "nina", workaround));
    h.add(new Reopened(id, ++s, at(100), "u1042", "still drops", 1, false));
    h.add(new SlaBreached(id, ++s, at(241), "system", SlaKind.RESOLUTION, at(240)));
    h.add(new ResolutionProposed(id, ++s, at(300), "nina", fixed));
    h.add(new ApprovalRequested(id, ++s, at(301), "nina", approval));
    h.add(new ApprovalDecided(id, ++s, at(310), "tess", approved, Verdict.APPROVE, ""));
    h.add(new Resolved(id, ++s, at(310), "system", fixed));
    h.add(new Closed(id, ++s, at(400), "nina", CloseReason.CONFIRMED_ON_BEHALF,
        "caller confirmed by phone"));
    return h;
  }

  /** Events of other incidents, for what one history cannot show. */
  static List<IncidentEvent> otherEndings() {
    return List.of(
        new Closed("INC-000204", 8, at(500), "lead", CloseReason.CLOSED_BY_AGENT, ""),
        new Closed("INC-000203", 8, at(500), "system", CloseReason.AUTO_CLOSED, ""),
        new Cancelled("INC-000205", 3, at(5), "lead", "duplicate of INC-000204"),
        new ApprovalExpired("INC-000300", 6, at(24 * 60), "system", expiredAll()));
  }

  // ------------------------------------------------------------------ the files

  /** Every golden file (path under golden/) and the value it holds. */
  static Map<String, Object> expected() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tickets/minimal.json", minimalTicket());
    m.put("tickets/full.json", fullTicket());
    m.put("tickets/full.pretty.json", fullTicket());
    m.put("tickets/unicode-and-escapes.json", unicodeTicket());
    m.put("tickets/unicode-and-escapes.pretty.json", unicodeTicket());
    m.put("tickets/tickets.jsonl", jsonLinesTickets());
    incidents().forEach((name, value) -> m.put("incidents/" + name, value));
    events().forEach((name, value) -> m.put("events/" + name, value));
    m.put("histories/full.pretty.json", fullHistory());
    m.put("histories/full.json", fullHistory());
    m.put("histories/other-endings.json", otherEndings());
    m.put("histories/empty.json", List.of());
    approvals().forEach((name, value) -> m.put("approvals/" + name, value));
    return m;
  }

  // ------------------------------------------------------------------ reading and writing

  private static ItsmJson writerFor(String name) {
    return name.endsWith(".pretty.json") ? PRETTY : COMPACT;
  }

  static Object read(String name, String text) {
    ItsmJson json = writerFor(name);
    String kind = name.substring(0, name.indexOf('/'));
    if (name.endsWith(".jsonl")) {
      List<Ticket> tickets = new ArrayList<>();
      try (TicketReader reader = json.ticketReader(new StringReader(text))) {
        reader.forEachRemaining(line -> tickets.add(line.orElseThrow()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return tickets;
    }
    return switch (kind) {
      case "tickets" -> json.readTicket(text);
      case "incidents" -> json.readIncident(text);
      case "events" -> json.readEvent(text);
      case "histories" -> json.readHistory(text);
      case "approvals" -> json.readApproval(text);
      default -> throw new IllegalArgumentException("no reader for " + name);
    };
  }

  @SuppressWarnings("unchecked")
  static String write(String name, Object value) {
    ItsmJson json = writerFor(name);
    String kind = name.substring(0, name.indexOf('/'));
    if (name.endsWith(".jsonl")) {
      return ((List<Ticket>) value).stream().map(t -> json.writeTicket(t) + "\n")
          .collect(Collectors.joining());
    }
    return switch (kind) {
      case "tickets" -> json.writeTicket((Ticket) value);
      case "incidents" -> json.writeIncident((Incident) value);
      case "events" -> json.writeEvent((IncidentEvent) value);
      case "histories" -> json.writeHistory((List<IncidentEvent>) value);
      case "approvals" -> json.writeApproval((Approval) value);
      default -> throw new IllegalArgumentException("no writer for " + name);
    };
  }

  private static byte[] resource(String name) {
    try (InputStream in = GoldenJsonTest.class.getResourceAsStream(ROOT + name)) {
      assertThat(in).as("golden file %s", name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyGoldenFile_readsAsTheExpectedValue_andWritesBackByteIdentical() {
    return expected().entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> {
                      byte[] bytes = resource(e.getKey());
                      String text = new String(bytes, StandardCharsets.UTF_8);

                      Object read = read(e.getKey(), text);

                      assertThat(read).isEqualTo(e.getValue());
                      assertThat(write(e.getKey(), read).getBytes(StandardCharsets.UTF_8))
                          .as("%s written back", e.getKey())
                          .isEqualTo(bytes);
                    }));
  }

  @Test
  void everyFileInTheGoldenDirectory_hasAnExpectedValue() throws IOException, URISyntaxException {
    URL url = GoldenJsonTest.class.getResource(ROOT);
    assertThat(url).isNotNull();
    Path root = Paths.get(url.toURI());
    Set<String> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().equals(".gitattributes"))
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .collect(Collectors.toCollection(TreeSet::new));
    }

    assertThat(files).isEqualTo(new TreeSet<>(expected().keySet()));
  }

  @Test
  void goldenFiles_coverEveryEventTypeAndEveryEnumValue() {
    Set<Class<?>> eventTypes = new LinkedHashSet<>();
    events().values().forEach(e -> eventTypes.add(e.getClass()));
    assertThat(eventTypes).containsExactlyInAnyOrder(IncidentEvent.class.getPermittedSubclasses());

    Set<Status> statuses = EnumSet.noneOf(Status.class);
    incidents().values().forEach(i -> statuses.add(i.status()));
    assertThat(statuses).containsExactlyInAnyOrder(Status.values());

    Set<OnHoldReason> holds = EnumSet.noneOf(OnHoldReason.class);
    incidents().values().forEach(i -> i.onHoldReason().ifPresent(holds::add));
    fullHistory().forEach(e -> {
      if (e instanceof PutOnHold p) {
        holds.add(p.reason());
      }
    });
    assertThat(holds).containsExactlyInAnyOrder(OnHoldReason.values());

    Set<CloseReason> closes = EnumSet.noneOf(CloseReason.class);
    Stream.of(fullHistory(), otherEndings(), List.copyOf(events().values()))
        .flatMap(List::stream)
        .forEach(e -> {
          if (e instanceof Closed c) {
            closes.add(c.closeReason());
          }
        });
    assertThat(closes).containsExactlyInAnyOrder(CloseReason.values());

    Set<ApprovalStatus> approvalStatuses = EnumSet.noneOf(ApprovalStatus.class);
    approvals().values().forEach(a -> approvalStatuses.add(a.status()));
    assertThat(approvalStatuses).containsExactlyInAnyOrder(ApprovalStatus.values());

    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    jsonLinesTickets().forEach(t -> t.channel().ifPresent(channels::add));
    assertThat(channels).containsExactlyInAnyOrder(Channel.values());

    Set<SupportLevel> levels = EnumSet.noneOf(SupportLevel.class);
    incidents().values().forEach(i -> i.assignment().ifPresent(a -> levels.add(a.level())));
    assertThat(levels).containsExactlyInAnyOrder(SupportLevel.values());
  }
}
