package io.itsm.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.escalation.EscalationAction;
import io.itsm.core.event.EscalationKind;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default ladder {@code escalation.drl}, rule by rule: each fires where it should and not
 * where it should not. The SLA reports come from real histories on a real {@link
 * io.itsm.core.ServiceDesk} with {@code SlaPolicy.defaults()} (P1 4 h and P2 8 h resolution on
 * 24×7, P3 24 h on office hours Mon–Fri 08–17 UTC), starting Monday 09:00.
 */
class EscalationRulesTest {

  static final String SECOND_LINE =
      "P1 and P2 without progress at half their resolution time go to second line";
  static final String TEAM_LEAD = "At three quarters of the resolution time the team lead is told";
  static final String MANAGER = "A breached resolution target is reported to the manager";
  static final String THIRD_LINE =
      "Half again past the resolution target, senior management is told and third line takes over";
  static final String P1_RESPONSE = "A P1 without a response at its target tells the team lead";

  private static final EscalationEngine ENGINE = EscalationEngine.withDefaults();

  private final SlaDesk d = new SlaDesk();

  /** What the ladder decides for an incident now, one line per action. */
  private List<String> decide(String id) {
    return ENGINE.decide(d.get(id), d.sla(id)).stream().map(EscalationRulesTest::show).toList();
  }

  static String show(EscalationAction a) {
    String what = a.kind() == EscalationKind.FUNCTIONAL
        ? "hand over to " + a.level().orElseThrow() + " " + a.team().orElse("(same team)")
        : "notify " + a.notified().orElseThrow();
    return a.rule() + ": " + what + a.slaKind().map(k -> " [" + k + "]").orElse("");
  }

  private List<EscalationAction> actions(String id) {
    return ENGINE.decide(d.get(id), d.sla(id));
  }

  @Test
  void ruleNames_areTheFiveSentences() {
    assertThat(ENGINE.ruleNames())
        .containsExactlyInAnyOrder(SECOND_LINE, TEAM_LEAD, MANAGER, THIRD_LINE, P1_RESPONSE);
  }

  @Test
  void nothing_atTheStart() {
    String id = d.open(Priority.P1, "network", "service-desk", SupportLevel.L1);
    assertThat(decide(id)).isEmpty();
  }

  // ------------------------------------------------------------ second line

  @Test
  void secondLine_p2WithoutProgressAtL1_atHalfItsResolutionTime_goesToTheCategorysTeamAtL2() {
    String id = d.open(Priority.P2, "network", "service-desk", SupportLevel.L1);
    d.advance(Duration.ofHours(4));

    List<EscalationAction> actions = actions(id);

    assertThat(actions).extracting(EscalationRulesTest::show)
        .containsExactly(SECOND_LINE + ": hand over to L2 network-ops [RESOLUTION]");
    assertThat(actions.get(0).reason())
        .startsWith("no progress on a P2 (ASSIGNED) at half its resolution time; ")
        .endsWith(d.sla(id).resolution().explain())
        .contains("50 % used");
  }

  @Test
  void secondLine_notBeforeHalfTheResolutionTime() {
    String id = d.open(Priority.P1, "network", "service-desk", SupportLevel.L1);
    d.advance(Duration.ofMinutes(119)); // P1: 4 h, half is 2 h
    assertThat(decide(id)).noneMatch(s -> s.startsWith(SECOND_LINE));
    d.advance(Duration.ofMinutes(1));
    assertThat(decide(id)).anyMatch(s -> s.startsWith(SECOND_LINE + ": hand over to L2 network-ops"));
  }

  @Test
  void secondLine_notOnceWorkHasStarted_evenAfterAReassignment() {
    String id = d.open(Priority.P2, "network", "service-desk", SupportLevel.L1);
    d.startWork(id);
    // reassigning an incident in progress keeps it in progress: the work goes on
    d.desk.assign(SlaDesk.ADMIN, id,
        io.itsm.core.incident.Assignment.toPerson("service-desk", "a-sara", SupportLevel.L1));
    d.advance(Duration.ofHours(5));
    assertThat(decide(id)).noneMatch(s -> s.startsWith(SECOND_LINE));
  }

  @Test
  void secondLine_notForP3() {
    String id = d.open(Priority.P3, "network", "service-desk", SupportLevel.L1);
    d.advance(Duration.ofDays(1).plusHours(4)); // Tue 13:00: 13 of 24 business hours
    assertThat(d.sla(id).resolution().percentUsed()).isGreaterThan(50);
    assertThat(decide(id)).noneMatch(s -> s.startsWith(SECOND_LINE));
  }

  @Test
  void secondLine_notWhenAlreadyAtSecondLine() {
    String id = d.open(Priority.P2, "network", "network-ops", SupportLevel.L2);
    d.advance(Duration.ofHours(5));
    assertThat(decide(id)).noneMatch(s -> s.startsWith(SECOND_LINE));
  }

  // ------------------------------------------------------------ team lead at 75 %

  @Test
  void teamLead_p1AtThreeQuarters_isTold_notBefore() {
    String id = d.open(Priority.P1, "network", "network-ops", SupportLevel.L2);
    d.startWork(id);
    d.advance(Duration.ofMinutes(179));
    assertThat(decide(id)).isEmpty();

    d.advance(Duration.ofMinutes(1));

    List<EscalationAction> actions = actions(id);
    assertThat(actions).extracting(EscalationRulesTest::show)
        .containsExactly(TEAM_LEAD + ": notify TEAM_LEAD [RESOLUTION]");
    assertThat(actions.get(0).reason())
        .isEqualTo("a P1 at three quarters of its resolution time; " + d.sla(id).resolution().explain());
  }

