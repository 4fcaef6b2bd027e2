package io.itsm.examples.cli;

import io.itsm.core.ItsmException;
import io.itsm.importer.ColumnMapping;
import io.itsm.importer.HistoryImport;
import io.itsm.importer.ImportSummary;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code itsm import}: imports an incident audit export into a store by replaying each incident
 * through the desk's lifecycle, and prints what was imported, refused and how it compares.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import real incident history by replaying each incident through the lifecycle: a"
          + " ServiceNow incident audit export (--format servicenow-events) or any CSV with a"
          + " column mapping file (--format csv --mapping FILE).",
      "Rows the lifecycle refuses are reported with their line and reason; the rest goes on. See"
          + " docs/import.md."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:imported (refused rows are listed, not an error)",
        "1:the export or the mapping is invalid (a required column missing, bad mapping)",
        "2:usage error", "3:a file or the store cannot be read or written"})
final class ImportCommand extends Subcommand {

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "servicenow-events or csv.")
  String format;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "The export (UTF-8 CSV).")
  Path input;

  @Option(names = "--mapping", paramLabel = "FILE",
      description = "The column mapping of a csv export (a properties file; see docs/import.md).")
  Path mapping;

  @Option(names = "--store", required = true, paramLabel = "URL|FILE.jsonl",
      description = "Where to import: a JDBC URL (itsm-jdbc) or a new history file *.jsonl.")
  String store;

  @Option(names = "--reopen-window", defaultValue = "P30D", paramLabel = "DURATION",
      description = "How long after closing an incident may be reopened, ISO-8601 (default: ${DEFAULT-VALUE}).")
  String reopenWindow;

  @Option(names = "--show", defaultValue = "20", paramLabel = "N",
      description = "How many refused rows to list with their message (default: ${DEFAULT-VALUE}).")
  int show;

  @Override
  int execute() {
    ColumnMapping m = switch (format) {
      case "servicenow-events" -> ColumnMapping.serviceNow();
      case "csv" -> {
        if (mapping == null) {
          throw new CliException(ItsmCommand.EXIT_USAGE, "--format csv needs --mapping FILE naming"
              + " the columns and values (see docs/import.md)");
        }
        try {
          yield ColumnMapping.load(mapping);
        } catch (UncheckedIOException e) {
          throw CliException.cannotRead("column mapping", mapping.toString(), e.getCause());
        } catch (ItsmException e) {
          throw new CliException(ItsmCommand.EXIT_FAILURES, e.getMessage());
        }
      }
      default -> throw new CliException(ItsmCommand.EXIT_USAGE, "--format must be"
          + " servicenow-events or csv, but was '" + format + "'");
    };
    if (!Files.isRegularFile(input)) {
      throw new CliException(ItsmCommand.EXIT_IO, "cannot read input file " + input + ": no such file");
    }
    Duration window;
    try {
      window = Duration.parse(reopenWindow);
    } catch (DateTimeParseException e) {
      throw new CliException(ItsmCommand.EXIT_USAGE, "--reopen-window must be an ISO-8601 duration"
          + " such as P30D, but was '" + reopenWindow + "'");
    }
    ImportSummary s;
    try (HistoryStores.Opened target = HistoryStores.forWriting(store)) {
      s = HistoryImport.builder(m).repository(target.repository()).reopenWindow(window)
          .sourceName(format.equals("csv") ? "the export" : "servicenow").build().run(input);
      target.commit();
    } catch (UncheckedIOException e) {
      throw CliException.cannotRead("input file", input.toString(), e.getCause());
    } catch (ItsmException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, e.getMessage());
    }
    out().println(s.describe());
    if (!s.rejections().isEmpty() && show > 0) {
      out().println("first refused rows:");
      s.rejections().stream().limit(show).forEach(r -> out().println("  " + r.message()));
    }
    out().println("stored in " + store);
    return ItsmCommand.EXIT_OK;
  }
}
