package io.itsm.core;

import static io.itsm.core.Fixtures.ADMIN;
import static io.itsm.core.Fixtures.CALLER;
import static io.itsm.core.Fixtures.MANAGER;
import static io.itsm.core.Fixtures.NET_AGENT;
import static io.itsm.core.Fixtures.OTHER_USER;
import static io.itsm.core.Fixtures.SIMPLE_POLICY;
import static io.itsm.core.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.escalation.EscalationAction;
import io.itsm.core.event.Explanation;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.event.Provenance;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "Why does this incident have this priority/team/category?" answered from the history alone. */
class ExplainTest {

  private final MutableClock clock = MutableClock.at(java.time.Instant.parse("2026-11-23T09:00:00Z"));

  /** A policy whose priority decision overruled a lower candidate. */
  private static final io.itsm.core.triage.TriagePolicy WITH_CANDIDATES = t -> TriageResult.resolve(
      List.of(
          new TriageDecision(TriageAttribute.CATEGORY, "network", "VPN means Network", "title has 'vpn'", 0),
          new TriageDecision(TriageAttribute.IMPACT, Impact.MEDIUM, "Unknown impact is medium", "assumed", 0),
          new TriageDecision(TriageAttribute.URGENCY, Urgency.HIGH, "Outages are urgent", "down", 0),
          new TriageDecision(TriageAttribute.PRIORITY, Priority.P3, "The matrix", "MEDIUM x MEDIUM", 0),
          new TriageDecision(TriageAttribute.PRIORITY, Priority.P2, "VIPs go first", "raised from P3", 0),
          new TriageDecision(TriageAttribute.TEAM, "network-ops", "Network goes to network-ops", "category network", 0),
          new TriageDecision(TriageAttribute.SUPPORT_LEVEL, SupportLevel.L2, "Network goes to network-ops", "specialists", 0)),
      List.of("VPN means Network", "The matrix", "VIPs go first", "Network goes to network-ops"));

  @Test
  void explain_triageDecidedPriority_namesTheWinningRule_andWhatItOverruled() {
    ServiceDesk desk = ServiceDesk.builder().clock(clock).triagePolicy(WITH_CANDIDATES).build();
    String id = desk.log(CALLER, ticket("VPN down")).id();

    Explanation why = desk.explain(CALLER, id, TriageAttribute.PRIORITY);

    assertThat(why.value()).contains(Priority.P2);
    Explanation.Change last = why.lastChange().orElseThrow();
    assertThat(last.event()).isEqualTo("Prioritized");
    assertThat(last.decision().orElseThrow().rule()).isEqualTo("VIPs go first");
    assertThat(last.decision().orElseThrow().value()).isSameAs(Priority.P2); // typed, no parsing
    assertThat(last.overruled()).extracting(TriageDecision::rule).containsExactly("The matrix");
    assertThat(last.who()).isEqualTo("by rule 'VIPs go first': raised from P3");
    assertThat(why.toText()).isEqualTo("""
        INC-000001 PRIORITY: P2
          #3 2026-11-23T09:00:00Z Prioritized (u-anna): P2 by rule 'VIPs go first': raised from P3
              overruled: PRIORITY=P3 by 'The matrix': MEDIUM x MEDIUM""");

    // the impact of the same event has its own rule
    Explanation impact = desk.explain(CALLER, id, TriageAttribute.IMPACT);
    assertThat(impact.value()).contains(Impact.MEDIUM);
    assertThat(impact.lastChange().orElseThrow().who())
        .isEqualTo("by rule 'Unknown impact is medium': assumed");
  }

  @Test
  void explain_manualChange_isTheAnswer_andTheTriageDecisionIsEarlier() {
    ServiceDesk desk = ServiceDesk.builder().clock(clock).triagePolicy(WITH_CANDIDATES).build();
    String id = desk.log(CALLER, ticket("VPN down")).id();
    clock.advance(Duration.ofMinutes(5));
    desk.prioritize(MANAGER, id, Impact.HIGH, Urgency.HIGH, Priority.P1);
    desk.categorize(NET_AGENT, id, "hardware", null);

    Explanation priority = desk.explain(NET_AGENT, id, TriageAttribute.PRIORITY);
    assertThat(priority.value()).contains(Priority.P1);
    assertThat(priority.decidedBy()).contains(Provenance.manual(MANAGER.id()));
    assertThat(priority.changes()).extracting(c -> c.decision().map(TriageDecision::rule).orElse("by hand"))
        .containsExactly("VIPs go first", "by hand");
    assertThat(priority.toText()).isEqualTo("""
        INC-000001 PRIORITY: P1
          #5 2026-11-23T09:05:00Z Prioritized (m-maja): P1 by hand (m-maja)
          earlier:
          #3 2026-11-23T09:00:00Z Prioritized (u-anna): P2 by rule 'VIPs go first': raised from P3
              overruled: PRIORITY=P3 by 'The matrix': MEDIUM x MEDIUM""");

    Explanation category = desk.explain(NET_AGENT, id, TriageAttribute.CATEGORY);
    assertThat(category.value()).contains("hardware");
    assertThat(category.lastChange().orElseThrow().who()).isEqualTo("by hand (a-nils)");
    assertThat(category.changes()).hasSize(2);
  }

