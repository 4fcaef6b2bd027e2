package io.itsm.rules;

import static io.itsm.rules.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.itsm.core.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The time budget: a consequence that does not return fails its triage with the rule named, later
 * triages are served, stuck runs are counted and, past the limit, new triages are refused; errors
 * of rule code become {@link RuleExecutionException}.
 */
@Timeout(120)
class RuleBudgetTest {

  static final String HEADER =
      "package team;\nimport io.itsm.rules.facts.*;\n"
          + "global io.itsm.rules.facts.RuleDecisions decide;\n";

  /** Spins until the test releases it: trusted, since it calls a test class. */
  static final String SPIN = HEADER
      + "rule \"Spins until released\"\n" // 4
      + "  ruleflow-group \"route\"\n"
      + "when\n"
      + "  TicketFact(title == \"spin\")\n"
      + "then\n"
      + "  while (!io.itsm.rules.Latch.released()) { }\n" // 9
      + "end\n"
      + "rule \"Tags the rest\"\n"
      + "  ruleflow-group \"route\"\n"
      + "when\n"
      + "  TicketFact(title != \"spin\")\n"
      + "then\n"
      + "  decide.tag(\"served\", \"fine\");\n"
      + "end\n";

  @BeforeEach
  void reset() {
    Latch.reset();
  }

  @AfterEach
  void release() {
    Latch.release();
  }

  private static TriageEngine spinning(int maxStuck) {
    TriageEngine.Builder b = TriageEngine.builder().addRules("spin.drl", SPIN).trustRules()
        .timeBudget(Duration.ofMillis(100)).maxStuckRuns(maxStuck);
    TriageEngine.DEFAULT_PACKS.forEach(b::withoutPack);
    TriageEngine engine = b.build();
    for (int i = 0; i <= io.itsm.rules.internal.RuleRunner.WARMUP_RUNS; i++) { // past the warm-up
      engine.triage(ticket("warm").build());
    }
    return engine;
  }

  static final String TAG = HEADER
      + "rule \"Tags every ticket\"\n"
      + "  ruleflow-group \"approve\"\n"
      + "when\n"
      + "  TicketFact()\n"
      + "then\n"
      + "  decide.tag(\"team\", \"the team's rule\");\n"
      + "end\n";

  @Test
  void theLibrarysOwnPacksAlone_fireOnTheCallersThread_withoutABudget() {
    TriageEngine engine = TriageEngine.withDefaults();
    assertThat(engine.timeBudget()).isEmpty();
    assertThat(engine.triage(ticket("VPN down").build()).category()).contains("network");
  }

  @Test
  void teamRules_runWithinTheDefaultBudget() {
    TriageEngine engine = TriageEngine.builder().addRules("tag.drl", TAG).build();
    assertThat(engine.timeBudget()).contains(TriageEngine.defaultTimeBudget());
    assertThat(engine.triage(ticket("VPN down").build()).tags()).contains("team");
  }

  @Test
  void aBudgetOrNoneChosenOnTheBuilder_isKept_withOrWithoutTeamRules() {
    assertThat(TriageEngine.builder().timeBudget(Duration.ofMillis(50)).build().timeBudget())
        .contains(Duration.ofMillis(50));
    assertThat(TriageEngine.builder().addRules("tag.drl", TAG).withoutTimeBudget().build()
        .timeBudget()).isEmpty();
  }

  @Test
  void aReloadThatAddsOrRemovesTheLastTeamFile_bringsOrDropsTheBudget(@TempDir Path dir)
      throws Exception {
    TriageEngine engine = TriageEngine.builder().addRulesDirectory(dir).build();
    assertThat(engine.timeBudget()).isEmpty();
    Files.writeString(dir.resolve("tag.drl"), TAG);
    engine.reload();
    assertThat(engine.timeBudget()).contains(TriageEngine.defaultTimeBudget());
    assertThat(engine.triage(ticket("VPN down").build()).tags()).contains("team");
    Files.delete(dir.resolve("tag.drl"));
    engine.reload();
    assertThat(engine.timeBudget()).isEmpty();
    assertThat(engine.triage(ticket("VPN down").build()).tags()).doesNotContain("team");
  }

