package io.itsm.examples.cli;

import static io.itsm.examples.cli.TestFiles.BROKEN;
import static io.itsm.examples.cli.TestFiles.EVERYTHING_TO_HELPDESK;
import static io.itsm.examples.cli.TestFiles.NO_ID;
import static io.itsm.examples.cli.TestFiles.PRINTER;
import static io.itsm.examples.cli.TestFiles.PRINTERS_ARE_P4;
import static io.itsm.examples.cli.TestFiles.PRINTERS_AT_LEAST_P2;
import static io.itsm.examples.cli.TestFiles.VPN_VIP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsm.core.incident.Ticket;
import io.itsm.core.json.ItsmJson;
import io.itsm.rules.testkit.TicketGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageCommandTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static List<JsonNode> lines(String jsonLines) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : jsonLines.split("\n")) {
      if (!line.isBlank()) {
        out.add(MAPPER.readTree(line));
      }
    }
    return out;
  }

  @Test
  void triage_writesOneDecisionPerTicket_inInputOrder_withExplanations() throws IOException {
    Path input = write("t.jsonl", PRINTER + "\n" + VPN_VIP + "\n\n" + NO_ID + "\n");

    Cli r = Cli.run("triage", "--input", input.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    List<JsonNode> out = lines(r.out());
    assertThat(out).hasSize(3);
    JsonNode printer = out.get(0);
    assertThat(printer.get("id").asText()).isEqualTo("T-1");
    assertThat(printer.get("category").asText()).isEqualTo("hardware");
    assertThat(printer.get("subcategory").asText()).isEqualTo("printer");
    assertThat(printer.get("impact").asText()).isEqualTo("MEDIUM");
    assertThat(printer.get("urgency").asText()).isEqualTo("MEDIUM");
    assertThat(printer.get("priority").asText()).isEqualTo("P3");
    assertThat(printer.get("team").asText()).isEqualTo("desktop-support");
    assertThat(printer.get("supportLevel").asText()).isEqualTo("L2");
    assertThat(printer.get("approvalRequired").asBoolean()).isFalse();
    JsonNode first = printer.get("explanations").get(0);
    assertThat(first.get("attribute").asText()).isEqualTo("category");
    assertThat(first.get("value").asText()).isEqualTo("hardware");
    assertThat(first.get("rule").asText()).isEqualTo("The category with the most keyword hits wins");
    assertThat(first.get("reason").asText()).isNotBlank();
    List<String> fields = new ArrayList<>();
    printer.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("id", "category", "subcategory", "impact", "urgency",
        "priority", "team", "supportLevel", "approvalRequired", "explanations");

    JsonNode vip = out.get(1);
    assertThat(vip.get("priority").asText()).isEqualTo("P2");
    assertThat(vip.get("approvalRequired").asBoolean()).isTrue();
    assertThat(vip.get("explanations").findValuesAsText("rule"))
        .contains("VIP callers raise the priority one level");

    assertThat(out.get(2).get("id").asText()).as("no id: the line number").isEqualTo("line-4");
  }

  @Test
  void triage_badLine_isReportedWithItsNumber_skipped_andExits1() throws IOException {
    Path input = write("t.jsonl", PRINTER + "\n{\"title\": \"x\",\n{\"titel\": \"Printer\"}\n" + VPN_VIP + "\n");

    Cli r = Cli.run("triage", "--input", input.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(lines(r.out())).extracting(n -> n.get("id").asText()).containsExactly("T-1", "T-2");
    assertThat(r.err().lines().toList()).hasSize(2);
    assertThat(r.err()).contains("line 2: malformed JSON");
    assertThat(r.err()).contains("line 3: unknown property 'titel'").contains("did you mean 'title'?");
  }

  @Test
  void triage_failFast_stopsAtTheFirstBadLine() throws IOException {
    Path input = write("t.jsonl", PRINTER + "\n{\"affectedUsers\": 3}\n" + VPN_VIP + "\n");

    Cli r = Cli.run("triage", "--fail-fast", "--input", input.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(lines(r.out())).extracting(n -> n.get("id").asText()).containsExactly("T-1");
    assertThat(r.err()).isEqualTo(
        "line 2: title: required, but missing\nitsm: stopped at line 2 (--fail-fast)\n");
  }

  @Test
  void triage_readsStdin_andWritesStdout_withDash() throws IOException {
    Cli r = Cli.runWithStdin(PRINTER + "\n", "triage", "--input", "-", "--output", "-");

    assertThat(r.exitCode()).isZero();
    assertThat(lines(r.out())).singleElement()
        .satisfies(n -> assertThat(n.get("team").asText()).isEqualTo("desktop-support"));
  }

  @Test
  void triage_writesTheOutputFile() throws IOException {
    Path input = write("t.jsonl", PRINTER + "\n" + VPN_VIP + "\n");
    Path output = dir.resolve("decisions.jsonl");

    Cli r = Cli.run("triage", "--input", input.toString(), "--output", output.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(lines(Files.readString(output))).hasSize(2);
  }

  @Test
  void triage_missingInput_exits3_withAClearMessage() {
    Path missing = dir.resolve("nope.jsonl");

    Cli r = Cli.run("triage", "--input", missing.toString());

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("itsm: cannot read input file " + missing + ": no such file\n");
  }

  @Test
  void triage_missingRulesFile_exits3_withAClearMessage() throws IOException {
    Path input = write("t.jsonl", PRINTER + "\n");
    Path missing = dir.resolve("x.drl");

    Cli r = Cli.run("triage", "--rules", missing.toString(), "--input", input.toString());

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("itsm: cannot read rules file " + missing + ": no such file\n");
  }

  @Test
  void triage_teamRules_overrideTheDefaults() throws IOException {
    Path rules = write("printers.drl", PRINTERS_ARE_P4);
    Path input = write("t.jsonl", PRINTER + "\n");

    Cli r = Cli.run("triage", "--rules", rules.toString(), "--input", input.toString());

    assertThat(r.exitCode()).isZero();
    JsonNode d = lines(r.out()).get(0);
    assertThat(d.get("priority").asText()).isEqualTo("P4");
    assertThat(d.get("explanations").findValuesAsText("rule")).contains("Printers are P4");
  }

  @Test
  void triage_aBound_isExplainedWithTheValueAndRuleItRaised() throws IOException {
    Path rules = write("printers.drl", PRINTERS_AT_LEAST_P2);
    Path input = write("t.jsonl", PRINTER + "\n");

    Cli r = Cli.run("triage", "--rules", rules.toString(), "--input", input.toString());

    assertThat(r.exitCode()).isZero();
    JsonNode d = lines(r.out()).get(0);
    assertThat(d.get("priority").asText()).isEqualTo("P2");
    JsonNode priority = d.get("explanations").get(4);
    assertThat(priority.toString()).isEqualTo("{\"attribute\":\"priority\",\"value\":\"P2\","
        + "\"rule\":\"Printers are at least P2\",\"reason\":\"the print shop depends on them\","
        + "\"bound\":\"atLeast\",\"from\":{\"value\":\"P3\",\"rule\":\"Medium impact and"
        + " urgency, or high against low, make P3\",\"reason\":\"impact MEDIUM x urgency MEDIUM\"}}");
    assertThat(d.get("explanations").get(0).has("bound")).isFalse();
  }

  @Test
  void triage_noDefaults_withCustomRules_decidesOnlyWhatTheyDecide() throws IOException {
    Path rulesDir = Files.createDirectory(dir.resolve("rules"));
    Files.writeString(rulesDir.resolve("helpdesk.drl"), EVERYTHING_TO_HELPDESK);
    Path input = write("t.jsonl", PRINTER + "\n");

    Cli r = Cli.run("triage", "--no-defaults", "--rules", rulesDir.toString(), "--input",
        input.toString());

    assertThat(r.exitCode()).isZero();
    JsonNode d = lines(r.out()).get(0);
    assertThat(d.get("team").asText()).isEqualTo("helpdesk");
    assertThat(d.get("category").isNull()).isTrue();
    assertThat(d.get("priority").isNull()).isTrue();
    assertThat(d.get("approvalRequired").asBoolean()).isFalse();
    assertThat(d.get("explanations")).hasSize(1);
  }

  @Test
  void triage_brokenRules_printFileLineColumn_andExit1() throws IOException {
    Path rules = write("broken.drl", BROKEN);
    Path input = write("t.jsonl", PRINTER + "\n");

    Cli r = Cli.run("triage", "--rules", rules.toString(), "--input", input.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith(rules + ":6:");
    assertThat(r.err()).endsWith("itsm: rules do not compile (1 problem)\n");
  }

  @Test
  void triage_now_isTheOpeningTimeOfTicketsWithoutOne() throws IOException {
    Path rules = write("night.drl", TestFiles.NIGHT_DESK);
    Path input = write("t.jsonl", PRINTER + "\n");

    Cli monday = Cli.run("triage", "--rules", rules.toString(), "--now", "2026-11-23T10:00:00Z",
        "--input", input.toString());
    Cli sunday = Cli.run("triage", "--rules", rules.toString(), "--now", "2026-11-22T10:00:00Z",
        "--input", input.toString());

    assertThat(monday.exitCode()).isZero();
    assertThat(lines(monday.out()).get(0).get("team").asText()).isEqualTo("desktop-support");
    assertThat(sunday.exitCode()).isZero();
    assertThat(lines(sunday.out()).get(0).get("team").asText()).isEqualTo("night-desk");
  }

  @Test
  void triage_badNow_isAUsageError_namingTheExpectedForm() throws IOException {
    Path input = write("t.jsonl", PRINTER + "\n");

    Cli r = Cli.run("triage", "--now", "monday 10:00", "--input", input.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("--now must be an ISO-8601 instant in UTC such as"
        + " 2026-11-23T10:00:00Z, but was 'monday 10:00'");
  }

  @Test
  void triage_withoutInput_isAUsageError() {
    Cli r = Cli.run("triage");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required option: '--input=FILE|-'");
  }

  @Test
  void triage_onSeveralThreads_keepsTheInputOrder() throws IOException {
    ItsmJson json = ItsmJson.defaults();
    StringBuilder sb = new StringBuilder();
    for (Ticket t : TicketGenerator.generate(500)) {
      sb.append(json.writeTicket(t)).append('\n');
    }
    Path input = write("gen.jsonl", sb.toString());

    Cli one = Cli.run("triage", "--threads", "1", "--input", input.toString());
    Cli four = Cli.run("triage", "--threads", "4", "--input", input.toString());

    assertThat(one.exitCode()).isZero();
    assertThat(four.out()).isEqualTo(one.out());
    assertThat(lines(one.out())).extracting(n -> n.get("id").asText())
        .startsWith("GEN-0", "GEN-1", "GEN-2").hasSize(500);
  }

  @Test
  void triage_progress_reportsTheTotalOnStderr() throws IOException {
    Path input = write("t.jsonl", PRINTER + "\n" + VPN_VIP + "\n");

    Cli r = Cli.run("triage", "--progress", "--input", input.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).startsWith("itsm: 2 tickets triaged, 0 bad lines, in ");
  }

  @Test
  void triage_brokenRules_winOverAMissingInput_asWhenTheEngineWasBuiltFirst() throws IOException {
    Path rules = write("broken.drl", BROKEN);
    Path missing = dir.resolve("nope.jsonl");

    Cli r = Cli.run("triage", "--rules", rules.toString(), "--input", missing.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith(rules + ":6:")
        .endsWith("itsm: rules do not compile (1 problem)\n")
        .doesNotContain("cannot read");
  }

  @Test
  void triage_brokenRules_leaveTheOutputFileAlone() throws IOException {
    Path rules = write("broken.drl", BROKEN);
    Path input = write("t.jsonl", PRINTER + "\n");
    Path kept = write("kept.jsonl", "earlier decisions\n");
    Path absent = dir.resolve("absent.jsonl");

    Cli r = Cli.run("triage", "--rules", rules.toString(), "--input", input.toString(),
        "--output", kept.toString());
    Cli s = Cli.run("triage", "--rules", rules.toString(), "--input", input.toString(),
        "--output", absent.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(s.exitCode()).isEqualTo(1);
    assertThat(Files.readString(kept)).isEqualTo("earlier decisions\n");
    assertThat(absent).doesNotExist();
  }

  @Test
  void triage_manyBatches_readAheadWhileTheEngineIsBuilt_keepOrderAndLineNumbers()
      throws IOException {
    ItsmJson json = ItsmJson.defaults();
    StringBuilder sb = new StringBuilder();
    int n = TriageCommand.BATCH * 3 + 17;
    List<Ticket> tickets = TicketGenerator.generate(n);
    for (int i = 0; i < n; i++) {
      sb.append(i == 1_234 ? "{not json" : json.writeTicket(tickets.get(i))).append('\n');
    }
    Path input = write("many.jsonl", sb.toString());

    Cli one = Cli.run("triage", "--threads", "1", "--input", input.toString());
    Cli two = Cli.run("triage", "--threads", "2", "--input", input.toString());

    assertThat(one.exitCode()).isEqualTo(1);
    assertThat(one.err()).startsWith("line 1235: ");
    assertThat(two.out()).isEqualTo(one.out());
    assertThat(two.err()).isEqualTo(one.err());
    List<JsonNode> decisions = lines(one.out());
    assertThat(decisions).hasSize(n - 1);
    assertThat(decisions.get(1_233).get("id").asText()).isEqualTo("GEN-1233");
    assertThat(decisions.get(1_234).get("id").asText()).isEqualTo("GEN-1235");
  }
}
