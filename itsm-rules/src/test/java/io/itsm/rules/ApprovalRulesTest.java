package io.itsm.rules;

import static io.itsm.rules.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageResult;
import org.junit.jupiter.api.Test;

/** The rules of {@code approval.drl}. */
class ApprovalRulesTest {

  static final TriageEngine ENGINE = TriageEngine.withDefaults();

  static final String HIGH = "Resolving a P1 or P2 incident needs a manager's approval";
  static final String SECURITY = "Resolving a security incident needs a manager's approval";

  @Test
  void p1AndP2_needApproval() {
    for (Urgency u : new Urgency[] {Urgency.HIGH, Urgency.MEDIUM}) {
      TriageResult r = ENGINE.triage(ticket("vpn down").impact(Impact.HIGH).urgency(u).build());
      assertThat(r.approvalRequired()).isTrue();
      assertThat(r.decision(TriageAttribute.APPROVAL_REQUIRED).orElseThrow().rule()).isEqualTo(HIGH);
      assertThat(r.decision(TriageAttribute.APPROVAL_REQUIRED).orElseThrow().reason())
          .startsWith("priority P");
    }
  }

  @Test
  void p3_needsNoApproval() {
    TriageResult r = ENGINE.triage(ticket("vpn down").build());
    assertThat(r.approvalRequired()).isFalse();
    assertThat(r.decision(TriageAttribute.APPROVAL_REQUIRED)).isEmpty();
    assertThat(r.firedRules()).doesNotContain(HIGH, SECURITY);
  }

  @Test
  void security_needsApproval_andBothReasonsAreKept() {
    TriageResult r = ENGINE.triage(ticket("phishing mail").build());
    assertThat(r.approvalRequired()).isTrue();
    assertThat(r.firedRules()).contains(HIGH, SECURITY); // security is raised to P2
    assertThat(r.decision(TriageAttribute.APPROVAL_REQUIRED).orElseThrow().rule())
        .isEqualTo(SECURITY);
    assertThat(Tickets.overruledRules(r)).contains(HIGH);
  }
}
