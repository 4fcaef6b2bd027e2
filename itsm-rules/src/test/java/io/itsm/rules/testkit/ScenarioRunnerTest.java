package io.itsm.rules.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ItsmException;
import io.itsm.core.incident.Ticket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class ScenarioRunnerTest {

  static final String SCENARIOS =
      """
      [{"name": "vpn passes",
        "ticket": {"title": "VPN drops every few minutes", "caller": {"id": "u1"},
                   "impact": "MEDIUM", "urgency": "HIGH", "openedAt": "2024-06-03T12:00:00Z"},
        "expect": {"category": "network", "priority": "P2", "team": "network-ops",
                   "approvalRequired": true, "tags": [],
                   "decidedBy": {"impact": "Reported impact stands"}}},
       {"name": "vpn fails",
        "ticket": {"title": "VPN drops every few minutes", "caller": {"id": "u1"},
                   "impact": "MEDIUM", "urgency": "HIGH", "openedAt": "2024-06-03T12:00:00Z"},
        "expect": {"subcategory": null, "priority": "P1", "team": "service-desk",
                   "approvalRequired": false, "tags": ["vpn"],
                   "decidedBy": {"priority": "VIP callers raise the priority one level"}}}]
      """;

  static final String ONE_PASSING =
      """
      {"scenarios": [{"name": "vpn passes",
        "ticket": {"title": "VPN drops every few minutes", "caller": {"id": "u1"},
                   "impact": "MEDIUM", "urgency": "HIGH", "openedAt": "2024-06-03T12:00:00Z"},
        "expect": {"priority": "P2"}}]}
      """;

  static final List<Scenario> LIST = Scenarios.parse(SCENARIOS, "t.json");

  @TempDir Path dir;

  @Test
  void run_reportsPassesFailuresAndCoverage() {
    ScenarioReport report = new ScenarioRunner(KitEngines.defaults()).run(LIST);

    assertThat(report.passed()).isEqualTo(1);
    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.allPassed()).isFalse();
    assertThat(report.outcomes().get(0).passed()).isTrue();
    assertThat(report.failures()).extracting(o -> o.scenario().name()).containsExactly("vpn fails");
    assertThat(report.coverage().fired())
        .contains("Reported impact stands", "Each category goes to its team");
    assertThat(report.coverage().unfired()).contains("P1 pages L2");
    assertThat(report.toText()).startsWith("2 scenarios: 1 passed, 1 failed\n\nscenario 'vpn fails'")
        .contains("\n\nRule coverage: ");
    assertThatThrownBy(report::assertAllPassed)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("1 of 2 scenarios failed\n\nscenario 'vpn fails' (t.json $[1]) failed:");
  }

  @Test
  void failure_explainsExpectedVsActual_andEveryDecision() {
    ScenarioOutcome o = new ScenarioRunner(KitEngines.defaults()).run(LIST.get(1));

    assertThat(o.mismatches()).extracting(Mismatch::toString).containsExactly(
        "subcategory: expected (undecided) but was vpn",
        "priority: expected P1 but was P2",
        "team: expected service-desk but was network-ops",
        "approvalRequired: expected false but was true",
        "tags: expected [vpn] but was []",
        "decidedBy.priority: expected 'VIP callers raise the priority one level' but was 'High"
            + " impact with medium urgency, or medium impact with high urgency, make P2'");
    assertThat(o.explain()).startsWith(
        """
        scenario 'vpn fails' (t.json $[1]) failed:
          subcategory: expected (undecided) but was vpn
          priority: expected P1 but was P2
        """).contains(
        """
          decided:
            CATEGORY=network by 'The category with the most keyword hits wins': 1 keyword hit, first 'vpn' (en)
        """,
        "\n    PRIORITY=P2 by 'High impact with medium urgency, or medium impact with high urgency,"
            + " make P2': impact MEDIUM x urgency HIGH\n",
        "\n  rules fired (");
  }

  @Test
  void dynamicTests_areNamedAfterScenarios_andFailWithExpectedAndActual() throws Throwable {
    List<DynamicTest> tests = ScenarioTests.from(KitEngines.defaults(), LIST).toList();

    assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly("vpn passes", "vpn fails");
    tests.get(0).getExecutable().execute();
    assertThatThrownBy(() -> tests.get(1).getExecutable().execute())
        .isInstanceOfSatisfying(AssertionFailedError.class, e -> {
          assertThat(e.getExpected().getValue()).isEqualTo(
              "subcategory: (undecided)\npriority: P1\nteam: service-desk\napprovalRequired: false\n"
                  + "tags: [vpn]\ndecidedBy.priority: 'VIP callers raise the priority one level'");
          assertThat(e.getActual().getStringRepresentation()).startsWith(
              "subcategory: vpn\npriority: P2\nteam: network-ops\n");
        })
        .hasMessageStartingWith("scenario 'vpn fails' (t.json $[1]) failed:\n");
  }

  @Test
  void withCoverage_appendsACoverageTest_thatTriagesScenariosThatDidNotRun() throws IOException {
    Path f = dir.resolve("one.json");
    Files.writeString(f, ONE_PASSING);
    List<DynamicTest> tests = ScenarioTests.withCoverage(KitEngines.defaults(), f, Set.of()).toList();

    assertThat(tests).extracting(DynamicTest::getDisplayName)
        .containsExactly("vpn passes", ScenarioTests.COVERAGE_TEST_NAME);
    assertThat(tests.get(0).getTestSourceUri()).contains(f.toAbsolutePath().toUri());
    assertThatThrownBy(() -> tests.get(1).getExecutable().execute())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("rule(s) never fired: ")
        .hasMessageContaining("'P1 pages L2'");

    Set<String> unfired = new ScenarioRunner(KitEngines.defaults()).run(f).coverage().unfired();
    DynamicTest coverage =
        ScenarioTests.withCoverage(KitEngines.defaults(), f, unfired).toList().get(1);
    assertThatNoFailure(coverage);
    assertThatThrownBy(() -> ScenarioTests.withCoverage(KitEngines.defaults(), f, Set.of("Nope")))
        .hasMessageContaining("these are not: 'Nope'");
  }

  @Test
  void triageErrors_failTheScenario_withTheExceptionAsCause() {
    Scenario s = Scenario.of("boom", Ticket.builder().title("x").build(), Expectation.none());
    ItsmException error = new ItsmException("rule 'x' threw");
    ScenarioOutcome o = new ScenarioOutcome(s, Optional.empty(), List.of(), Optional.of(error));

    assertThat(o.passed()).isFalse();
    assertThat(o.explain())
        .isEqualTo("scenario 'boom' ((code)) failed:\n  triage threw ItsmException: rule 'x' threw");
    assertThatThrownBy(() -> ScenarioTests.check(o))
        .isInstanceOf(AssertionFailedError.class)
        .hasCause(error);
  }

  private static void assertThatNoFailure(DynamicTest test) {
    try {
      test.getExecutable().execute();
    } catch (Throwable t) {
      throw new AssertionError("expected no failure", t);
    }
  }
}
