package io.itsm.core;

import static io.itsm.core.Fixtures.ADMIN;
import static io.itsm.core.Fixtures.CALLER;
import static io.itsm.core.Fixtures.DESK_AGENT;
import static io.itsm.core.Fixtures.NET_AGENT;
import static io.itsm.core.Fixtures.OTHER_USER;
import static io.itsm.core.Fixtures.SIMPLE_POLICY;
import static io.itsm.core.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Verdict;
import io.itsm.core.event.Assigned;
import io.itsm.core.event.CloseReason;
import io.itsm.core.event.Closed;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.event.Reopened;
import io.itsm.core.event.ResolutionProposed;
import io.itsm.core.event.Resolved;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.ResolutionCodes;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.lifecycle.Command;
import io.itsm.core.lifecycle.IllegalTransitionException;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.sla.SlaState;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The moves found replaying a real ServiceNow event log: reassign without losing the state,
 * correct a resolved incident's assignment, first-contact resolution, close without a resolution,
 * reopen a closed incident; and the resolution codes and team names they check.
 */
class RealDeskMovesTest {

  private static final Actor LEAD = Actor.of("l-lena", Role.TEAM_LEAD, "network-ops");
  private static final Actor SPECIALIST = Actor.of("s-sven", Role.SPECIALIST, "network-eng");
  private static final Assignment NET = Assignment.toTeam("network-ops", SupportLevel.L2);

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-23T09:00:00Z"));

  private ServiceDesk.Builder builder() {
    return ServiceDesk.builder().clock(clock);
  }

