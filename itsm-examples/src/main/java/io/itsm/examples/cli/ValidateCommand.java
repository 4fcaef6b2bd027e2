package io.itsm.examples.cli;

import io.itsm.rules.TriageEngine;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code itsm validate}: compiles the rules (the default packs and the given files) and reports
 * every problem as {@code file:line:col: message}, or {@code OK: 25 rules in 4 packs + 1 file}.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Compile the rules and print each problem as file:line:col: message ('?' when unknown).",
      "On success print how many rules were loaded from how many packs and files."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the rules compile",
      "1:the rules do not compile",
      "2:usage error",
      "3:a rule file cannot be read"
    })
final class ValidateCommand extends Subcommand {

  @Mixin RuleOptions ruleOptions;

  @Override
  int execute() {
    List<RuleOptions.RuleFile> files = ruleOptions.readFiles();
    TriageEngine engine = ruleOptions.build(files, java.time.Clock.systemUTC(), err());
    int rules = engine.ruleNames().size();
    int packs = ruleOptions.packCount();
    out().println("OK: " + plural(rules, "rule") + " in " + plural(packs, "pack") + " + "
        + plural(files.size(), "file"));
    return ItsmCommand.EXIT_OK;
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
