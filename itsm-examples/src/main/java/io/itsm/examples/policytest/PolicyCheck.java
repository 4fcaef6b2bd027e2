package io.itsm.examples.policytest;

import io.itsm.examples.customrules.CustomRulesExample;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.testkit.ScenarioReport;
import io.itsm.rules.testkit.ScenarioRunner;
import java.nio.file.Path;

/**
 * A team's triage policy — the default packs plus {@code vip-routing.drl} — checked against its
 * scenario files, as a build step or a pre-deploy check would. The same scenarios run as JUnit
 * tests in {@code VipPolicyTest}.
 *
 * <p>Run from the {@code itsm-examples} directory: {@code java -cp target/itsm.jar
 * io.itsm.examples.policytest.PolicyCheck scenarios}. Exits 1 when a scenario fails.
 */
public final class PolicyCheck {

  private PolicyCheck() {}

  /**
   * The policy under test.
   *
   * @return the engine
   */
  public static TriageEngine policy() {
    return CustomRulesExample.vipRouting();
  }

  /**
   * Runs the scenarios of a file or directory.
   *
   * @param scenarios the file or directory
   * @return the report
   */
  public static ScenarioReport check(Path scenarios) {
    return new ScenarioRunner(policy()).run(scenarios);
  }

  /**
   * Runs the check and prints the report.
   *
   * @param args the scenario file or directory; default {@code scenarios}
   */
  public static void main(String[] args) {
    ScenarioReport report = check(Path.of(args.length > 0 ? args[0] : "scenarios"));
    System.out.println(report.toText());
    if (!report.allPassed()) {
      System.exit(1);
    }
  }
}
