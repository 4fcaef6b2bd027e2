package io.itsm.examples.cli;

import static io.itsm.examples.cli.TestFiles.PRINTER;
import static io.itsm.examples.cli.TestFiles.PRINTERS_ARE_P4;
import static io.itsm.examples.cli.TestFiles.VPN_VIP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestAndDiffCommandTest {

  private static final String SCENARIOS =
      """
      {"scenarios": [
        {"name": "Printer jam is P3 for the desktop team",
         "ticket": {"title": "Printer on floor 3 has a paper jam"},
         "expect": {"category": "hardware", "priority": "P3", "team": "desktop-support"}},
        {"name": "VPN for a VIP is P2",
         "ticket": {"title": "VPN tunnel down", "caller": {"id": "u1", "vip": true}},
         "expect": {"category": "network", "priority": "P2",
                    "decidedBy": {"priority": "VIP callers raise the priority one level"}}}
      ]}
      """;

  @TempDir Path dir;

  @Test
  void test_allScenariosPass_printsCoverageAndTheCount_exit0() throws IOException {
    Path scenarios = Files.writeString(dir.resolve("s.json"), SCENARIOS);

    Cli r = Cli.run("test", "--scenarios", scenarios.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Rule coverage: ").contains("Never fired:");
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(lines.size() - 1)).isEqualTo("2 passed, 0 failed");
  }

  @Test
  void test_failedScenario_isExplained_andExits1() throws IOException {
    Path scenarios = Files.writeString(dir.resolve("s.json"), SCENARIOS);
    Path rules = Files.writeString(dir.resolve("printers.drl"), PRINTERS_ARE_P4);

    Cli r = Cli.run("test", "--rules", rules.toString(), "--scenarios", dir.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains("scenario 'Printer jam is P3 for the desktop team'")
        .contains("priority: expected P3 but was P4")
        .contains("PRIORITY=P4 by 'Printers are P4'")
        .contains("1 passed, 1 failed");
    assertThat(r.out().lines().reduce((a, b) -> b)).hasValue("1 passed, 1 failed");
  }

  @Test
  void test_invalidScenarioFile_exits1_missingFile_exits3() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"scenarios\": [{\"nme\": \"x\"}]}");

    Cli invalid = Cli.run("test", "--scenarios", bad.toString());
    Cli missing = Cli.run("test", "--scenarios", dir.resolve("none.json").toString());

    assertThat(invalid.exitCode()).isEqualTo(1);
    assertThat(invalid.err()).startsWith("itsm: ").contains("bad.json");
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.err()).isEqualTo(
        "itsm: cannot read scenarios " + dir.resolve("none.json") + ": no such file\n");
  }

  @Test
  void diff_reportsWhatTheCandidateWouldChange() throws IOException {
    Path rules = Files.writeString(dir.resolve("printers.drl"), PRINTERS_ARE_P4);
    Path input = Files.writeString(dir.resolve("t.jsonl"), PRINTER + "\n" + VPN_VIP + "\n");

    Cli r = Cli.run("diff", "--rules", rules.toString(), "--input", input.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("What-if: 2 tickets read, 1 changed (50.0 %), 0 bad lines, 0 triage failures")
        .contains("priority P3→P4: 1")
        .contains("line 1 [T-1] Printer on floor 3 has a paper jam");
  }

  @Test
  void diff_json_fromStdin_withBaseRules() throws IOException {
    Path rules = Files.writeString(dir.resolve("printers.drl"), PRINTERS_ARE_P4);

    Cli r = Cli.runWithStdin(PRINTER + "\nnot json\n", "diff", "--base-rules", rules.toString(),
        "--input", "-", "--json", "--examples", "0");

    assertThat(r.exitCode()).as("a bad line").isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.get("ticketsChanged").asLong()).isEqualTo(1);
    assertThat(report.get("transitions").get(0).get("from").asText()).isEqualTo("P4");
    assertThat(report.get("badLines").get(0).get("line").asLong()).isEqualTo(2);
    assertThat(report.get("examples")).isEmpty();
  }
}
