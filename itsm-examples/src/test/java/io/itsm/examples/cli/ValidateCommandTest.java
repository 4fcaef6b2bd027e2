package io.itsm.examples.cli;

import static io.itsm.examples.cli.TestFiles.BROKEN;
import static io.itsm.examples.cli.TestFiles.PRINTERS_ARE_P4;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  static final int SAMPLES = io.itsm.rules.testkit.SampleTickets.all().size();

  @TempDir Path dir;

  @Test
  void validate_defaults_countsTheRules() {
    Cli r = Cli.run("validate");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("OK: 25 rules in 4 packs + 0 files; " + SAMPLES + " tickets triaged\n");
  }

  @Test
  void validate_directoryOfRules_countsItsFiles() throws IOException {
    Path rules = Files.createDirectory(dir.resolve("rules"));
    Files.writeString(rules.resolve("printers.drl"), PRINTERS_ARE_P4);
    Files.writeString(rules.resolve("notes.txt"), "not a rule file");

    Cli r = Cli.run("validate", "--rules", rules.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("OK: 26 rules in 4 packs + 1 file; " + SAMPLES + " tickets triaged\n");
  }

  @Test
  void validate_noDefaults_countsOnlyTheFiles() throws IOException {
    Path rules = Files.writeString(dir.resolve("printers.drl"), PRINTERS_ARE_P4);

    Cli r = Cli.run("validate", "--no-defaults", "--rules", rules.toString());

    assertThat(r.out()).isEqualTo("OK: 1 rule in 0 packs + 1 file; " + SAMPLES + " tickets triaged\n");
  }

  @Test
  void validate_brokenFile_printsEachProblemAsFileLineColumn_andExits1() throws IOException {
    Path good = Files.writeString(dir.resolve("a.drl"), PRINTERS_ARE_P4);
    Path broken = Files.writeString(dir.resolve("b.drl"), BROKEN);

    Cli r = Cli.run("validate", "--rules", good.toString(), "--rules", broken.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    // one problem: Drools' noise line "Parser returned a null Package" is dropped
    assertThat(r.err().lines().toList()).hasSize(2);
    assertThat(r.err().lines().toList().get(0))
        .matches(java.util.regex.Pattern.quote(broken.toString()) + ":6:\\d+: .*mismatched input 'end'.*");
    assertThat(r.err()).doesNotContain("null Package")
        .endsWith("itsm: rules do not compile (1 problem)\n");
  }

  @Test
  void validate_missingFile_exits3() {
    Cli r = Cli.run("validate", "--rules", "x.drl");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("itsm: cannot read rules file x.drl: no such file\n");
  }

  @Test
  void validate_directoryWithoutRules_exits3() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));

    Cli r = Cli.run("validate", "--rules", empty.toString());

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("itsm: rules directory " + empty + " contains no .drl file\n");
  }

  @Test
  void validate_aRuleThatFailsAtRunTime_isReportedWithFileAndLine_andExits1() throws IOException {
    Path rules = Files.writeString(dir.resolve("many.drl"), "package team;\n"
        + "import io.itsm.rules.facts.*;\n"
        + "global io.itsm.rules.facts.RuleDecisions decide;\n"
        + "rule \"Many users as text\"\n"
        + "  ruleflow-group \"adjust\"\n"
        + "when\n"
        + "  TicketFact(affectedUsers == \"many\")\n" // 7
        + "then\n"
        + "  decide.tag(\"many\", \"many users\");\n"
        + "end\n");

    Cli r = Cli.run("validate", "--rules", rules.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith(rules + ":7: rule 'Many users as text' fails on sample SAMPLE-1")
        .contains("(and " + (SAMPLES - 1) + " more)", "For input string: \"many\"")
        .endsWith("itsm: the rules compile but fail at run time (1 problem on " + SAMPLES
            + " tickets)\n");
  }

  @Test
  void validate_ruleCodeThatExitsTheJvm_isACompileError() throws IOException {
    Path rules = Files.writeString(dir.resolve("exit.drl"), "package team;\n"
        + "import io.itsm.rules.facts.*;\n"
        + "global io.itsm.rules.facts.RuleDecisions decide;\n"
        + "rule \"Exit\"\n"
        + "  ruleflow-group \"route\"\n"
        + "when\n"
        + "  TicketFact()\n"
        + "then\n"
        + "  System.exit(0);\n" // 9
        + "end\n");

    Cli r = Cli.run("validate", "--rules", rules.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith(rules + ":9:?: rule \"Exit\" calls java.lang.System.exit(int),"
        + " which rule code may not use");
  }
}
