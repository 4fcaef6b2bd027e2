package io.itsm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compile errors name the file and line. Default packs are off to keep builds quick. */
class RuleCompilationTest {

  static final String HEADER =
      "package team;\n" // 1
          + "import io.itsm.rules.facts.*;\n" // 2
          + "import io.itsm.core.triage.TriageAttribute;\n" // 3
          + "global io.itsm.rules.facts.RuleDecisions decide;\n"; // 4

  private static TriageEngine.Builder bare() {
    TriageEngine.Builder b = TriageEngine.builder();
    TriageEngine.DEFAULT_PACKS.forEach(b::withoutPack);
    return b;
  }

  private static RuleCompilationException compileError(TriageEngine.Builder b) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(b::build);
    assertThat(t).isInstanceOf(RuleCompilationException.class);
    return (RuleCompilationException) t;
  }

  @Test
  void syntaxError_namesFileAndLine() {
    String drl = HEADER + "rule \"Broken\"\n" + "when\n" + "  TicketFact(\n" + "then\nend\n";
    RuleCompilationException e = compileError(bare().addRules("broken.drl", drl));
    assertThat(e.getProblems()).isNotEmpty();
    RuleProblem p = e.getProblems().get(0);
    assertThat(p.file()).isEqualTo("broken.drl");
    assertThat(p.line()).as("the unclosed pattern opens on 7, the parser notices at 9").isBetween(7, 9);
    assertThat(e.getMessage()).contains("broken.drl:" + p.line() + ":");
  }

  @Test
  void unknownField_namesFileAndLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("fields.drl");
    Files.writeString(
        file,
        HEADER
            + "rule \"Unknown field\"\n" // 5
            + "when\n" // 6
            + "  TicketFact(noSuchField == 1)\n" // 7
            + "then\n"
            + "end\n");
    RuleCompilationException e = compileError(bare().addRules(file));
    RuleProblem p = e.getProblems().get(0);
    assertThat(p.file()).isEqualTo(file.toString());
    assertThat(p.line()).isBetween(5, 7);
    assertThat(p.message()).contains("noSuchField");
  }

  @Test
  void unknownFactType_namesFileAndLine() {
    String drl =
        HEADER
            + "rule \"Unknown type\"\n" // 5
            + "when\n" // 6
            + "  NoSuchFact(x == 1)\n" // 7
            + "then\n"
            + "end\n";
    RuleCompilationException e = compileError(bare().addRules("types.drl", drl));
    RuleProblem p = e.getProblems().get(0);
    assertThat(p.file()).isEqualTo("types.drl");
    assertThat(p.line()).isBetween(5, 7);
    assertThat(p.message()).contains("NoSuchFact");
  }

  @Test
  void unknownRuleflowGroup_isAProblem() {
    String drl =
        HEADER + "rule \"Wrong stage\"\n ruleflow-group \"rout\"\nwhen\n TicketFact()\nthen\nend\n";
    RuleCompilationException e = compileError(bare().addRules("stage.drl", drl));
    assertThat(e.getProblems().get(0).message()).contains("'rout'", "route");
    assertThat(e.getProblems().get(0).file()).isEqualTo("stage.drl");
  }

  @Test
  void errorsInSeveralFiles_areAllListed() {
    RuleCompilationException e =
        compileError(
            bare()
                .addRules("a.drl", HEADER + "rule \"A\" when NoSuchA() then end\n")
                .addRules("b.drl", HEADER + "rule \"B\" when NoSuchB() then end\n"));
    assertThat(e.getProblems()).extracting(RuleProblem::file).contains("a.drl", "b.drl");
  }

  @Test
  void unreadableFile_isAValidationError() {
    assertThatThrownBy(() -> bare().addRules(Path.of("/no/such/file.drl")).build())
        .isInstanceOf(io.itsm.core.ValidationException.class)
        .hasMessageContaining("/no/such/file.drl");
  }
}
