package io.itsm.examples.cli;

import io.itsm.rules.TriageEngine;
import io.itsm.rules.testkit.CoverageScope;
import io.itsm.rules.testkit.ScenarioFormatException;
import io.itsm.rules.testkit.ScenarioOutcome;
import io.itsm.rules.testkit.ScenarioReport;
import io.itsm.rules.testkit.ScenarioRunner;
import io.itsm.rules.testkit.Scenarios;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code itsm test}: runs scenario files (given a ticket, expect category, priority, team, ... and
 * the deciding rules; format in docs/testing.md) against the rules, prints each failure with its
 * explanation and the rule coverage, and ends with {@code N passed, N failed}.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Run triage scenarios against the rules: print each failed scenario with the decisions and"
          + " the rules that made them, the rule coverage, and 'N passed, N failed'."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every scenario passed",
      "1:a scenario failed, a scenario file is invalid, or the rules do not compile",
      "2:usage error",
      "3:a rule or scenario file cannot be read"
    })
final class TestCommand extends Subcommand {

  @Mixin RuleOptions ruleOptions;

  @Mixin NowOption nowOption;

  @Option(
      names = "--scenarios",
      required = true,
      paramLabel = "FILE|DIR",
      description = "A scenario file (.json), or a directory whose *.json files are run in name order.")
  Path scenarios;

  @Option(
      names = "--all-rules",
      description = "Count every rule in the coverage, the default packs' too (default: only the"
          + " rules of your --rules files, or all rules when there are none).")
  boolean allRules;

  @Override
  int execute() {
    TriageEngine engine = ruleOptions.build(ruleOptions.readFiles(), nowOption.clock(), err());
    if (!Files.exists(scenarios)) {
      throw new CliException(
          ItsmCommand.EXIT_IO, "cannot read scenarios " + scenarios + ": no such file");
    }
    ScenarioReport report;
    try {
      report = new ScenarioRunner(engine,
          allRules ? CoverageScope.ALL_RULES : CoverageScope.TEAM_RULES)
          .run(Scenarios.load(scenarios));
    } catch (ScenarioFormatException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, e.getMessage());
    } catch (UncheckedIOException e) {
      throw CliException.cannotRead("scenarios", scenarios.toString(), e.getCause());
    }
    for (ScenarioOutcome o : report.failures()) {
      out().println(o.explain());
      out().println();
    }
    out().println(report.coverage().report());
    out().println();
    out().println(report.passed() + " passed, " + report.failed() + " failed");
    return report.allPassed() ? ItsmCommand.EXIT_OK : ItsmCommand.EXIT_FAILURES;
  }
}
