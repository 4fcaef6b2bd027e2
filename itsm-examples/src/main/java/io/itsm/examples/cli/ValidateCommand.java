package io.itsm.examples.cli;

import io.itsm.rules.TriageEngine;
import io.itsm.rules.testkit.RuleValidation;
import io.itsm.rules.testkit.Scenario;
import io.itsm.rules.testkit.ScenarioFormatException;
import io.itsm.rules.testkit.Scenarios;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code itsm validate}: compiles the rules (the default packs and the given files), then runs
 * them over a built-in sample of tickets (every channel, type and language, edge values) and the
 * team's scenarios when given, and reports every problem as {@code file:line:col: message} (compile)
 * or {@code file:line: rule 'x' fails on ...} (run time), or {@code OK: 25 rules in 4 packs + 1
 * file; 62 tickets triaged}.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Compile the rules and print each problem as file:line:col: message ('?' when unknown).",
      "Then triage a built-in sample of tickets (and --scenarios' tickets) and print each rule that"
          + " fails at run time as file:line: rule 'x' fails on ...",
      "On success print how many rules were loaded from how many packs and files."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the rules compile and triage every sample ticket",
      "1:the rules do not compile, or fail on a ticket",
      "2:usage error",
      "3:a rule or scenario file cannot be read"
    })
final class ValidateCommand extends Subcommand {

  @Mixin RuleOptions ruleOptions;

  @Option(
      names = "--scenarios",
      paramLabel = "FILE|DIR",
      description = "Also triage the tickets of these scenario files (.json, or a directory).")
  Path scenarios;

  @Override
  int execute() {
    List<RuleOptions.RuleFile> files = ruleOptions.readFiles();
    List<Scenario> loaded = List.of();
    if (scenarios != null) {
      if (!Files.exists(scenarios)) {
        throw new CliException(
            ItsmCommand.EXIT_IO, "cannot read scenarios " + scenarios + ": no such file");
      }
      try {
        loaded = Scenarios.load(scenarios);
      } catch (ScenarioFormatException e) {
        throw new CliException(ItsmCommand.EXIT_FAILURES, e.getMessage());
      } catch (UncheckedIOException e) {
        throw CliException.cannotRead("scenarios", scenarios.toString(), e.getCause());
      }
    }
    TriageEngine engine = ruleOptions.build(files, java.time.Clock.systemUTC(), err());
    RuleValidation validation = RuleValidation.run(engine, loaded);
    if (!validation.passed()) {
      validation.failures().forEach(f -> err().println(f));
      int n = validation.failures().size();
      throw new CliException(ItsmCommand.EXIT_FAILURES, "the rules compile but fail at run time ("
          + n + (n == 1 ? " problem" : " problems") + " on " + validation.ticketsTried()
          + " tickets)");
    }
    int rules = engine.ruleNames().size();
    int packs = ruleOptions.packCount();
    out().println("OK: " + plural(rules, "rule") + " in " + plural(packs, "pack") + " + "
        + plural(files.size(), "file") + "; " + plural(validation.ticketsTried(), "ticket")
        + " triaged");
    return ItsmCommand.EXIT_OK;
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
