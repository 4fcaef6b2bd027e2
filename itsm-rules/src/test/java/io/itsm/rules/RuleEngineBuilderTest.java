package io.itsm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options every engine's builder shares through {@link RuleEngineBuilder}. */
class RuleEngineBuilderTest {

  /** A rule file of one rule in a stage of {@code stage}, declaring the engine's global. */
  private static String oneRule(String global, String stage) {
    return "package team.shared;\n"
        + "global " + global + ";\n"
        + "rule \"A team rule read from a directory\"\n"
        + (stage == null ? "" : "  ruleflow-group \"" + stage + "\"\n")
        + "when\n  eval(false)\nthen\nend\n";
  }

  /** One engine's builder, and how to read the rule names of what it built. */
  private record Engine(String name, Supplier<? extends RuleEngineBuilder<?>> builder,
      Function<RuleEngineBuilder<?>, List<String>> ruleNames, String global, String stage) {}

  private static List<Engine> engines() {
    return List.of(
        new Engine("triage", TriageEngine::builder,
            b -> ((TriageEngine.Builder) b).build().teamRuleNames(),
            "io.itsm.rules.facts.RuleDecisions decide", "route"),
        new Engine("escalation", EscalationEngine::builder,
            b -> ((EscalationEngine.Builder) b).build().ruleNames(),
            "io.itsm.rules.escalation.Escalations escalations", EscalationEngine.STAGE),
        new Engine("notify", NotifyEngine::builder,
            b -> ((NotifyEngine.Builder) b).build().ruleNames(),
            "io.itsm.rules.facts.NotificationDecisions notify", NotifyEngine.STAGE_SCHEDULE),
        new Engine("announcement", AnnouncementEngine::builder,
            b -> ((AnnouncementEngine.Builder) b).build().ruleNames(),
            "io.itsm.rules.facts.AnnouncementDecisions announce", AnnouncementEngine.STAGE),
        new Engine("capture", CaptureEngine::builder,
            b -> ((CaptureEngine.Builder) b).build().ruleNames(),
            "io.itsm.rules.facts.CaptureDecisions capture", CaptureEngine.STAGE));
  }

  @Test
  void everyEngine_readsARulesDirectory_withTheSharedOptions(@TempDir Path dir) throws Exception {
    for (Engine e : engines()) {
      Path sub = Files.createDirectories(dir.resolve(e.name()));
      Files.writeString(sub.resolve("team.drl"), oneRule(e.global(), e.stage()));
      RuleEngineBuilder<?> b = e.builder().get();
      b.addRulesDirectory(sub).maxRuleFirings(5).timeBudget(Duration.ofSeconds(3)).maxStuckRuns(2);
      assertThat(e.ruleNames().apply(b)).as(e.name())
          .contains("A team rule read from a directory");
    }
  }

  @Test
  void everyEngine_refusesBadSettings_withTheSameMessages() {
    for (Engine e : engines()) {
      RuleEngineBuilder<?> b = e.builder().get();
      assertThatThrownBy(() -> b.maxRuleFirings(0)).as(e.name())
          .isInstanceOf(ValidationException.class)
          .hasMessage("maxRuleFirings must be at least 1, but was 0");
      assertThatThrownBy(() -> b.timeBudget(Duration.ZERO)).as(e.name())
          .isInstanceOf(ValidationException.class)
          .hasMessage("timeBudget must be positive, but was PT0S");
      assertThatThrownBy(() -> b.maxStuckRuns(0)).as(e.name())
          .isInstanceOf(ValidationException.class)
          .hasMessage("maxStuckRuns must be at least 1, but was 0");
      assertThatThrownBy(() -> b.withoutRule(null)).as(e.name())
          .isInstanceOf(NullPointerException.class).hasMessage("ruleName");
    }
  }

  @Test
  void everyEngine_failsToBuild_whenALeftOutRuleDoesNotExist() {
    for (Engine e : engines()) {
      RuleEngineBuilder<?> b = e.builder().get().withoutRule("No such rule");
      assertThatThrownBy(() -> e.ruleNames().apply(b)).as(e.name())
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("No such rule");
    }
  }

  @Test
  void everyEngine_containsRuleCode_unlessTrusted() {
    for (Engine e : engines()) {
      String drl = "package team.shared;\nglobal " + e.global() + ";\n"
          + "rule \"Reads the clock of the machine\"\n"
          + (e.stage() == null ? "" : "  ruleflow-group \"" + e.stage() + "\"\n")
          + "when\n  eval(System.currentTimeMillis() < 0)\nthen\nend\n";
      assertThatThrownBy(() -> e.ruleNames().apply(e.builder().get().addRules("clock.drl", drl)))
          .as(e.name()).isInstanceOf(RuleCompilationException.class)
          .hasMessageContaining("clock.drl");
      assertThat(e.ruleNames().apply(e.builder().get().addRules("clock.drl", drl).trustRules()))
          .as(e.name()).contains("Reads the clock of the machine");
    }
  }
}
