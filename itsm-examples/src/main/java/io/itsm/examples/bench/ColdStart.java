package io.itsm.examples.bench;

import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriagePolicy;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.TriageEngine;
import java.lang.management.ManagementFactory;
import java.util.Set;

/**
 * Cold start: a fresh JVM that builds the default packs and triages one ticket, then exits. It
 * prints the milliseconds from the JVM's start to the first decision; measure the whole process
 * from outside as well:
 *
 * <pre>
 * time java -cp itsm-examples/target/itsm.jar io.itsm.examples.bench.ColdStart
 * time java -cp itsm-examples/target/itsm.jar io.itsm.examples.bench.ColdStart --baseline
 * time java -cp itsm-examples/target/itsm.jar io.itsm.examples.bench.ColdStart --rules 1000
 * </pre>
 *
 * <p>{@code --baseline} uses {@link HandWrittenTriage}; {@code --rules N} adds a team file of N
 * generated rules (one keyword phrase each) to the default packs.
 */
public final class ColdStart {

  private ColdStart() {}

  /**
   * A team rule file of generated rules, each tagging tickets whose caller has one department.
   *
   * @param n how many rules
   * @return the DRL text
   */
  public static String teamRules(int n) {
    StringBuilder drl = new StringBuilder("package team.generated;\n"
        + "import io.itsm.core.triage.TriageAttribute;\n"
        + "import io.itsm.rules.facts.TicketFact;\n"
        + "global io.itsm.rules.facts.Decisions decisions;\n");
    for (int i = 0; i < n; i++) {
      drl.append("rule \"Department ").append(i).append(" is tagged\"\n")
          .append("  ruleflow-group \"route\"\nwhen\n")
          .append("  TicketFact(department == \"dept-").append(i).append("\")\nthen\n")
          .append("  decisions.tag(\"dept-").append(i).append("\", \"department dept-").append(i)
          .append("\");\nend\n");
    }
    return drl.toString();
  }

  /**
   * Builds the policy, triages one ticket and prints the time since the JVM started.
   *
   * @param args {@code --baseline}, or {@code --rules N}, or nothing
   */
  public static void main(String[] args) {
    TriagePolicy policy;
    String what;
    if (args.length > 0 && args[0].equals("--baseline")) {
      policy = HandWrittenTriage.withDefaults(Set.of(), Set.of());
      what = "hand-written baseline";
    } else if (args.length > 1 && args[0].equals("--rules")) {
      int n = Integer.parseInt(args[1]);
      policy = TriageEngine.builder().addRules("generated.drl", teamRules(n)).build();
      what = "default packs + " + n + " team rules";
    } else {
      policy = TriageEngine.withDefaults();
      what = "default packs";
    }
    TriageResult r = policy.triage(Ticket.builder().title("VPN drops every few minutes")
        .caller(Caller.of("u1").withDepartment("dept-7")).build());
    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println(what + ": first decision " + r.category().orElse("?") + "/"
        + r.priority().map(Enum::name).orElse("?") + " " + ms + " ms after JVM start");
  }
}
