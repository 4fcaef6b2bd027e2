package io.itsm.examples.bench;

import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriagePolicy;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.TriageEngine;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * time java -cp itsm-examples/target/itsm.jar io.itsm.examples.bench.ColdStart --baseline --rules 1000
 * time java -cp itsm-examples/target/itsm.jar io.itsm.examples.bench.ColdStart --rules 1000 --cache DIR
 * </pre>
 *
 * <p>{@code --baseline} uses {@link HandWrittenTriage}; {@code --rules N} adds a team file of N
 * generated rules ({@link #teamRules(int)}, each tagging one caller department) to the default
 * packs, or with {@code --baseline} their hand-written equivalent ({@link #teamTags(int)}, a
 * department → tag map). {@code --cache DIR} keeps the compiled team rules in {@code DIR} ({@link
 * TriageEngine.Builder#compiledRulesCache(Path)}): the first start stores them, later starts read
 * them back. {@link BenchSuite} runs these as child processes and times the whole process from
 * outside.
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
        + "global io.itsm.rules.facts.RuleDecisions decide;\n");
    for (int i = 0; i < n; i++) {
      drl.append("rule \"Department ").append(i).append(" is tagged\"\n")
          .append("  ruleflow-group \"route\"\nwhen\n")
          .append("  TicketFact(department == \"dept-").append(i).append("\")\nthen\n")
          .append("  decide.tag(\"dept-").append(i).append("\", \"department dept-").append(i)
          .append("\");\nend\n");
    }
    return drl.toString();
  }

  /**
   * The hand-written equivalent of {@link #teamRules(int)}: for each department {@code dept-i}
   * the rule name, tag and reason its generated rule decides.
   *
   * @param n how many rules
   * @return department → what its rule decides
   */
  public static Map<String, HandWrittenTriage.DepartmentTag> teamTags(int n) {
    Map<String, HandWrittenTriage.DepartmentTag> tags = new HashMap<>();
    for (int i = 0; i < n; i++) {
      tags.put("dept-" + i, new HandWrittenTriage.DepartmentTag(
          "Department " + i + " is tagged", "dept-" + i, "department dept-" + i, i));
    }
    return tags;
  }

  /**
   * Builds the policy, triages one ticket and prints the time since the JVM started.
   *
   * @param args {@code --baseline}, {@code --rules N} (with {@code --cache DIR}), or nothing
   */
  public static void main(String[] args) {
    List<String> a = List.of(args);
    boolean baseline = a.contains("--baseline");
    int i = a.indexOf("--rules");
    int n = i >= 0 && i + 1 < a.size() ? Integer.parseInt(a.get(i + 1)) : 0;
    TriagePolicy policy;
    String what;
    if (baseline) {
      HandWrittenTriage b = HandWrittenTriage.withDefaults(Set.of(), Set.of());
      policy = n == 0 ? b : b.withDepartmentTags(teamTags(n));
      what = "hand-written baseline" + (n == 0 ? "" : " + " + n + " department tags");
    } else if (n > 0) {
      TriageEngine.Builder b = TriageEngine.builder().addRules("generated.drl", teamRules(n));
      int c = a.indexOf("--cache");
      if (c >= 0 && c + 1 < a.size()) {
        b.compiledRulesCache(Path.of(a.get(c + 1)));
      }
      TriageEngine engine = b.build();
      policy = engine;
      what = "default packs + " + n + " team rules"
          + (c >= 0 ? " (compiled-rules cache: " + engine.ruleCacheOutcome() + ")" : "");
    } else {
      policy = TriageEngine.withDefaults();
      what = "default packs";
    }
    TriageResult r = policy.triage(Ticket.builder().title("VPN drops every few minutes")
        .caller(Caller.of("u1").withDepartment("dept-7")).build());
    // the process's start from the operating system: cheaper than the JMX runtime bean, whose
    // class loading would be part of the measure (10 ms resolution on Linux)
    long ms = System.currentTimeMillis() - ProcessHandle.current().info().startInstant()
        .map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis());
    System.out.println(what + ": first decision " + r.category().orElse("?") + "/"
        + r.priority().map(Enum::name).orElse("?") + " tags " + r.tags() + ", " + ms
        + " ms after JVM start");
  }
}
