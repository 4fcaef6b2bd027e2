package io.itsm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line with rule files that fail at run time: each failing ticket is reported as
 * {@code line N: ...}, the run goes on with the next line, the exit code says tickets failed; a
 * rule that would exit the JVM is refused at compile time (exit 1), so the JVM never exits from
 * rule code.
 */
@Timeout(120)
class HostileRulesCliTest {

  static final String HEADER = "package team;\nimport io.itsm.rules.facts.*;\n"
      + "global io.itsm.rules.facts.RuleDecisions decide;\n";

  @TempDir Path dir;

  private Path rules(String name, String when, String then) throws IOException {
    return Files.writeString(dir.resolve(name), HEADER
        + "function int deeper(int n) {\n  return deeper(n + 1) + 1;\n}\n" // 4-6
        + "rule \"Hostile\"\n" // 7
        + "  ruleflow-group \"route\"\n"
        + "when\n"
        + "  " + when + "\n" // 10
        + "then\n"
        + "  " + then + "\n" // 12
        + "end\n");
  }

  private Path input() throws IOException {
    return Files.writeString(dir.resolve("t.jsonl"),
        "{\"id\":\"A\",\"title\":\"VPN drops\"}\n"
            + "{\"id\":\"B\",\"title\":\"trigger\"}\n"
            + "{\"id\":\"C\",\"title\":\"Printer jam\"}\n");
  }

  @Test
  void aRecursingRule_failsItsLine_andTheRunGoesOn() throws IOException {
    Path rules = rules("deep.drl", "TicketFact(title == \"trigger\")",
        "decide.tag(\"d\" + deeper(0), \"never\");");

    Cli r = Cli.run("triage", "--rules", rules.toString(), "--input", input().toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out().lines().map(l -> l.substring(0, 10)).toList())
        .containsExactly("{\"id\":\"A\",", "{\"id\":\"C\",");
    assertThat(r.err()).startsWith("line 2: rule 'Hostile' (" + rules + ":5) threw"
        + " java.lang.StackOverflowError");
  }

  @Test
  void aRuleThatThrows_failsItsLine_withTheLineOfTheCode() throws IOException {
    Path rules = rules("npe.drl", "TicketFact(title == \"trigger\")",
        "String s = null; s.length();");

    Cli r = Cli.run("triage", "--rules", rules.toString(), "--input", input().toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out().lines()).hasSize(2);
    assertThat(r.err()).startsWith("line 2: rule 'Hostile' (" + rules + ":12) threw"
        + " java.lang.NullPointerException");
  }

  @Test
  void aConditionThatFailsOnEveryTicket_failsEveryLine_andExits1() throws IOException {
    Path rules = rules("many.drl", "TicketFact(affectedUsers == \"many\")", "");

    Cli r = Cli.run("triage", "--rules", rules.toString(), "--input", input().toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().filter(l -> l.startsWith("line ")).toList()).hasSize(3)
        .allMatch(l -> l.contains("rule 'Hostile' (" + rules + ":10): a condition failed"));
  }

  @Test
  void aRuleThatWouldExitTheJvm_isACompileError_andNothingIsTriaged() throws IOException {
    Path rules = rules("exit.drl", "TicketFact()", "System.exit(0);");

    Cli r = Cli.run("triage", "--rules", rules.toString(), "--input", input().toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith(rules + ":12:?: rule \"Hostile\" calls"
        + " java.lang.System.exit(int), which rule code may not use")
        .endsWith("itsm: rules do not compile (1 problem)\n");
  }

  @Test
  void aSlowRule_isStoppedByTheTimeBudget_andTheRunGoesOn() throws IOException {
    Path rules = rules("slow.drl", "TicketFact(title == \"trigger\")",
        "long n = 0; for (long i = 0; i < 3_000_000_000L; i++) { n += i % 7; }"
            + " decide.tag(\"n\" + n, \"slow\");");

    // past the warm-up (the first runs of a rule set get at least 5 s, which this loop may not
    // need on a fast core): 120 tickets, then the slow one, then one more
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 120; i++) {
      lines.append("{\"id\":\"F").append(i).append("\",\"title\":\"Printer jam\"}\n");
    }
    lines.append("{\"id\":\"B\",\"title\":\"trigger\"}\n{\"id\":\"C\",\"title\":\"VPN drops\"}\n");
    Path input = Files.writeString(dir.resolve("warm.jsonl"), lines);

    Cli r = Cli.run("triage", "--rules", rules.toString(), "--time-budget", "100", "--input",
        input.toString(), "--threads", "1");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.out().lines()).hasSize(121);
    assertThat(r.err()).contains("line 121: the triage on B ran longer than its time budget",
        "in rule 'Hostile' (" + rules + ":7)");
  }

  @Test
  void trustRules_letsRuleCodeCallAnything() throws IOException {
    Path rules = rules("env.drl", "TicketFact(title == \"trigger\")",
        "decide.tag(\"home \" + (System.getenv(\"HOME\") != null), \"env\");");

    assertThat(Cli.run("validate", "--rules", rules.toString()).exitCode()).isEqualTo(1);
    Cli trusted = Cli.run("triage", "--trust-rules", "--rules", rules.toString(), "--input",
        input().toString());
    assertThat(trusted.exitCode()).as(trusted.err()).isZero();
    assertThat(trusted.out()).contains("\"home true\"");
  }
}
