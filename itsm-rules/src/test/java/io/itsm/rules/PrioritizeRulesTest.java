package io.itsm.rules;

import static io.itsm.rules.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.IncidentType;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of {@code prioritize.drl}. */
class PrioritizeRulesTest {

  static final TriageEngine ENGINE =
      TriageEngine.builder()
          .criticalConfigurationItems(Set.of("db-erp-01"))
          .criticalServices(Set.of("erp"))
          .build();

  static final String VIP = "VIP callers raise the priority one level";
  static final String SECURITY = "Security incidents are never below P2";
  static final String MANY_USERS = "Many affected users mean high impact";
  static final String P5 = "Informational requests of low urgency are P5";

  private static TriageResult triage(String title, Impact i, Urgency u) {
    return ENGINE.triage(ticket(title).impact(i).urgency(u).build());
  }

  private static String rule(TriageResult r, TriageAttribute a) {
    return r.decision(a).orElseThrow().rule();
  }

  @Test
  void matrix_isServiceNowsDefault_andEachMatrixRuleFiresOnlyForItsCells() {
    Priority[][] expected = {
      {Priority.P1, Priority.P2, Priority.P3}, // impact HIGH x urgency H, M, L
      {Priority.P2, Priority.P3, Priority.P4}, // MEDIUM
      {Priority.P3, Priority.P4, Priority.P4}, // LOW
    };
    for (Impact i : Impact.values()) {
      for (Urgency u : Urgency.values()) {
        TriageResult r = triage("vpn down", i, u);
        Priority p = expected[i.ordinal()][u.ordinal()];
        assertThat(r.priority()).as(i + "x" + u).contains(p);
        assertThat(rule(r, TriageAttribute.PRIORITY)).as(i + "x" + u).endsWith("make " + p);
        assertThat(r.firedRules().stream().filter(n -> n.contains(" make P"))).hasSize(1);
      }
    }
  }

  @Test
  void reportedImpactAndUrgency_stand() {
    TriageResult r = triage("vpn down", Impact.LOW, Urgency.HIGH);
    assertThat(r.impact()).contains(Impact.LOW);
    assertThat(rule(r, TriageAttribute.IMPACT)).isEqualTo("Reported impact stands");
    assertThat(rule(r, TriageAttribute.URGENCY)).isEqualTo("Reported urgency stands");
    assertThat(r.firedRules()).doesNotContain("Unknown impact is medium", "Unknown urgency is medium");
  }

  @Test
  void missingImpactAndUrgency_areMedium() {
    TriageResult r = ENGINE.triage(ticket("vpn down").build());
    assertThat(r.impact()).contains(Impact.MEDIUM);
    assertThat(r.urgency()).contains(Urgency.MEDIUM);
    assertThat(r.priority()).contains(Priority.P3);
    assertThat(r.firedRules())
        .contains("Unknown impact is medium", "Unknown urgency is medium")
        .doesNotContain("Reported impact stands", "Reported urgency stands");
  }

  @Test
  void manyAffectedUsers_fromTheThresholdOn_meanHighImpact() {
    TriageResult at = ENGINE.triage(ticket("vpn down").affectedUsers(50).build());
    assertThat(at.impact()).contains(Impact.HIGH);
    assertThat(rule(at, TriageAttribute.IMPACT)).isEqualTo(MANY_USERS);
    // a bound: the set value it raised contributes, it is not overruled
    assertThat(at.contributing(TriageAttribute.IMPACT)).extracting(TriageDecision::rule)
        .containsExactly("Unknown impact is medium", MANY_USERS);
    assertThat(at.priority()).contains(Priority.P2);

    TriageResult below = ENGINE.triage(ticket("vpn down").affectedUsers(49).build());
    assertThat(below.firedRules()).doesNotContain(MANY_USERS);
    TriageResult alreadyHigh =
        ENGINE.triage(ticket("vpn down").affectedUsers(500).impact(Impact.HIGH).build());
    assertThat(alreadyHigh.firedRules()).doesNotContain(MANY_USERS);
  }