  private static <T extends IncidentEvent> List<T> all(List<IncidentEvent> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static <T extends IncidentEvent> T last(List<IncidentEvent> events, Class<T> type) {
    List<T> found = all(events, type);
    assertThat(found).as("events of type %s", type.getSimpleName()).isNotEmpty();
    return found.get(found.size() - 1);
  }

  // ------------------------------------------------------------------ reassignment

  @Test
  void reassign_whileInProgress_keepsTheStatus_andCountsTheReassignment() {
    ServiceDesk desk = builder().build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    assertThat(desk.assign(ADMIN, id, NET).status()).isEqualTo(Status.ASSIGNED);
    desk.startWork(NET_AGENT, id);

    Incident moved = desk.assign(ADMIN, id, Assignment.toTeam("network-eng", SupportLevel.L3));

    assertThat(moved.status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(moved.team()).contains("network-eng");
    assertThat(moved.reassignmentCount()).isEqualTo(1);
    assertThat(last(desk.history(ADMIN, id), Assigned.class).status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(IncidentHistory.replay(desk.history(ADMIN, id))).isEqualTo(moved);
  }

  @Test
  void reassign_whileOnHold_keepsTheHoldAndItsReason() {
    ServiceDesk desk = builder().build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    desk.assign(ADMIN, id, NET);
    desk.putOnHold(NET_AGENT, id, OnHoldReason.AWAITING_VENDOR, "case 4711 at the vendor");

    Incident moved = desk.assign(ADMIN, id, Assignment.toPerson("network-ops", "a-nils", SupportLevel.L2));

    assertThat(moved.status()).isEqualTo(Status.ON_HOLD);
    assertThat(moved.onHoldReason()).contains(OnHoldReason.AWAITING_VENDOR);
    assertThat(moved.reassignmentCount()).as("a new assignee is a reassignment").isEqualTo(1);
    assertThat(desk.resume(NET_AGENT, id, "vendor answered").status()).isEqualTo(Status.IN_PROGRESS);
  }

  @Test
  void reassignmentCount_countsChangesOfTeamOrAssignee_notTheFirstAssignmentNorRepeats() {
    ServiceDesk desk = builder().build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    assertThat(desk.assign(ADMIN, id, NET).reassignmentCount()).isZero();
    assertThat(desk.assign(ADMIN, id, NET).reassignmentCount()).as("same team again").isZero();
    assertThat(desk.assign(ADMIN, id, Assignment.toTeam("service-desk", SupportLevel.L1))
        .reassignmentCount()).isEqualTo(1);
    Incident escalated = desk.escalateFunctionally(ADMIN, id, SupportLevel.L2, "network-ops",
        "beyond the SOP");
    assertThat(escalated.reassignmentCount()).as("a functional escalation hands it over").isEqualTo(2);
    assertThat(desk.escalateFunctionally(ADMIN, id, SupportLevel.L3, "network-ops", "still beyond")
        .reassignmentCount()).as("only the level changed").isEqualTo(2);
    assertThat(ItsmJson.defaults().readIncident(ItsmJson.defaults().writeIncident(desk.get(ADMIN, id)))
        .reassignmentCount()).isEqualTo(2);
  }

  @Test
  void assign_onAResolvedIncident_correctsTheCredit_withoutReopeningIt() {
    ServiceDesk desk = builder().build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    desk.assign(ADMIN, id, NET);
    Incident resolved = desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "new client");

    Incident corrected = desk.assign(LEAD, id,
        Assignment.toPerson("network-eng", "s-sven", SupportLevel.L3));

    assertThat(corrected.status()).isEqualTo(Status.RESOLVED);
    assertThat(corrected.reopenCount()).isZero();
    assertThat(corrected.resolution()).isEqualTo(resolved.resolution());
    assertThat(corrected.assignment()).contains(Assignment.toPerson("network-eng", "s-sven", SupportLevel.L3));
    // still waiting for the caller, and still closing by itself
    clock.advance(Duration.ofDays(7));
    assertThat(desk.tick()).extracting(Incident::status).containsExactly(Status.CLOSED);
  }

  @Test
  void assign_whilePendingApproval_isRefused_andChangesNothing() {
    ServiceDesk desk = builder().triagePolicy(SIMPLE_POLICY).build();
    String id = desk.log(CALLER, ticket("VPN approval needed")).id();
    Incident pending = desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "keys rotated");
    assertThat(pending.status()).isEqualTo(Status.PENDING_APPROVAL);

    assertThatThrownBy(() -> desk.assign(ADMIN, id, NET))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("is PENDING_APPROVAL: ASSIGN is not allowed");
    assertThat(desk.get(ADMIN, id)).isEqualTo(pending);
  }

  // ------------------------------------------------------------------ first contact

  @Test
  void firstContactResolution_byAServiceDeskAgent_ofANewUnassignedIncident_isRecordedAsSuch() {
    ServiceDesk desk = builder().build();
    String id = desk.log(CALLER, ticket("How do I map a network drive?")).id();
    assertThat(desk.get(ADMIN, id).assignment()).isEmpty();

    Incident resolved = desk.proposeResolution(DESK_AGENT, id, "SOLVED_ADVICE", "Explained net use");

    assertThat(resolved.status()).isEqualTo(Status.RESOLVED);
    assertThat(resolved.resolution().orElseThrow().firstContact()).isTrue();
    List<IncidentEvent> h = desk.history(ADMIN, id);
    assertThat(last(h, ResolutionProposed.class).resolution().firstContact()).isTrue();
    assertThat(last(h, Resolved.class).resolution().firstContact()).isTrue();
    assertThat(last(h, Resolved.class).resolution().resolvedBy()).isEqualTo(DESK_AGENT.id());
    // the flag survives JSON and replay
    assertThat(ItsmJson.defaults().readHistory(ItsmJson.defaults().writeHistory(h))).isEqualTo(h);
    assertThat(ItsmJson.defaults().writeEvent(last(h, Resolved.class))).contains("\"firstContact\":true");
    assertThat(IncidentHistory.replay(h)).isEqualTo(resolved);
  }

  @Test
  void firstContactResolution_needsThePermission_aSpecialistIsDenied() {
    ServiceDesk desk = builder().build();
    String id = desk.log(CALLER, ticket("How do I map a network drive?")).id();
    Incident before = desk.get(ADMIN, id);

    assertThatThrownBy(() -> desk.proposeResolution(SPECIALIST, id, "SOLVED_ADVICE", "net use"))
        .isInstanceOfSatisfying(AccessDeniedException.class,
            e -> assertThat(e.getPermission()).isEqualTo(Permission.RESOLVE_AT_FIRST_CONTACT))
        .hasMessageContaining("none of the actor's roles grants RESOLVE_AT_FIRST_CONTACT");
    assertThat(desk.get(ADMIN, id)).isEqualTo(before);
  }

  @Test
  void resolvingAnAssignedIncident_isNotFirstContact_andNeedsTheAssignmentGroup() {
    ServiceDesk desk = builder().build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    desk.assign(ADMIN, id, NET);
    assertThatThrownBy(() -> desk.proposeResolution(DESK_AGENT, id, "SOLVED_FIXED", "x"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("only members of the assignment group network-ops");
    Incident resolved = desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "new client");
    assertThat(resolved.resolution().orElseThrow().firstContact()).isFalse();
    assertThat(ItsmJson.defaults().writeIncident(resolved)).doesNotContain("firstContact");
  }

  @Test
  void firstContactResolution_thatNeedsApproval_staysFirstContactWhenApproved() {
    ServiceDesk desk = builder().triagePolicy(t -> TriageResult.of(
        List.of(new TriageDecision(TriageAttribute.APPROVAL_REQUIRED, true, "All need approval", "test", 0)),
        List.of(), List.of("All need approval"))).build();
    String id = desk.log(CALLER, ticket("Password reset")).id();
    assertThat(desk.proposeResolution(DESK_AGENT, id, "SOLVED_FIXED", "reset").status())
        .isEqualTo(Status.PENDING_APPROVAL);
    Incident approved = desk.decideApproval(Fixtures.MANAGER, id, Verdict.APPROVE, "ok");
    assertThat(approved.status()).isEqualTo(Status.RESOLVED);
    assertThat(last(desk.history(ADMIN, id), Resolved.class).resolution().firstContact()).isTrue();
  }

  // ------------------------------------------------------------------ close without resolution

  @Test
  void closeWithoutResolution_fromNew_byATeamLead_recordsTheCloseCode_andStopsTheSlaWithoutOutcome() {
    ServiceDesk desk = builder().slaPolicy(SlaPolicy.defaults()).build();
    String id = desk.log(CALLER, ticket("Printer jam (again)")).id();
    clock.advance(Duration.ofMinutes(30));

    Incident closed = desk.closeWithoutResolution(LEAD, id, "DUPLICATE", "same jam as INC-000007");

    assertThat(closed.status()).isEqualTo(Status.CLOSED);
    assertThat(closed.resolution()).isEmpty();
    Closed e = last(desk.history(ADMIN, id), Closed.class);
    assertThat(e.closeReason()).isEqualTo(CloseReason.WITHOUT_RESOLUTION);
    assertThat(e.closeCode()).contains("DUPLICATE");
    assertThat(e.note()).isEqualTo("same jam as INC-000007");
    var sla = desk.sla(ADMIN, id).orElseThrow();
    assertThat(sla.resolution().state()).isEqualTo(SlaState.CANCELLED);
    assertThat(sla.resolution().explain()).contains(": closed without resolution");
    assertThat(ItsmJson.defaults().readEvent(ItsmJson.defaults().writeEvent(e))).isEqualTo(e);
    assertThat(desk.tick(clock.instant().plus(Duration.ofDays(30)))).isEmpty();
  }

  @Test
  void closeWithoutResolution_fromEveryOpenState_clearsTheHold() {
    ServiceDesk desk = builder().build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    desk.assign(ADMIN, id, NET);
    desk.putOnHold(NET_AGENT, id, OnHoldReason.AWAITING_USER, "which client?");
    Incident closed = desk.closeWithoutResolution(LEAD, id, "NO_RESPONSE", "no answer in 10 days");
    assertThat(closed.status()).isEqualTo(Status.CLOSED);
    assertThat(closed.onHoldReason()).isEmpty();
  }

  @Test
  void closeWithoutResolution_isForLeads_agentsAreDenied() {
    ServiceDesk desk = builder().build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    assertThatThrownBy(() -> desk.closeWithoutResolution(NET_AGENT, id, "DUPLICATE", "dup"))
        .isInstanceOfSatisfying(AccessDeniedException.class,
            e -> assertThat(e.getPermission()).isEqualTo(Permission.CLOSE));
    assertThat(desk.get(ADMIN, id).status()).isEqualTo(Status.NEW);
  }

  @Test
  void closeWithoutResolution_checksTheCodeAndTheNote_beforeAnythingChanges() {
    ServiceDesk desk = builder().build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    Incident before = desk.get(ADMIN, id);

    assertThatThrownBy(() -> desk.closeWithoutResolution(LEAD, id, "DUPLCATE", "dup"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("close code 'DUPLCATE' for incident " + id + " is not in the desk's catalogue;"
            + " allowed: DUPLICATE, RAISED_IN_ERROR, NO_RESPONSE, OUT_OF_SCOPE; did you mean 'DUPLICATE'?");
    assertThatThrownBy(() -> desk.closeWithoutResolution(LEAD, id, "SOLVED_FIXED", "dup"))
        .hasMessageContaining("SOLVED_FIXED is a resolution code: use proposeResolution");
    assertThatThrownBy(() -> desk.closeWithoutResolution(LEAD, id, "DUPLICATE", " "))
        .hasMessage("note must not be blank");
    assertThat(desk.get(ADMIN, id)).isEqualTo(before);
    assertThat(desk.history(ADMIN, id)).hasSize((int) before.version());
  }

  @Test
  void closeWithoutResolution_ofAResolvedIncident_isRefused_withTheHint() {
    ServiceDesk desk = builder().build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    desk.proposeResolution(DESK_AGENT, id, "SOLVED_FIXED", "fixed");
    assertThatThrownBy(() -> desk.closeWithoutResolution(LEAD, id, "DUPLICATE", "dup"))
        .isInstanceOfSatisfying(IllegalTransitionException.class,
            e -> assertThat(e.getCommand()).isEqualTo(Command.CLOSE_WITHOUT_RESOLUTION))
        .hasMessageEndingWith("it has a resolution: CLOSE it");
  }

  // ------------------------------------------------------------------ reopen

  @Test
  void reopen_aClosedIncident_withinTheWindow_byItsCaller() {
    ServiceDesk desk = builder().reopenClosedWithin(Duration.ofDays(14)).build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    desk.proposeResolution(DESK_AGENT, id, "SOLVED_FIXED", "new client");
    desk.confirmResolution(CALLER, id);
    clock.advance(Duration.ofDays(14));

    Incident reopened = desk.reopen(CALLER, id, "drops again since the update");

    assertThat(reopened.status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(reopened.reopenCount()).isEqualTo(1);
    assertThat(reopened.resolution()).isEmpty();
    Reopened e = last(desk.history(ADMIN, id), Reopened.class);
    assertThat(e.fromClosed()).isTrue();
    assertThat(e.onBehalfOfCaller()).isFalse();
    assertThat(ItsmJson.defaults().writeEvent(e)).contains("\"fromClosed\":true");
    assertThat(ItsmJson.defaults().readEvent(ItsmJson.defaults().writeEvent(e))).isEqualTo(e);
    assertThat(IncidentHistory.replay(desk.history(ADMIN, id))).isEqualTo(reopened);
    // and back to work as usual
    desk.assign(ADMIN, id, NET);
    assertThat(desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "router replaced").status())
        .isEqualTo(Status.RESOLVED);
  }

  @Test
  void reopen_afterTheWindow_isRefused_sayingWhenItEnded() {
    ServiceDesk desk = builder().reopenClosedWithin(Duration.ofDays(14)).build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    desk.proposeResolution(DESK_AGENT, id, "SOLVED_FIXED", "new client");
    Incident closed = desk.confirmResolution(CALLER, id);
    clock.advance(Duration.ofDays(14).plusSeconds(1));

    assertThatThrownBy(() -> desk.reopen(CALLER, id, "drops again"))
        .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
          assertThat(e.getCommand()).isEqualTo(Command.REOPEN);
          assertThat(e.getAllowed()).isEmpty();
        })
        .hasMessageContaining("it was closed at 2026-11-23T09:00:00Z and this desk reopens closed"
            + " incidents within PT336H, which ended at 2026-12-07T09:00:00Z");
    assertThat(desk.get(ADMIN, id)).isEqualTo(closed);
  }

  @Test
  void reopen_byAnotherEndUser_isDenied_anAgentMayForTheCaller() {
    ServiceDesk desk = builder().reopenClosedWithin(Duration.ofDays(14)).build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    desk.closeWithoutResolution(ADMIN, id, "RAISED_IN_ERROR", "looked like a test");
    assertThatThrownBy(() -> desk.reopen(OTHER_USER, id, "mine too"))
        .isInstanceOf(AccessDeniedException.class);
    Incident reopened = desk.reopen(DESK_AGENT, id, "caller phoned: it was real");
    assertThat(reopened.status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(last(desk.history(ADMIN, id), Reopened.class).onBehalfOfCaller()).isTrue();
  }

  @Test
  void reopen_ofAnIncidentClosedWithoutResolution_runsItsSlaClockOn() {
    ServiceDesk desk = builder().slaPolicy(SlaPolicy.defaults()).reopenClosedWithin(Duration.ofDays(3)).build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    clock.advance(Duration.ofHours(1));
    desk.closeWithoutResolution(LEAD, id, "RAISED_IN_ERROR", "a test ticket?");
    clock.advance(Duration.ofHours(1));
    desk.reopen(CALLER, id, "not a test");
    assertThat(desk.sla(ADMIN, id).orElseThrow().resolution().state()).isEqualTo(SlaState.RUNNING);
  }

  @Test
  void reopen_ofAResolvedIncident_pointsToRejectResolution() {
    ServiceDesk desk = builder().reopenClosedWithin(Duration.ofDays(3)).build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    desk.proposeResolution(DESK_AGENT, id, "SOLVED_FIXED", "new client");
    assertThatThrownBy(() -> desk.reopen(CALLER, id, "still broken"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageEndingWith("REJECT_RESOLUTION reopens a resolved incident");
  }

  // ------------------------------------------------------------------ codes and teams

  @Test
  void resolutionCode_unknown_isRefusedWithTheAllowedCodesAndASuggestion() {
    ServiceDesk desk = builder().build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    assertThatThrownBy(() -> desk.proposeResolution(DESK_AGENT, id, "SOLVED_FIXD", "new client"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("resolution code 'SOLVED_FIXD' for incident " + id + " is not in the desk's"
            + " catalogue; allowed: SOLVED_FIXED, SOLVED_WORKAROUND, SOLVED_BY_CHANGE, SOLVED_BY_VENDOR,"
            + " SOLVED_BY_CALLER, SOLVED_ADVICE, REQUEST_FULFILLED, NOT_REPRODUCIBLE,"
            + " NOT_SOLVED_TOO_COSTLY; did you mean 'SOLVED_FIXED'?");
    assertThatThrownBy(() -> desk.proposeResolution(DESK_AGENT, id, "DUPLICATE", "dup"))
        .hasMessageContaining("DUPLICATE is a close code: use closeWithoutResolution");
    assertThat(desk.get(ADMIN, id).status()).isEqualTo(Status.NEW);
  }

  @Test
  void resolutionCodes_areConfigurable() {
    ResolutionCodes codes = ResolutionCodes.defaults().withResolutionCode("SOLVED_BY_REBOOT", "a restart cured it")
        .withCloseCode("MERGED", "merged into a major incident");
    ServiceDesk desk = builder().resolutionCodes(codes).build();
    String a = desk.log(CALLER, ticket("Laptop frozen")).id();
    assertThat(desk.proposeResolution(DESK_AGENT, a, "SOLVED_BY_REBOOT", "restarted").status())
        .isEqualTo(Status.RESOLVED);
    String b = desk.log(CALLER, ticket("Laptop frozen too")).id();
    assertThat(desk.closeWithoutResolution(ADMIN, b, "MERGED", "see INC-000001").status())
        .isEqualTo(Status.CLOSED);
    assertThat(desk.config().resolutionCodes()).isEqualTo(codes);

    assertThatThrownBy(() -> ResolutionCodes.of(java.util.Map.of("fixed", "x"), java.util.Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("resolution code 'fixed' must be upper-case letters");
  }

  @Test
  void teams_anyNameIsAcceptedByDefault_knownTeamsRefuseOthersWithASuggestion() {
    ServiceDesk open = builder().build();
    String id = open.log(CALLER, ticket("VPN drops")).id();
    assertThat(open.assign(ADMIN, id, Assignment.toTeam("nosuchteam", SupportLevel.L2)).team())
        .contains("nosuchteam");
    assertThat(open.config().knownTeams()).isEmpty();

    ServiceDesk checked = builder().knownTeams(Set.of("network-ops", "service-desk", "network-eng")).build();
    String id2 = checked.log(CALLER, ticket("VPN drops")).id();
    Incident before = checked.get(ADMIN, id2);
    assertThatThrownBy(() -> checked.assign(ADMIN, id2, Assignment.toTeam("network-osp", SupportLevel.L2)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("team 'network-osp' for incident " + id2 + " (set by actor root) is not a team of"
            + " this desk; known teams: [network-eng, network-ops, service-desk]; did you mean"
            + " 'network-ops'?; add it to ServiceDesk.builder().knownTeams(...)");
    assertThatThrownBy(() -> checked.escalateFunctionally(ADMIN, id2, SupportLevel.L3, "nosuchteam", "why"))
        .hasMessageContaining("team 'nosuchteam' for incident " + id2)
        .hasMessageNotContaining("did you mean");
    assertThat(checked.get(ADMIN, id2)).isEqualTo(before);
    assertThat(checked.assign(ADMIN, id2, NET).team()).contains("network-ops");
  }

  @Test
  void teams_aTriageDecisionForAnUnknownTeam_logsNothing_andNamesTheRule() {
    ServiceDesk desk = builder().triagePolicy(SIMPLE_POLICY).knownTeams(Set.of("service-desk")).build();
    assertThatThrownBy(() -> desk.log(CALLER, ticket("VPN drops")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("team 'network-ops' (set by rule 'Network goes to network-ops') is not a"
            + " team of this desk; known teams: [service-desk]");
    assertThat(desk.find(ADMIN, io.itsm.core.repository.IncidentQuery.all())).isEmpty();
  }

  @Test
  void comment_onAClosedIncident_staysRefusedEvenWithAReopenWindow() {
    ServiceDesk desk = builder().reopenClosedWithin(Duration.ofDays(3)).build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    desk.closeWithoutResolution(ADMIN, id, "DUPLICATE", "dup");
    assertThatThrownBy(() -> desk.comment(ADMIN, id, "hello", Visibility.PUBLIC))
        .isInstanceOfSatisfying(IllegalTransitionException.class,
            e -> assertThat(e.getAllowed()).containsExactly(Command.REOPEN));
  }
}
