package io.itsm.examples.customrules;

import static io.itsm.examples.customrules.CustomRulesExample.VIP_VPN_TICKET;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.TriageEngine;
import org.junit.jupiter.api.Test;

class CustomRulesExampleTest {

  @Test
  void defaults_routeByCategory_andRaiseVipPriority() {
    TriageResult r = TriageEngine.withDefaults().triage(VIP_VPN_TICKET);
    assertThat(r.team()).contains("network-ops");
    assertThat(r.priority()).contains(Priority.P2);
    assertThat(r.decision(TriageAttribute.PRIORITY).map(TriageDecision::rule))
        .contains("VIP callers raise the priority one level");
  }

  @Test
  void vipRoutingRule_winsOverTheDefaultRoute_whichIsKeptAsOverruled() {
    TriageResult r = CustomRulesExample.vipRouting().triage(VIP_VPN_TICKET);
    assertThat(r.team()).contains("vip-desk");
    assertThat(r.supportLevel()).contains(SupportLevel.L2);
    assertThat(r.decision(TriageAttribute.TEAM).map(TriageDecision::rule)).contains("VIP callers go to the VIP desk");
    assertThat(r.overruled()).anySatisfy(d -> {
      assertThat(d.attribute()).isEqualTo(TriageAttribute.TEAM);
      assertThat(d.value()).isEqualTo("network-ops");
      assertThat(d.rule()).isEqualTo("Each category goes to its team");
    });
  }

  @Test
  void switchingOffTheVipRaise_leavesTheMatrixPriority() {
    TriageResult r = CustomRulesExample.withoutVipPriorityRaise().triage(VIP_VPN_TICKET);
    assertThat(r.priority()).contains(Priority.P3);
    assertThat(r.firedRules()).doesNotContain("VIP callers raise the priority one level");
  }

  @Test
  void ownTeamMap_routesNetworkToTheNoc() {
    TriageResult r = CustomRulesExample.ownTeamMap().triage(VIP_VPN_TICKET);
    assertThat(r.team()).contains("noc");
    assertThat(r.supportLevel()).contains(SupportLevel.L2);
  }

  @Test
  void main_printsEachEnginesDecisionsWithTheirRules() {
    java.io.PrintStream out = System.out;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    try {
      System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
      CustomRulesExample.main(new String[0]);
    } finally {
      System.setOut(out);
    }
    assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("+ vip-routing.drl:")
        .contains("TEAM=vip-desk by 'VIP callers go to the VIP desk'")
        .contains("(overruled) TEAM=network-ops by 'Each category goes to its team'")
        .contains("TEAM=noc by 'Each category goes to its team'");
  }
}
