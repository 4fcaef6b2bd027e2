package io.itsm.core;

import static io.itsm.core.Fixtures.ADMIN;
import static io.itsm.core.Fixtures.CALLER;
import static io.itsm.core.Fixtures.NET_AGENT;
import static io.itsm.core.Fixtures.SIMPLE_POLICY;
import static io.itsm.core.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.access.Role;
import io.itsm.core.escalation.EscalationAction;
import io.itsm.core.escalation.EscalationPolicy;
import io.itsm.core.event.Escalated;
import io.itsm.core.event.EscalationKind;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.event.Provenance;
import io.itsm.core.event.SlaBreached;
import io.itsm.core.event.SlaKind;
import io.itsm.core.event.SlaThresholdReached;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Urgency;
import io.itsm.core.sla.SlaClock;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.sla.SlaReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SLA records and escalations applied by {@link ServiceDesk#tick}. 2026-11-23 is a Monday. */
class SlaDeskTest {

  private final MutableClock clock = MutableClock.at(java.time.Instant.parse("2026-11-23T09:00:00Z"));

  private ServiceDesk.Builder builder() {
    return ServiceDesk.builder().clock(clock).triagePolicy(SIMPLE_POLICY).slaPolicy(SlaPolicy.defaults());
  }

  private static Instant t(String utc) {
    return Instant.parse(utc + ":00Z");
  }

  /** "kind/percent@instant" of every SLA event, in history order; 100 is the breach. */
  private static List<String> slaRecords(List<IncidentEvent> history) {
    List<String> out = new ArrayList<>();
    for (IncidentEvent e : history) {
      if (e instanceof SlaThresholdReached x) {
        out.add(x.kind() + "/" + x.percent() + "@" + x.at());
      } else if (e instanceof SlaBreached b) {
        out.add(b.kind() + "/100@" + b.at());
      }
    }
    return out;
  }

  private static final List<String> P2_ALL = List.of(
      "RESPONSE/50@2026-11-23T09:15:00Z", "RESPONSE/75@2026-11-23T09:22:30Z",
      "RESPONSE/90@2026-11-23T09:27:00Z", "RESPONSE/100@2026-11-23T09:30:00Z",
      "RESOLUTION/50@2026-11-23T13:00:00Z", "RESOLUTION/75@2026-11-23T15:00:00Z",
      "RESOLUTION/90@2026-11-23T16:12:00Z", "RESOLUTION/100@2026-11-23T17:00:00Z");

  @Test
  void tickEvery10MinutesFor3Days_recordsEachThresholdAndBreachExactlyOnce_atTheCrossingInstant() {
    ServiceDesk desk = builder().build();
    String id = desk.log(CALLER, ticket("VPN down")).id(); // P2, auto-assigned to network-ops: no response
    for (int i = 1; i <= 6 * 24 * 3; i++) {
      clock.advance(Duration.ofMinutes(10));
      desk.tick();
    }
    List<IncidentEvent> history = desk.history(ADMIN, id);
    assertThat(slaRecords(history)).containsExactlyElementsOf(P2_ALL);
    assertThat(history).filteredOn(e -> e instanceof SlaThresholdReached || e instanceof SlaBreached)
        .allSatisfy(e -> assertThat(e.actor()).isEqualTo("system"));
    SlaBreached breach = history.stream().filter(SlaBreached.class::isInstance).map(SlaBreached.class::cast)
        .filter(b -> b.kind() == SlaKind.RESOLUTION).findFirst().orElseThrow();
    assertThat(breach.dueAt()).isEqualTo(t("2026-11-23T17:00"));
    assertThat(desk.get(ADMIN, id).status()).as("state unchanged").isEqualTo(Status.ASSIGNED);
    assertThat(IncidentHistory.replay(history)).isEqualTo(desk.get(ADMIN, id));
  }

  @Test
  void oneLateTick_recordsEverythingInOrder_andAgainChangesNothing() {
    ServiceDesk desk = builder().build();
    String id = desk.log(CALLER, ticket("VPN down")).id();
    assertThat(desk.tick(t("2026-11-25T00:00"))).extracting(Incident::id).containsExactly(id);
    assertThat(slaRecords(desk.history(ADMIN, id))).containsExactlyElementsOf(P2_ALL);
    long version = desk.get(ADMIN, id).version();
    assertThat(desk.tick(t("2026-11-26T00:00"))).isEmpty();
    assertThat(desk.get(ADMIN, id).version()).isEqualTo(version);
  }

  @Test
  void thresholdsCrossedBeforeTheLastEvent_areRecordedAtTheLastEvent() {
    ServiceDesk desk = builder().build();
    String id = desk.log(CALLER, ticket("printer jam")).id(); // no triage: P3 assumed
    clock.advance(Duration.ofHours(3));
    desk.prioritize(ADMIN, id, Impact.HIGH, Urgency.HIGH, Priority.P1); // 12:00; P1 response target long gone
    desk.tick();
    assertThat(slaRecords(desk.history(ADMIN, id))).containsExactly(
        "RESPONSE/50@2026-11-23T12:00:00Z", "RESPONSE/75@2026-11-23T12:00:00Z",
        "RESPONSE/90@2026-11-23T12:00:00Z", "RESPONSE/100@2026-11-23T12:00:00Z",
        "RESOLUTION/50@2026-11-23T12:00:00Z", "RESOLUTION/75@2026-11-23T12:00:00Z");
    SlaBreached b = (SlaBreached) desk.history(ADMIN, id).stream().filter(SlaBreached.class::isInstance)
        .findFirst().orElseThrow();
    assertThat(b.dueAt()).as("the real due instant is kept").isEqualTo(t("2026-11-23T09:15"));
  }

  @Test
  void afterReopen_thresholdsAlreadyRecordedAreNotRepeated() {
    ServiceDesk desk = builder().slaThresholds(50).build();
    String id = desk.log(CALLER, ticket("VPN down")).id();
    desk.startWork(NET_AGENT, id);
    clock.advance(Duration.ofHours(5));
    desk.tick(); // resolution 50 % at 13:00
    desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "restarted the gateway");
    desk.rejectResolution(CALLER, id, "still down");
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofHours(1));
      desk.tick();
    }
    assertThat(slaRecords(desk.history(ADMIN, id))).containsExactly(
        "RESOLUTION/50@2026-11-23T13:00:00Z", "RESOLUTION/100@2026-11-23T17:00:00Z");
  }

  @Test
  void resolvedIncidents_getTheirMissedRecordsLate_finalOnesNone() {
    ServiceDesk desk = builder().build();
    String id = desk.log(CALLER, ticket("VPN down")).id();
    clock.advance(Duration.ofMinutes(20));
    desk.comment(NET_AGENT, id, "looking", Visibility.PUBLIC); // response at 66 %
    desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "fixed");
    desk.tick(t("2026-11-24T00:00"));
    assertThat(slaRecords(desk.history(ADMIN, id))).as("crossed at 09:15, before the comment")
        .containsExactly("RESPONSE/50@2026-11-23T09:20:00Z");
    assertThat(desk.sla(ADMIN, id).orElseThrow().response().explain())
        .isEqualTo("response met Mon 23 Nov 09:20 UTC, due Mon 23 Nov 09:30 UTC; 66 % used");
  }

  @Test
  void closingBeforeAnyTickSawTheBreach_recordsTheMissedEventsBeforeTheClose_once() {
    ServiceDesk desk = builder().slaThresholds(50).build();
    String id = desk.log(CALLER, ticket("VPN down")).id(); // P2: response due 09:30, resolution 17:00
    desk.startWork(NET_AGENT, id);
    clock.advance(Duration.ofHours(9)); // 18:00, no tick ran
    desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "restarted the gateway");
    clock.advance(Duration.ofMinutes(5));
    Incident closed = desk.confirmResolution(CALLER, id);

    List<IncidentEvent> history = desk.history(ADMIN, id);
    assertThat(slaRecords(history)).as("recorded at the resolution, the incident's last change")
        .containsExactly("RESOLUTION/50@2026-11-23T18:00:00Z", "RESOLUTION/100@2026-11-23T18:00:00Z");
    assertThat(history.get(history.size() - 1)).as("the close comes last")
        .isInstanceOf(io.itsm.core.event.Closed.class);
    assertThat(history).filteredOn(e -> e instanceof SlaThresholdReached || e instanceof SlaBreached)
        .allSatisfy(e -> assertThat(e.actor()).isEqualTo("system"));
    assertThat(closed.status()).isEqualTo(Status.CLOSED);
    assertThat(IncidentHistory.replay(history)).isEqualTo(closed);
    assertThat(desk.tick(t("2026-11-30T00:00"))).isEmpty();
    assertThat(desk.history(ADMIN, id)).hasSameSizeAs(history);
  }

  @Test
  void cancellingAnIncidentPastItsResponseTarget_recordsTheBreachFirst() {
    ServiceDesk desk = builder().build();
    String id = desk.log(CALLER, ticket("VPN down")).id();
    clock.advance(Duration.ofMinutes(40)); // response due 09:30, nobody answered
    desk.cancel(CALLER, id, "works again");
    assertThat(slaRecords(desk.history(ADMIN, id))).containsExactly(
        "RESPONSE/50@2026-11-23T09:15:00Z", "RESPONSE/75@2026-11-23T09:22:30Z",
        "RESPONSE/90@2026-11-23T09:27:00Z", "RESPONSE/100@2026-11-23T09:30:00Z");
    assertThat(desk.get(ADMIN, id).status()).isEqualTo(Status.CANCELLED);
  }

  @Test
  void closingWithNothingMissed_recordsNoSlaEvent() {
    ServiceDesk desk = builder().build();
    String id = desk.log(CALLER, ticket("VPN down")).id();
    desk.startWork(NET_AGENT, id);
    clock.advance(Duration.ofMinutes(30));
    desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "fixed");
    desk.confirmResolution(CALLER, id);
    assertThat(slaRecords(desk.history(ADMIN, id))).isEmpty();
  }

  @Test
  void slaReport_fromTheStoredHistory_equalsTheLiveOne() {
    ServiceDesk desk = builder().build();
    String id = desk.log(CALLER, ticket("VPN down")).id();
    clock.advance(Duration.ofMinutes(40));
    desk.startWork(NET_AGENT, id);
    desk.putOnHold(NET_AGENT, id, io.itsm.core.incident.OnHoldReason.AWAITING_USER, "which site?");
    clock.advance(Duration.ofHours(2));
    desk.resume(NET_AGENT, id, "answered");
    clock.advance(Duration.ofHours(7));
    desk.tick();

    SlaReport live = desk.sla(ADMIN, id).orElseThrow();
    List<IncidentEvent> stored = List.copyOf(desk.history(ADMIN, id));
    assertThat(IncidentHistory.replay(stored)).isEqualTo(desk.get(ADMIN, id));
    assertThat(SlaClock.evaluate(stored, SlaPolicy.defaults(), clock.instant())).isEqualTo(live);
    assertThat(live.resolution().explain())
        .isEqualTo("resolution due Mon 23 Nov 19:00 UTC; paused 2 h awaiting user; 95 % used");
    assertThat(live.response().state()).isEqualTo(io.itsm.core.sla.SlaState.MISSED);
  }

  @Test
  void withoutSlaPolicy_noSlaEvents_andNoReport() {
    ServiceDesk desk = ServiceDesk.builder().clock(clock).triagePolicy(SIMPLE_POLICY).build();
    String id = desk.log(CALLER, ticket("VPN down")).id();
    assertThat(desk.tick(t("2026-11-30T00:00"))).isEmpty();
    assertThat(slaRecords(desk.history(ADMIN, id))).isEmpty();
    assertThat(desk.sla(ADMIN, id)).isEmpty();
  }

  @Test
  void builder_rejectsBadThresholds_andEscalationWithoutSla() {
    assertThatThrownBy(() -> ServiceDesk.builder().slaThresholds(50, 100)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("1 to 99");
    assertThatThrownBy(() -> ServiceDesk.builder().slaThresholds(50, 50)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("distinct");
    assertThatThrownBy(() -> ServiceDesk.builder().escalationPolicy(EscalationPolicy.none()).build())
        .isInstanceOf(ValidationException.class).hasMessageContaining("needs an slaPolicy");
    assertThatThrownBy(() -> new EscalationAction(EscalationKind.FUNCTIONAL, java.util.Optional.empty(),
        java.util.Optional.empty(), java.util.Optional.empty(), "r", "why", java.util.Optional.empty()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("support level");
  }

  // ---------------------------------------------------------------- escalation

  private static final EscalationPolicy LADDER = (inc, sla) -> {
    List<EscalationAction> actions = new ArrayList<>();
    for (SlaKind kind : SlaKind.values()) {
      if (sla.status(kind).percentUsed() >= 75) {
        actions.add(EscalationAction.notifyRole(Role.TEAM_LEAD, "75 % notifies the team lead",
            sla.status(kind).explain()).forSla(kind));
      }
    }
    if (sla.resolution().breached()) {
      actions.add(EscalationAction.handOver(SupportLevel.L3, null, "Breached resolution goes to third line",
          sla.resolution().explain()));
    }
    return actions;
  };

  private static List<Escalated> escalations(List<IncidentEvent> history) {
    return history.stream().filter(Escalated.class::isInstance).map(Escalated.class::cast).toList();
  }

  @Test
  void escalationActions_areAppliedOnce_evenWhenTwoClocksAskForTheSame() {
    ServiceDesk desk = builder().escalationPolicy(LADDER).build();
    String id = desk.log(CALLER, ticket("VPN down")).id();
    for (int i = 0; i < 6 * 24; i++) {
      clock.advance(Duration.ofMinutes(10));
      desk.tick();
    }
    List<Escalated> e = escalations(desk.history(ADMIN, id));
    // the response clock reaches 75 % first; the resolution clock asking for the same later is a repeat
    assertThat(e).extracting(x -> x.decidedBy().name()).containsExactly(
        "75 % notifies the team lead", "Breached resolution goes to third line");
    assertThat(e).allSatisfy(x -> {
      assertThat(x.actor()).isEqualTo("system");
      assertThat(x.decidedBy().kind()).isEqualTo(Provenance.Kind.RULE);
    });
    assertThat(e.get(0).notified()).contains(Role.TEAM_LEAD);
    assertThat(e.get(0).decidedBy().reason()).startsWith("response ");
    assertThat(e.get(1).assignment().orElseThrow().team()).as("keeps the team").isEqualTo("network-ops");
    assertThat(e.get(1).assignment().orElseThrow().level()).isEqualTo(SupportLevel.L3);
    assertThat(desk.get(ADMIN, id).assignment().orElseThrow().level()).isEqualTo(SupportLevel.L3);
  }

  @Test
  void escalation_afterReopen_mayHappenAgain_butOnlyOnce() {
    ServiceDesk desk = builder().escalationPolicy(LADDER).build();
    String id = desk.log(CALLER, ticket("VPN down")).id();
    desk.startWork(NET_AGENT, id);
    clock.advance(Duration.ofHours(7));
    desk.tick(); // resolution at 87 %: team lead notified
    desk.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "fixed");
    desk.rejectResolution(CALLER, id, "still down");
    desk.tick();
    desk.tick();
    assertThat(escalations(desk.history(ADMIN, id))).extracting(x -> x.decidedBy().name())
        .containsExactly("75 % notifies the team lead", "75 % notifies the team lead");
  }

  @Test
  void failingEscalationPolicy_doesNotStopTheTick() {
    ServiceDesk desk = builder().escalationPolicy((inc, sla) -> {
      throw new IllegalStateException("boom");
    }).build();
    String id = desk.log(CALLER, ticket("VPN down")).id();
    desk.tick(t("2026-11-24T00:00"));
    assertThat(slaRecords(desk.history(ADMIN, id))).hasSize(8);
    assertThat(escalations(desk.history(ADMIN, id))).isEmpty();
  }
}
