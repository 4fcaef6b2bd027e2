package io.itsm.core;

import static io.itsm.core.Fixtures.ADMIN;
import static io.itsm.core.Fixtures.CALLER;
import static io.itsm.core.Fixtures.DESK_AGENT;
import static io.itsm.core.Fixtures.MANAGER;
import static io.itsm.core.Fixtures.MANAGER_2;
import static io.itsm.core.Fixtures.NET_AGENT;
import static io.itsm.core.Fixtures.OTHER_USER;
import static io.itsm.core.Fixtures.SIMPLE_POLICY;
import static io.itsm.core.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.access.Role;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalStatus;
import io.itsm.core.approval.Approver;
import io.itsm.core.approval.NotAnApproverException;
import io.itsm.core.approval.Verdict;
import io.itsm.core.event.ApprovalDecided;
import io.itsm.core.event.ApprovalRequested;
import io.itsm.core.event.Assigned;
import io.itsm.core.event.Categorized;
import io.itsm.core.event.CloseReason;
import io.itsm.core.event.Closed;
import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.event.Prioritized;
import io.itsm.core.event.Provenance;
import io.itsm.core.event.Reopened;
import io.itsm.core.event.StatusChanged;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.LinkType;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.repository.IncidentNotFoundException;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceDeskTest {

  private final MutableClock clock = MutableClock.at(java.time.Instant.parse("2026-11-23T09:00:00Z"));

  private ServiceDesk desk() {
    return ServiceDesk.builder().clock(clock).triagePolicy(SIMPLE_POLICY).build();
  }

  private static <T extends IncidentEvent> T only(List<IncidentEvent> events, Class<T> type) {
    List<T> found = events.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(found).as("events of type %s", type.getSimpleName()).hasSize(1);
    return found.get(0);
  }

  @Test
  void log_appliesTriageDecisions_andEventsNameTheRules() {
    ServiceDesk desk = desk();
    Incident inc = desk.log(CALLER, ticket("VPN keeps dropping"));

    assertThat(inc.id()).isEqualTo("INC-000001");
    assertThat(inc.status()).isEqualTo(Status.ASSIGNED);
    assertThat(inc.category()).contains("network");
    assertThat(inc.subcategory()).contains("vpn");
    assertThat(inc.priority()).contains(Priority.P2);
    assertThat(inc.impact()).contains(Impact.HIGH);
    assertThat(inc.assignment()).contains(Assignment.toTeam("network-ops", SupportLevel.L2));
    assertThat(inc.tags()).containsExactly("vpn");
    assertThat(inc.openedAt()).isEqualTo(clock.instant());

    List<IncidentEvent> h = desk.history(ADMIN, inc.id());
    assertThat(h.get(0)).isInstanceOf(IncidentLogged.class);
    Provenance categorized = only(h, Categorized.class).decidedBy();
    assertThat(categorized.kind()).isEqualTo(Provenance.Kind.RULE);
    assertThat(categorized.name()).isEqualTo("VPN means Network");
    assertThat(categorized.reason()).isEqualTo("title has 'vpn'");
    assertThat(categorized.decisions()).extracting(TriageDecision::attribute, TriageDecision::value)
        .containsExactly(tuple(TriageAttribute.CATEGORY, "network"),
            tuple(TriageAttribute.SUBCATEGORY, "vpn"));
    Provenance prioritized = only(h, Prioritized.class).decidedBy();
    assertThat(prioritized.name()).isEqualTo("VPN outages are P2");
    assertThat(prioritized.reason()).isEqualTo("VPN is business-critical");
    // the impact's own decision, typed; urgency was not decided by a rule
    assertThat(prioritized.decision(TriageAttribute.IMPACT).map(TriageDecision::value))
        .contains(Impact.HIGH);
    assertThat(prioritized.decision(TriageAttribute.URGENCY)).isEmpty();
    assertThat(only(h, Assigned.class).decidedBy().name()).isEqualTo("Network goes to network-ops");
    assertThat(only(h, Assigned.class).decidedBy().decision(TriageAttribute.SUPPORT_LEVEL)
        .map(TriageDecision::value)).contains(SupportLevel.L2);
    assertThat(h).extracting(IncidentEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void log_withoutTriagePolicy_leavesFieldsAsGiven() {
    ServiceDesk desk = ServiceDesk.builder().clock(clock).build();
    Incident inc = desk.log(ADMIN, Ticket.builder().title("VPN down").impact(Impact.LOW).build());
    assertThat(inc.status()).isEqualTo(Status.NEW);
    assertThat(inc.category()).isEmpty();
    assertThat(inc.priority()).isEmpty();
    assertThat(inc.impact()).contains(Impact.LOW);
    assertThat(desk.history(ADMIN, inc.id())).hasSize(1);
  }

  @Test
  void log_byEndUser_setsThemAsCaller_andRefusesLoggingForSomeoneElse() {
    ServiceDesk desk = desk();
    Incident inc = desk.log(CALLER, Ticket.builder().title("Printer jam").build());
    assertThat(inc.caller().map(Caller::id)).contains(CALLER.id());

    Ticket forOther = Ticket.builder().title("x").caller(Caller.of("u-bert")).build();
    assertThatThrownBy(() -> desk.log(CALLER, forOther))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("actor u-anna")
        .hasMessageContaining("the ticket's caller is u-bert");
    assertThat(desk.find(ADMIN, IncidentQuery.all())).hasSize(1);
  }

  @Test
  void log_whenTriageDecidesUnknownCategory_logsNothing_andNamesTheRule() {
    ServiceDesk desk = ServiceDesk.builder().clock(clock)
        .triagePolicy(t -> TriageResult.of(
            List.of(new TriageDecision(TriageAttribute.CATEGORY, "facilities", "Doors mean facilities", "", 100)),
            List.of(), List.of()))
        .build();
    assertThatThrownBy(() -> desk.log(CALLER, ticket("door stuck")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("category 'facilities' (set by rule 'Doors mean facilities') is not in the catalogue");
    assertThat(desk.find(ADMIN, IncidentQuery.all())).isEmpty();
  }

  @Test
  void log_whenTriagePolicyThrows_logsNothing_andSaysWhichTicket() {
    ServiceDesk desk = ServiceDesk.builder().clock(clock)
        .triagePolicy(t -> {
          throw new IllegalStateException("boom");
        })
        .build();
    assertThatThrownBy(() -> desk.log(CALLER, ticket("VPN down")))
        .isInstanceOf(ItsmException.class)
        .hasMessageContaining("failed for ticket 'VPN down'")
        .hasRootCauseMessage("boom");
    assertThat(desk.find(ADMIN, IncidentQuery.all())).isEmpty();
  }

  @Test
  void fullLifecycle_logAssignWorkHoldResolveConfirm_closes() {
    ServiceDesk desk = desk();
    String id = desk.log(CALLER, ticket("VPN keeps dropping")).id();
    clock.advance(Duration.ofMinutes(5));
    desk.startWork(NET_AGENT, id);
    desk.comment(NET_AGENT, id, "Which client version?", Visibility.PUBLIC);
    desk.putOnHold(NET_AGENT, id, OnHoldReason.AWAITING_USER, "asked for the client version");
    desk.comment(CALLER, id, "Version 5.2", Visibility.PUBLIC);
    desk.resume(NET_AGENT, id, "answer received");
    desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "Upgraded the VPN client to 5.4");
    Incident resolved = desk.get(CALLER, id);
    assertThat(resolved.status()).isEqualTo(Status.RESOLVED);
    assertThat(resolved.resolution().orElseThrow().resolvedBy()).isEqualTo(NET_AGENT.id());

    Incident closed = desk.confirmResolution(CALLER, id);

    assertThat(closed.status()).isEqualTo(Status.CLOSED);
    assertThat(only(desk.history(ADMIN, id), Closed.class).closeReason())
        .isEqualTo(CloseReason.CONFIRMED_BY_CALLER);
  }

  @Test
  void firstContactResolution_fromNew() {
    ServiceDesk desk = desk();
    String id = desk.log(CALLER, ticket("How do I map a drive?")).id();
    Incident inc = desk.proposeResolution(ADMIN, id, "SOLVED_ADVICE", "Explained net use");
    assertThat(inc.status()).isEqualTo(Status.RESOLVED);
  }

  @Test
  void approvalRequired_resolveGoesToPendingApproval_approvedResolves() {
    ServiceDesk desk = desk();
    String id = desk.log(CALLER, ticket("VPN approval needed")).id();
    assertThat(desk.get(ADMIN, id).approvalRequired()).isTrue();

    Incident pending = desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "Rotated VPN keys");
    assertThat(pending.status()).isEqualTo(Status.PENDING_APPROVAL);
    assertThat(pending.approval().orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
    assertThat(only(desk.history(ADMIN, id), ApprovalRequested.class).approval().id())
        .isEqualTo(id + "-APR-1");

    Incident approved = desk.decideApproval(MANAGER, id, Verdict.APPROVE, "ok");
    assertThat(approved.status()).isEqualTo(Status.RESOLVED);
    assertThat(approved.approval().orElseThrow().status()).isEqualTo(ApprovalStatus.APPROVED);
  }

  @Test
  void approvalRejected_sendsBackToWork_withTheCommentInHistory() {
    ServiceDesk desk = desk();
    String id = desk.log(CALLER, ticket("VPN approval needed")).id();
    desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "Rebooted the concentrator");

    Incident back = desk.decideApproval(MANAGER, id, Verdict.REJECT, "Find the root cause first");

    assertThat(back.status()).isEqualTo(Status.IN_PROGRESS);
    List<IncidentEvent> h = desk.history(ADMIN, id);
    assertThat(only(h, ApprovalDecided.class).comment()).isEqualTo("Find the root cause first");
    assertThat(h.get(h.size() - 1)).isInstanceOfSatisfying(StatusChanged.class,
        e -> assertThat(e.reason()).contains("Find the root cause first"));
    // a second proposal asks for a new approval
    Incident again = desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "Replaced a failing PSU");
    assertThat(again.approval().orElseThrow().id()).isEqualTo(id + "-APR-2");
  }

  @Test
  void decideApproval_byNonApprover_isDenied_andNothingChanges() {
    ServiceDesk desk = desk();
    String id = desk.log(CALLER, ticket("VPN approval needed")).id();
    Incident pending = desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "Rotated keys");

    Actor lead = Actor.of("t-tove", Role.TEAM_LEAD, "network-ops");
    assertThatThrownBy(() -> desk.decideApproval(lead, id, Verdict.APPROVE, "ok"))
        .isInstanceOf(NotAnApproverException.class)
        .hasMessageContaining("t-tove")
        .hasMessageContaining("role:MANAGER");
    assertThatThrownBy(() -> desk.decideApproval(NET_AGENT, id, Verdict.APPROVE, "ok"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("DECIDE_APPROVAL");
    assertThat(desk.get(ADMIN, id)).isEqualTo(pending);
  }

  @Test
  void quorumOfTwoManagers_needsBoth() {
    ServiceDesk desk = ServiceDesk.builder().clock(clock).triagePolicy(SIMPLE_POLICY)
        .resolutionApprovers(List.of(Approver.role(Role.MANAGER)), ApprovalPolicy.quorum(2))
        .build();
    String id = desk.log(CALLER, ticket("VPN approval needed")).id();
    desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "Rotated keys");

    assertThat(desk.decideApproval(MANAGER, id, Verdict.APPROVE, "").status()).isEqualTo(Status.PENDING_APPROVAL);
    assertThat(desk.decideApproval(MANAGER_2, id, Verdict.APPROVE, "").status()).isEqualTo(Status.RESOLVED);
  }

  @Test
  void approvalExpires_onTickAfterDue_once() {
    ServiceDesk desk = ServiceDesk.builder().clock(clock).triagePolicy(SIMPLE_POLICY)
        .approvalDueAfter(Duration.ofHours(8)).build();
    String id = desk.log(CALLER, ticket("VPN approval needed")).id();
    desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "Rotated keys");

    assertThat(desk.tick(clock.instant().plus(Duration.ofHours(7)))).isEmpty();
    assertThat(desk.tick(clock.instant().plus(Duration.ofHours(8)))).hasSize(1);
    assertThat(desk.tick(clock.instant().plus(Duration.ofHours(9)))).isEmpty();
    Incident inc = desk.get(ADMIN, id);
    assertThat(inc.status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(inc.approval().orElseThrow().status()).isEqualTo(ApprovalStatus.EXPIRED);
  }

  @Test
  void rejectResolution_reopens_andCounts() {
    ServiceDesk desk = desk();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "Upgraded client");
    Incident reopened = desk.rejectResolution(CALLER, id, "Still drops at 10:00");
    assertThat(reopened.status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(reopened.reopenCount()).isEqualTo(1);
    assertThat(reopened.resolution()).isEmpty();

    desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "Replaced the router");
    Incident twice = desk.rejectResolution(DESK_AGENT, id, "Caller phoned: still broken");
    assertThat(twice.reopenCount()).isEqualTo(2);
    List<Reopened> reopens = desk.history(ADMIN, id).stream()
        .filter(Reopened.class::isInstance).map(Reopened.class::cast).toList();
    assertThat(reopens).extracting(Reopened::onBehalfOfCaller).containsExactly(false, true);
  }

  @Test
  void autoClose_afterSevenDaysWithoutAnswer_exactlyOnce() {
    ServiceDesk desk = desk();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "Upgraded client");
    var resolvedAt = clock.instant();

    assertThat(desk.tick(resolvedAt.plus(Duration.ofDays(7)).minusSeconds(1))).isEmpty();
    assertThat(desk.tick(resolvedAt.plus(Duration.ofDays(7)))).extracting(Incident::id).containsExactly(id);
    assertThat(desk.tick(resolvedAt.plus(Duration.ofDays(8)))).isEmpty();

    Closed closed = only(desk.history(ADMIN, id), Closed.class);
    assertThat(closed.closeReason()).isEqualTo(CloseReason.AUTO_CLOSED);
    assertThat(closed.actor()).isEqualTo(Actor.SYSTEM_ID);
    assertThat(closed.at()).isEqualTo(resolvedAt.plus(Duration.ofDays(7)));
  }

  @Test
  void confirmOnBehalf_byAgent_isRecordedAsSuch() {
    ServiceDesk desk = desk();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "Upgraded client");
    desk.confirmResolution(DESK_AGENT, id);
    Closed closed = only(desk.history(ADMIN, id), Closed.class);
    assertThat(closed.closeReason()).isEqualTo(CloseReason.CONFIRMED_ON_BEHALF);
    assertThat(closed.note()).isEqualTo("confirmed by a-sara on behalf of the caller u-anna");
  }

  @Test
  void onlyTheCallerConfirms_anotherEndUserIsDenied() {
    ServiceDesk desk = desk();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    Incident resolved = desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "Upgraded client");
    assertThatThrownBy(() -> desk.confirmResolution(OTHER_USER, id))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("actor u-bert")
        .hasMessageContaining("is denied CONFIRM_ON_BEHALF on incident " + id)
        .hasMessageContaining("holds only CONFIRM_OWN, and is not the incident's caller");
    assertThat(desk.get(ADMIN, id)).isEqualTo(resolved);
  }

  @Test
  void onlyTheAssignmentGroupResolves() {
    ServiceDesk desk = desk();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    Incident before = desk.get(ADMIN, id);
    assertThatThrownBy(() -> desk.proposeResolution(DESK_AGENT, id, "SOLVED_FIXED", "rebooted"))
        .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
          assertThat(e.getPermission()).isEqualTo(Permission.WORK);
          assertThat(e.getActorId()).isEqualTo("a-sara");
        })
        .hasMessageContaining("only members of the assignment group network-ops may work on it"
            + " (actor's teams: [service-desk])");
    assertThatThrownBy(() -> desk.proposeResolution(CALLER, id, "SOLVED_FIXED", "it works now"))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(desk.get(ADMIN, id)).isEqualTo(before);
    assertThat(desk.history(ADMIN, id)).hasSize(before.version() > 0 ? (int) before.version() : 0);
  }

  @Test
  void endUser_seesOwnIncidentsOnly_andNotInternalNotes() {
    ServiceDesk desk = desk();
    String mine = desk.log(CALLER, ticket("VPN drops")).id();
    String theirs = desk.log(OTHER_USER, Ticket.builder().title("Mouse broken").build()).id();
    desk.comment(NET_AGENT, mine, "Probably the MTU again", Visibility.INTERNAL);
    desk.comment(NET_AGENT, mine, "We are on it", Visibility.PUBLIC);

    assertThat(desk.find(CALLER, IncidentQuery.all())).extracting(Incident::id).containsExactly(mine);
    assertThatThrownBy(() -> desk.get(CALLER, theirs))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("VIEW_ALL");
    assertThatThrownBy(() -> desk.comment(CALLER, theirs, "me too", Visibility.PUBLIC))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> desk.comment(CALLER, mine, "note", Visibility.INTERNAL))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("WORK_NOTE");

    List<String> seenByCaller = desk.history(CALLER, mine).stream()
        .filter(CommentAdded.class::isInstance).map(e -> ((CommentAdded) e).text()).toList();
    List<String> seenByAgent = desk.history(NET_AGENT, mine).stream()
        .filter(CommentAdded.class::isInstance).map(e -> ((CommentAdded) e).text()).toList();
    assertThat(seenByCaller).containsExactly("We are on it");
    assertThat(seenByAgent).containsExactly("Probably the MTU again", "We are on it");
  }

  @Test
  void queries_byStatusTeamAssignee() {
    ServiceDesk desk = desk();
    String a = desk.log(CALLER, ticket("VPN drops")).id();
    String b = desk.log(CALLER, ticket("Printer jam")).id();
    desk.assign(ADMIN, b, Assignment.toPerson("desktop-support", "a-sara", SupportLevel.L1));

    assertThat(desk.find(ADMIN, IncidentQuery.all().withTeam("network-ops"))).extracting(Incident::id).containsExactly(a);
    assertThat(desk.find(ADMIN, IncidentQuery.all().withAssignee("a-sara"))).extracting(Incident::id).containsExactly(b);
    assertThat(desk.find(ADMIN, IncidentQuery.all().withStatus(Status.ASSIGNED))).hasSize(2);
    assertThat(desk.find(ADMIN, IncidentQuery.all().withStatus(Status.NEW))).isEmpty();
  }

  @Test
  void unknownIncident_namesTheId() {
    ServiceDesk desk = desk();
    assertThatThrownBy(() -> desk.startWork(ADMIN, "INC-999999"))
        .isInstanceOf(IncidentNotFoundException.class)
        .hasMessageStartingWith("no incident with id 'INC-999999'");
  }

  @Test
  void link_toUnknownIncident_failsAndChangesNothing_problemLinksNeedNoIncident() {
    ServiceDesk desk = desk();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    Incident before = desk.get(ADMIN, id);
    assertThatThrownBy(() -> desk.link(ADMIN, id, new Link(LinkType.DUPLICATE_OF, "INC-000042")))
        .isInstanceOf(IncidentNotFoundException.class);
    assertThatThrownBy(() -> desk.link(ADMIN, id, new Link(LinkType.PARENT, id)))
        .hasMessage("incident " + id + " cannot be linked to itself");
    assertThat(desk.get(ADMIN, id)).isEqualTo(before);

    assertThat(desk.link(ADMIN, id, new Link(LinkType.RELATED_PROBLEM, "PRB-12")).links())
        .containsExactly(new Link(LinkType.RELATED_PROBLEM, "PRB-12"));
  }

  @Test
  void badArguments_failBeforeAnythingChanges() {
    ServiceDesk desk = desk();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    Incident before = desk.get(ADMIN, id);
    assertThatThrownBy(() -> desk.comment(NET_AGENT, id, "  ", Visibility.PUBLIC))
        .hasMessage("comment text must not be blank");
    assertThatThrownBy(() -> desk.proposeResolution(NET_AGENT, id, "", "did things"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("resolution code must not be blank");
    assertThatThrownBy(() -> desk.categorize(NET_AGENT, id, "network", "printer"))
        .hasMessageContaining("subcategory 'printer' (set by actor a-nils) is not a subcategory of network");
    assertThatThrownBy(() -> desk.cancel(NET_AGENT, id, ""))
        .hasMessage("cancellation reason must not be blank");
    desk.putOnHold(NET_AGENT, id, OnHoldReason.AWAITING_USER, "");
    assertThatThrownBy(() -> desk.putOnHold(NET_AGENT, id, OnHoldReason.AWAITING_USER, ""))
        .hasMessageContaining("already ON_HOLD with reason AWAITING_USER");
    assertThat(desk.get(ADMIN, id).version()).isEqualTo(before.version() + 1);
  }

  @Test
  void onHold_reasonCanChange_andResolveFromOnHold() {
    ServiceDesk desk = desk();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    desk.putOnHold(NET_AGENT, id, OnHoldReason.AWAITING_USER, "");
    Incident vendor = desk.putOnHold(NET_AGENT, id, OnHoldReason.AWAITING_VENDOR, "ticket at Cisco");
    assertThat(vendor.onHoldReason()).contains(OnHoldReason.AWAITING_VENDOR);
    Incident resolved = desk.proposeResolution(NET_AGENT, id, "SOLVED_BY_VENDOR", "vendor patch");
    assertThat(resolved.status()).isEqualTo(Status.RESOLVED);
    assertThat(resolved.onHoldReason()).isEmpty();
  }

  @Test
  void escalations_functionalChangesAssignment_hierarchicalNotifies() {
    ServiceDesk desk = desk();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    Incident f = desk.escalateFunctionally(NET_AGENT, id, SupportLevel.L3, "network-eng",
        "beyond the SOP: error 809 after client reinstall");
    assertThat(f.assignment()).contains(Assignment.toTeam("network-eng", SupportLevel.L3));
    Incident h = desk.escalateHierarchically(NET_AGENT, id, Role.MANAGER, "VIP affected");
    assertThat(h.version()).isEqualTo(f.version() + 1);
  }

  @Test
  void listeners_hearEveryEventAfterStore_andAFailingListenerUndoesNothing() {
    List<IncidentEvent> heard = Collections.synchronizedList(new ArrayList<>());
    ServiceDesk desk = ServiceDesk.builder().clock(clock).triagePolicy(SIMPLE_POLICY)
        .listener((e, inc) -> {
          throw new IllegalStateException("listener down");
        })
        .listener((e, inc) -> heard.add(e))
        .build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    desk.startWork(NET_AGENT, id);
    assertThat(heard).isEqualTo(desk.history(ADMIN, id));
  }

  @Test
  void history_replaysToTheCurrentState() {
    ServiceDesk desk = ServiceDesk.builder().clock(clock).triagePolicy(SIMPLE_POLICY)
        .approvalDueAfter(Duration.ofDays(1)).build();
    String other = desk.log(CALLER, ticket("Printer jam")).id();
    String id = desk.log(CALLER, ticket("VPN approval needed")).id();
    clock.advance(Duration.ofMinutes(3));
    desk.startWork(NET_AGENT, id);
    desk.comment(NET_AGENT, id, "checking", Visibility.INTERNAL);
    desk.putOnHold(NET_AGENT, id, OnHoldReason.AWAITING_USER, "");
    desk.putOnHold(NET_AGENT, id, OnHoldReason.AWAITING_EVIDENCE, "logs please");
    desk.resume(NET_AGENT, id, "");
    desk.link(NET_AGENT, id, new Link(LinkType.RELATED, other));
    desk.escalateFunctionally(NET_AGENT, id, SupportLevel.L3, "network-ops", "needs L3");
    desk.prioritize(NET_AGENT, id, Impact.HIGH, io.itsm.core.incident.Urgency.HIGH, Priority.P1);
    desk.categorize(NET_AGENT, id, "network", "connectivity");
    desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "x");
    desk.decideApproval(MANAGER, id, Verdict.REJECT, "no");
    desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "y");
    desk.decideApproval(MANAGER, id, Verdict.APPROVE, "");
    desk.rejectResolution(CALLER, id, "nope");
    desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "z");
    clock.advance(Duration.ofDays(2));
    assertThat(desk.tick()).extracting(Incident::id).containsExactly(id); // approval expired
    desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "z2");
    desk.decideApproval(MANAGER_2, id, Verdict.APPROVE, "");

    Incident live = desk.get(ADMIN, id);
    assertThat(live.status()).isEqualTo(Status.RESOLVED);
    assertThat(IncidentHistory.replay(desk.history(ADMIN, id))).isEqualTo(live);
  }

  @Test
  void customAccessPolicy_revokedPermission_isEnforced() {
    ServiceDesk desk = ServiceDesk.builder().clock(clock).triagePolicy(SIMPLE_POLICY)
        .accessPolicy(io.itsm.core.access.RoleBasedAccessPolicy.defaults().revoke(Role.AGENT, Permission.CANCEL))
        .build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    assertThatThrownBy(() -> desk.cancel(NET_AGENT, id, "dup"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("the actor holds only CANCEL_OWN, and is not the incident's caller");
    assertThat(desk.cancel(CALLER, id, "fixed itself").status()).isEqualTo(Status.CANCELLED);
  }
}
