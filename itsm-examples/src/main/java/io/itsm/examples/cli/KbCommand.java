package io.itsm.examples.cli;

import java.io.InputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code itsm kb}: the knowledge base from the command line, over a knowledge file (JSON Lines,
 * one article history a line, as {@code kb export} writes it) or the bundled sample articles:
 * {@code search}, {@code import}, {@code export}.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "kb",
    mixinStandardHelpOptions = true,
    description = {
      "Search, import and export knowledge articles (SOPs, known errors, FAQs, how-tos).",
      "A knowledge file is JSON Lines, one article's history a line (docs/knowledge.md);"
          + " without --kb the bundled sample articles are used."
    },
    subcommands = {KbSearchCommand.class, KbImportCommand.class, KbExportCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:bad lines in a file (nothing imported)",
      "2:usage error",
      "3:a file cannot be read or written"
    })
final class KbCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand ItsmCommand parent;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing required subcommand: search, import or export");
  }

  InputStream stdin() {
    return parent.stdin();
  }
}