  @Test
  void criticalConfigurationItemsAndServices_meanHighImpact() {
    TriageResult ci = ENGINE.triage(ticket("vpn down").configurationItem("db-erp-01").build());
    assertThat(rule(ci, TriageAttribute.IMPACT))
        .isEqualTo("Business-critical configuration items mean high impact");
    TriageResult svc = ENGINE.triage(ticket("vpn down").service("erp").build());
    assertThat(rule(svc, TriageAttribute.IMPACT))
        .isEqualTo("Business-critical services mean high impact");
    TriageResult neither =
        ENGINE.triage(ticket("vpn down").service("email").configurationItem("pc-1").build());
    assertThat(neither.impact()).contains(Impact.MEDIUM);
    assertThat(neither.firedRules())
        .doesNotContain(
            "Business-critical configuration items mean high impact",
            "Business-critical services mean high impact");
  }

  @Test
  void informationalRequestsOfLowUrgency_areP5() {
    TriageResult advice = triage("Need advice on backups", Impact.MEDIUM, Urgency.LOW);
    assertThat(advice.category()).contains("consulting");
    assertThat(advice.priority()).contains(Priority.P5);
    assertThat(rule(advice, TriageAttribute.PRIORITY)).isEqualTo(P5);

    TriageResult info =
        ENGINE.triage(
            ticket("I would like to know more").type(IncidentType.SERVICE_REQUEST)
                .urgency(Urgency.LOW).build());
    assertThat(info.subcategory()).contains("information");
    assertThat(info.priority()).contains(Priority.P5);

    TriageResult notLow = triage("Need advice on backups", Impact.MEDIUM, Urgency.MEDIUM);
    assertThat(notLow.firedRules()).doesNotContain(P5);
    TriageResult notInformational = triage("vpn down", Impact.LOW, Urgency.LOW);
    assertThat(notInformational.firedRules()).doesNotContain(P5);
  }

  @Test
  void vipCallers_raiseOneLevel_neverAboveP1() {
    Caller vip = Caller.of("boss").withVip(true);
    TriageResult raised = ENGINE.triage(ticket("vpn down", vip).build());
    assertThat(raised.priority()).contains(Priority.P2);
    assertThat(rule(raised, TriageAttribute.PRIORITY)).isEqualTo(VIP);
    assertThat(raised.contributing(TriageAttribute.PRIORITY)).extracting(TriageDecision::rule)
        .containsExactly("Medium impact and urgency, or high against low, make P3", VIP);

    TriageResult p1 =
        ENGINE.triage(ticket("vpn down", vip).impact(Impact.HIGH).urgency(Urgency.HIGH).build());
    assertThat(p1.priority()).contains(Priority.P1);
    assertThat(p1.firedRules()).doesNotContain(VIP);

    assertThat(ENGINE.triage(ticket("vpn down").build()).firedRules()).doesNotContain(VIP);
  }

  @Test
  void security_isNeverBelowP2() {
    TriageResult low = triage("phishing mail", Impact.LOW, Urgency.LOW);
    assertThat(low.category()).contains("security");
    assertThat(low.priority()).contains(Priority.P2);
    assertThat(rule(low, TriageAttribute.PRIORITY)).isEqualTo(SECURITY);

    TriageResult p1 = triage("phishing mail", Impact.HIGH, Urgency.HIGH);
    assertThat(p1.priority()).contains(Priority.P1);
    assertThat(p1.firedRules()).doesNotContain(SECURITY);
  }

  @Test
  void vipAndSecurity_together_giveTheHigherOfBoth() {
    Caller vip = Caller.of("boss").withVip(true);
    TriageResult r =
        ENGINE.triage(ticket("phishing mail", vip).impact(Impact.LOW).urgency(Urgency.LOW).build());
    assertThat(r.priority()).contains(Priority.P2);
    TriageResult r2 =
        ENGINE.triage(
            ticket("phishing mail", vip).impact(Impact.HIGH).urgency(Urgency.MEDIUM).build());
    assertThat(r2.priority()).contains(Priority.P1);
  }
}