  @Test
  void explain_escalatedTeamAndLevel_nameTheEscalation() {
    EscalationAction toL3 = EscalationAction.handOver(SupportLevel.L3, "vpn-experts",
        "Half again past the target goes to third line", "resolution at 150 %");
    ServiceDesk desk = ServiceDesk.builder().clock(clock).triagePolicy(SIMPLE_POLICY)
        .slaPolicy(SlaPolicy.defaults())
        .escalationPolicy((inc, sla) -> sla.resolution().percentUsed() >= 150 ? List.of(toL3) : List.of())
        .build();
    String id = desk.log(CALLER, ticket("VPN down")).id();
    desk.escalateFunctionally(NET_AGENT, id, SupportLevel.L2, "network-lab", "needs the lab");
    for (int i = 0; i < 6 * 24 && desk.get(ADMIN, id).assignment().orElseThrow().level() != SupportLevel.L3; i++) {
      clock.advance(Duration.ofMinutes(10));
      desk.tick();
    }

    Explanation team = desk.explain(ADMIN, id, TriageAttribute.TEAM);
    assertThat(team.value()).contains("vpn-experts");
    assertThat(team.changes()).extracting(Explanation.Change::event)
        .containsExactly("Assigned", "Escalated", "Escalated");
    assertThat(team.changes()).extracting(Explanation.Change::who).containsExactly(
        "by rule 'Network goes to network-ops': category network",
        "by hand (a-nils)",
        "by rule 'Half again past the target goes to third line': resolution at 150 %");
    Explanation level = desk.explain(ADMIN, id, TriageAttribute.SUPPORT_LEVEL);
    assertThat(level.value()).contains(SupportLevel.L3);
    assertThat(level.changes().get(0).who()).isEqualTo("by rule 'Network goes to network-ops': specialists");
  }

  @Test
  void explain_valueAsReported_andValuesNoRuleDecided_sayWhere_theyCameFrom() {
    ServiceDesk desk = ServiceDesk.builder().clock(clock).triagePolicy(SIMPLE_POLICY).build();
    // logged by the service desk for the caller: its urgency is trusted as reported
    String id = desk.log(Fixtures.DESK_AGENT, Ticket.builder().title("VPN down").urgency(Urgency.LOW)
        .caller(io.itsm.core.incident.Caller.of(CALLER.id())).tags(Set.of("remote")).build()).id();

    Explanation urgency = desk.explain(CALLER, id, TriageAttribute.URGENCY);
    assertThat(urgency.value()).contains(Urgency.LOW);
    assertThat(urgency.changes()).extracting(Explanation.Change::who).containsExactly(
        "as reported in the ticket by a-sara",
        "not decided by a rule: as reported or the desk's default (the event's rule: 'VPN outages are P2')");
    // logged by the caller themselves (self-service): their urgency is a claim, not the value
    String own = desk.log(CALLER, Ticket.builder().title("VPN down").urgency(Urgency.LOW).build()).id();
    Explanation claimed = desk.explain(CALLER, own, TriageAttribute.URGENCY);
    assertThat(claimed.value()).contains(Urgency.MEDIUM);
    assertThat(claimed.changes()).extracting(Explanation.Change::who)
        .noneMatch(w -> w.startsWith("as reported"));
    Explanation tags = desk.explain(CALLER, id, TriageAttribute.TAG);
    assertThat(tags.value()).contains(Set.of("remote", "vpn"));
    assertThat(tags.toText()).startsWith("INC-000001 TAG: [remote, vpn]");
    Explanation approval = desk.explain(CALLER, id, TriageAttribute.APPROVAL_REQUIRED);
    assertThat(approval.changes()).isEmpty();
    assertThat(approval.value()).isEmpty();
    assertThat(approval.toText()).isEqualTo("INC-000001 APPROVAL_REQUIRED: (not set)");
  }

  @Test
  void explain_isAccessChecked_likeTheHistory() {
    ServiceDesk desk = ServiceDesk.builder().clock(clock).triagePolicy(SIMPLE_POLICY).build();
    String id = desk.log(CALLER, ticket("VPN down")).id();
    assertThatThrownBy(() -> desk.explain(OTHER_USER, id, TriageAttribute.PRIORITY))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> desk.explain(CALLER, id, null)).isInstanceOf(NullPointerException.class)
        .hasMessage("attribute");
  }

  @Test
  void explain_fromAStoredHistoryAlone_givesTheSameAnswer() {
    ServiceDesk desk = ServiceDesk.builder().clock(clock).triagePolicy(WITH_CANDIDATES).build();
    String id = desk.log(CALLER, ticket("VPN down")).id();
    assertThat(IncidentHistory.explain(desk.history(ADMIN, id), TriageAttribute.TEAM))
        .isEqualTo(desk.explain(CALLER, id, TriageAttribute.TEAM));
  }
}
