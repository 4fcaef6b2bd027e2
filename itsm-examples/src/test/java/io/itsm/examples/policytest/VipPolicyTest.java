package io.itsm.examples.policytest;

import static io.itsm.rules.testkit.TriageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.testkit.ScenarioReport;
import io.itsm.rules.testkit.ScenarioTests;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The team's VIP policy: each scenario of {@code scenarios/} is one JUnit test. */
class VipPolicyTest {

  private static final TriageEngine POLICY = PolicyCheck.policy();

  @TestFactory
  Stream<DynamicTest> scenarios() {
    return ScenarioTests.from(POLICY, Path.of("scenarios"));
  }

  @Test
  void vipRule_winsAndTheDefaultRouteIsOverruled() {
    Ticket t = Ticket.builder().title("VPN tunnel down").caller(Caller.of("ceo").withVip(true)).build();
    assertThat(POLICY.triage(t))
        .hasCategory("network")
        .hasPriority(Priority.P2)
        .isRoutedTo("vip-desk", SupportLevel.L2)
        .wasDecidedBy(TriageAttribute.TEAM, "VIP callers go to the VIP desk")
        .overruled(TriageAttribute.TEAM, "Each category goes to its team");
  }

  @Test
  void check_reportsAllPassed_andTheVipRuleFired() {
    ScenarioReport report = PolicyCheck.check(Path.of("scenarios"));
    assertThat(report.failed()).isZero();
    assertThat(report.passed()).isEqualTo(4);
    assertThat(report.coverage().fired()).contains("VIP callers go to the VIP desk");
  }
}
