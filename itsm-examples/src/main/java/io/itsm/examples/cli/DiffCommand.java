package io.itsm.examples.cli;

import io.itsm.core.json.ItsmJson;
import io.itsm.core.json.TicketReader;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.testkit.WhatIf;
import io.itsm.rules.testkit.WhatIfReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code itsm diff}: what-if. Triages past tickets with the base rules and with the candidate
 * rules and reports what would change: counts per attribute and per transition, and the first
 * changed tickets with both explanations.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "What-if: triage tickets (JSON Lines) with the base rules (--base-rules, default packs"
          + " included unless --base-no-defaults) and the candidate rules (--rules, --no-defaults),"
          + " and report what would change.",
      "Changes are not failures: the exit code is 0 unless lines are bad or rules fail."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:compared (with or without changes)",
      "1:bad input lines or triage failures (reported, the comparison goes on), or rules do not"
          + " compile",
      "2:usage error",
      "3:a file cannot be read"
    })
final class DiffCommand extends Subcommand {

  @Option(
      names = "--base-rules",
      paramLabel = "FILE|DIR",
      description = "The current rules: a .drl file or a directory of them. Repeatable.")
  List<Path> baseRules = new ArrayList<>();

  @Option(names = "--base-no-defaults", description = "The base leaves out the default packs.")
  boolean baseNoDefaults;

  @Mixin RuleOptions ruleOptions;

  @Mixin NowOption nowOption;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE|-",
      description = "Past tickets as JSON Lines; '-' reads standard input.")
  String input;

  @Option(names = "--json", description = "Print the report as JSON instead of text.")
  boolean json;

  @Option(
      names = "--examples",
      paramLabel = "N",
      defaultValue = "5",
      description = "How many changed tickets to show with both explanations (default ${DEFAULT-VALUE}).")
  int examples;

  @Override
  int execute() {
    if (examples < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--examples must be at least 0, but was " + examples);
    }
    TriageEngine base =
        ruleOptions.buildBase(baseNoDefaults, RuleOptions.readFiles(baseRules), nowOption.clock(),
            err());
    TriageEngine candidate = ruleOptions.build(ruleOptions.readFiles(), nowOption.clock(), err());
    WhatIfReport report;
    try (InputStream in = openInput();
        TicketReader reader = ItsmJson.defaults().ticketReader(in)) {
      report = WhatIf.compare(base, candidate, reader, examples);
    } catch (UncheckedIOException e) {
      throw CliException.cannotRead("input", input, e.getCause());
    } catch (IOException e) {
      throw CliException.cannotRead("input", input, e);
    }
    out().println(json ? report.toJson() : report.toText());
    return report.badLineCount() == 0 && report.failureCount() == 0
        ? ItsmCommand.EXIT_OK
        : ItsmCommand.EXIT_FAILURES;
  }

  private InputStream openInput() throws IOException {
    if (input.equals("-")) {
      return parent.stdin();
    }
    try {
      return Files.newInputStream(Path.of(input));
    } catch (IOException e) {
      throw CliException.cannotRead("input file", input, e);
    }
  }
}
