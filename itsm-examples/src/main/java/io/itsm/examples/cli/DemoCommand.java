package io.itsm.examples.cli;

import io.itsm.core.ItsmException;
import io.itsm.core.incident.Ticket;
import io.itsm.core.json.JsonFormatException;
import io.itsm.examples.demo.LifecycleDemo;
import io.itsm.examples.demo.SampleTickets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code itsm demo}: runs {@link LifecycleDemo} over the bundled sample tickets (or {@code
 * --input}) and prints the timelines and the summary.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run 50 bundled sample tickets through the whole lifecycle with the default rules: log,"
          + " triage, work, on hold, approval (one rejected), resolve, confirm (one reopened, one"
          + " auto-closed after 7 days).",
      "Prints timelines of interesting incidents and a summary; the output is the same every run."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:a ticket of --input is invalid (the demo stops at the first bad line)",
      "2:usage error",
      "3:--input cannot be read"
    })
final class DemoCommand extends Subcommand {

  @Option(
      names = "--input",
      paramLabel = "FILE|-",
      description = "Tickets as JSON Lines instead of the bundled samples; '-' reads standard input.")
  String input;

  @Option(
      names = "--store",
      paramLabel = "URL|memory",
      description = "Where the desk keeps its incidents: a JDBC URL (jdbc:h2:./desk,"
          + " jdbc:postgresql://host/db?user=u) of a store that holds no incidents yet, or"
          + " 'memory'. Default: the H2 file " + Stores.DEMO_DEFAULT + " (./itsm-demo/desk.mv.db),"
          + " made afresh on every run.")
  String store;

  @Override
  int execute() {
    List<Ticket> tickets = input == null ? SampleTickets.load() : readInput();
    try {
      if ("memory".equals(store)) {
        new LifecycleDemo(tickets).run(out());
      } else {
        DemoStore.run(tickets, store, out());
      }
    } catch (ItsmException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, "the demo failed: " + e.getMessage());
    }
    return ItsmCommand.EXIT_OK;
  }

  private List<Ticket> readInput() {
    try (InputStream in = input.equals("-") ? parent.stdin() : Files.newInputStream(Path.of(input))) {
      return SampleTickets.read(in);
    } catch (JsonFormatException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES,
          "line " + e.getLine().orElse(0) + ": " + e.getProblem());
    } catch (UncheckedIOException e) {
      throw CliException.cannotRead("input file", input, e.getCause());
    } catch (IOException e) {
      throw CliException.cannotRead("input file", input, e);
    }
  }
}