  @Test
  void teamLead_notForP3() {
    String id = d.open(Priority.P3, "network", "network-ops", SupportLevel.L2);
    d.startWork(id);
    d.advance(Duration.ofDays(2).plusHours(3)); // Wed 12:00: 21 of 24 business hours
    assertThat(d.sla(id).resolution().percentUsed()).isGreaterThan(75).isLessThan(100);
    assertThat(decide(id)).isEmpty();
  }

  // ------------------------------------------------------------ manager at the breach

  @Test
  void manager_p3PastItsResolutionTarget_isTold_notAtExactlyTheTarget() {
    String id = d.open(Priority.P3, "software", "apps-support", SupportLevel.L2);
    d.startWork(id);
    d.advance(Duration.ofDays(2).plusHours(6)); // Wed 15:00: exactly 24 business hours
    assertThat(d.sla(id).resolution().percentUsed()).isEqualTo(100.0);
    assertThat(decide(id)).isEmpty();

    d.advance(Duration.ofMinutes(1));

    List<EscalationAction> actions = actions(id);
    assertThat(actions).extracting(EscalationRulesTest::show)
        .containsExactly(MANAGER + ": notify MANAGER [RESOLUTION]");
    assertThat(actions.get(0).reason())
        .startsWith("the resolution target of a P3 is breached; resolution overdue since Wed 25 Nov 15:00 UTC");
  }

  @Test
  void manager_notForP4() {
    String id = d.open(Priority.P4, "software", "apps-support", SupportLevel.L2);
    d.startWork(id);
    d.advance(Duration.ofDays(14)); // 72 business hours are 8 business days
    assertThat(d.sla(id).resolution().breached()).isTrue();
    assertThat(decide(id)).isEmpty();
  }

  @Test
  void manager_p2Breached_alsoHasTheTeamLeadRule_inRuleOrder() {
    String id = d.open(Priority.P2, "network", "network-ops", SupportLevel.L2);
    d.startWork(id);
    d.advance(Duration.ofHours(9));
    assertThat(decide(id)).containsExactly(
        TEAM_LEAD + ": notify TEAM_LEAD [RESOLUTION]",
        MANAGER + ": notify MANAGER [RESOLUTION]");
  }

  // ------------------------------------------------------------ senior management and third line at 150 %

  @Test
  void thirdLine_p2At150Percent_tellsSeniorManagement_andHandsOverToL3OfTheSameTeam() {
    String id = d.open(Priority.P2, "network", "network-ops", SupportLevel.L2);
    d.startWork(id);
    d.advance(Duration.ofMinutes(719));
    assertThat(decide(id)).noneMatch(s -> s.startsWith(THIRD_LINE));

    d.advance(Duration.ofMinutes(1));

    assertThat(decide(id)).containsExactly(
        TEAM_LEAD + ": notify TEAM_LEAD [RESOLUTION]",
        MANAGER + ": notify MANAGER [RESOLUTION]",
        THIRD_LINE + ": notify SENIOR_MANAGER [RESOLUTION]",
        THIRD_LINE + ": hand over to L3 (same team) [RESOLUTION]");
  }

  @Test
  void thirdLine_alreadyAtL3_onlyTellsSeniorManagement() {
    String id = d.open(Priority.P1, "network", "network-ops", SupportLevel.L3);
    d.startWork(id);
    d.advance(Duration.ofHours(6));
    assertThat(decide(id)).filteredOn(s -> s.startsWith(THIRD_LINE))
        .containsExactly(THIRD_LINE + ": notify SENIOR_MANAGER [RESOLUTION]");
  }

  @Test
  void thirdLine_notForP3() {
    String id = d.open(Priority.P3, "network", "network-ops", SupportLevel.L2);
    d.startWork(id);
    d.advance(Duration.ofDays(7)); // far past 150 % of 24 business hours
    assertThat(d.sla(id).resolution().percentUsed()).isGreaterThan(150);
    assertThat(decide(id)).containsExactly(MANAGER + ": notify MANAGER [RESOLUTION]");
  }

  // ------------------------------------------------------------ P1 response

  @Test
  void p1Response_breached_tellsTheTeamLead_notAtExactlyTheTarget() {
    String id = d.open(Priority.P1, "network", "network-ops", SupportLevel.L2);
    d.advance(Duration.ofMinutes(15));
    assertThat(decide(id)).isEmpty();

    d.advance(Duration.ofMinutes(1));

    List<EscalationAction> actions = actions(id);
    assertThat(actions).extracting(EscalationRulesTest::show)
        .containsExactly(P1_RESPONSE + ": notify TEAM_LEAD [RESPONSE]");
    assertThat(actions.get(0).reason())
        .isEqualTo("no response to a P1 within its target; " + d.sla(id).response().explain());
  }

  @Test
  void p1Response_answeredInTime_tellsNobody() {
    String id = d.open(Priority.P1, "network", "network-ops", SupportLevel.L2);
    d.advance(Duration.ofMinutes(10));
    d.startWork(id);
    d.advance(Duration.ofMinutes(20));
    assertThat(decide(id)).isEmpty();
  }

  @Test
  void p1Response_notForP2() {
    String id = d.open(Priority.P2, "network", "network-ops", SupportLevel.L2);
    d.advance(Duration.ofMinutes(45));
    assertThat(d.sla(id).response().breached()).isTrue();
    assertThat(decide(id)).isEmpty();
  }
}