  @Test
  void aConsequenceThatDoesNotReturn_failsItsTriage_namingTheRule_andTheNextIsServed() {
    TriageEngine engine = spinning(4);
    RuleExecutionException e = catchThrowableOfType(RuleExecutionException.class,
        () -> engine.triage(ticket("spin").id("INC-1").build()));
    assertThat(e.getRules()).containsExactly("Spins until released");
    assertThat(e.getMessage()).contains("time budget of 100 ms", "'Spins until released'",
        "spin.drl:4", "INC-1");
    assertThat(e.getFile()).contains("spin.drl");
    assertThat(engine.triage(ticket("next").build()).tags()).contains("served");
  }

  @Test
  void tooManyStuckRuns_refuseNewTriages_untilOneReturns() throws Exception {
    TriageEngine engine = spinning(2);
    for (int i = 0; i < 2; i++) {
      catchThrowableOfType(RuleExecutionException.class,
          () -> engine.triage(ticket("spin").build()));
    }
    RuleExecutionException refused = catchThrowableOfType(RuleExecutionException.class,
        () -> engine.triage(ticket("next").build()));
    assertThat(refused.getMessage()).contains("2 earlier rule runs are stuck",
        "[Spins until released]", "refuses new runs");
    Latch.release();
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      try {
        assertThat(engine.triage(ticket("next").build()).tags()).contains("served");
        return;
      } catch (RuleExecutionException stillStuck) {
        Thread.sleep(20);
      }
    }
    throw new AssertionError("the engine did not serve again after the stuck runs returned");
  }

  @Test
  void withoutTimeBudget_anOutOfMemoryError_isARuleExecutionException() {
    String drl = HEADER
        + "rule \"Allocates too much\"\n" // 4
        + "  ruleflow-group \"route\"\n"
        + "when\n"
        + "  TicketFact()\n"
        + "then\n"
        + "  long[] huge = new long[Integer.MAX_VALUE];\n" // 9
        + "end\n";
    TriageEngine.Builder b = TriageEngine.builder().addRules("oom.drl", drl).withoutTimeBudget();
    TriageEngine.DEFAULT_PACKS.forEach(b::withoutPack);
    TriageEngine engine = b.build();
    RuleExecutionException e = catchThrowableOfType(RuleExecutionException.class,
        () -> engine.triage(ticket("any").build()));
    assertThat(e.getCause()).isInstanceOf(OutOfMemoryError.class);
    assertThat(e.getLine()).hasValue(9);
    assertThat(e.getMessage()).contains("'Allocates too much'", "oom.drl:9");
  }

  @Test
  void budgetAndStuckLimit_areValidated() {
    assertThatThrownBy(() -> TriageEngine.builder().timeBudget(Duration.ZERO))
        .isInstanceOf(ValidationException.class).hasMessageContaining("timeBudget");
    assertThatThrownBy(() -> TriageEngine.builder().maxStuckRuns(0))
        .isInstanceOf(ValidationException.class).hasMessageContaining("maxStuckRuns");
  }

  @Test
  void defaultBudget_comesFromTheSystemPropertyWhenSet_andABadValueNamesIt() {
    String saved = System.getProperty(TriageEngine.TIME_BUDGET_PROPERTY);
    try {
      System.clearProperty(TriageEngine.TIME_BUDGET_PROPERTY);
      assertThat(TriageEngine.defaultTimeBudget()).isEqualTo(TriageEngine.DEFAULT_TIME_BUDGET);
      System.setProperty(TriageEngine.TIME_BUDGET_PROPERTY, " 1500 ");
      assertThat(TriageEngine.defaultTimeBudget()).isEqualTo(Duration.ofMillis(1500));
      for (String bad : new String[] {"0", "-5", "2s"}) {
        System.setProperty(TriageEngine.TIME_BUDGET_PROPERTY, bad);
        assertThatThrownBy(TriageEngine::builder)
            .isInstanceOf(ValidationException.class)
            .hasMessageContaining("system property itsm.rules.timeBudgetMillis must be a positive"
                + " whole number of milliseconds, such as 200, but was '" + bad + "'");
      }
    } finally {
      if (saved == null) {
        System.clearProperty(TriageEngine.TIME_BUDGET_PROPERTY);
      } else {
        System.setProperty(TriageEngine.TIME_BUDGET_PROPERTY, saved);
      }
    }
  }
}
