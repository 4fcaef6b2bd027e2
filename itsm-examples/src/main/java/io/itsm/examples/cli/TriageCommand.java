package io.itsm.examples.cli;

import io.itsm.core.ItsmException;
import io.itsm.core.incident.Ticket;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.json.TicketLine;
import io.itsm.core.json.TicketReader;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.TriageEngine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code itsm triage}: reads tickets as JSON Lines, triages each with the rules, and writes one
 * decision per ticket as JSON Lines, in input order. Streams: at most {@code 64 × threads}
 * tickets are in flight, so memory does not grow with the input.
 *
 * <p>A line that is not a valid ticket, or on which a rule fails (it throws, loops, or runs past
 * the time budget), is reported on standard error as {@code line N: problem} and skipped; the run
 * goes on with the next line and the exit code is then 1, so a run never ends with 0 while
 * tickets are missing from the output. With {@code --fail-fast} the first such line stops the run.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "triage",
    mixinStandardHelpOptions = true,
    description = {
      "Triage tickets (JSON Lines) and write one decision per ticket (JSON Lines), in input order.",
      "A decision's id is the ticket's id, or line-N (its line number) when it has none.",
      "Bad lines are reported on stderr as 'line N: problem' and skipped (exit 1)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every ticket triaged",
      "1:bad lines (skipped, or the run stopped with --fail-fast), or rules do not compile",
      "2:usage error",
      "3:a file cannot be read or written"
    })
final class TriageCommand extends Subcommand {

  /** How often {@code --progress} reports. */
  static final int PROGRESS_EVERY = 10_000;

  @Mixin RuleOptions ruleOptions;

  @Mixin NowOption nowOption;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE|-",
      description = "Tickets as JSON Lines, UTF-8; '-' reads standard input.")
  String input;

  @Option(
      names = "--output",
      paramLabel = "FILE|-",
      defaultValue = "-",
      description = "Where decisions go; '-' (the default) is standard output.")
  String output;

  @Option(names = "--fail-fast", description = "Stop at the first bad line (exit 1).")
  boolean failFast;

  @Option(
      names = "--progress",
      description = "Report on stderr every " + PROGRESS_EVERY + " tickets, and a total at the end.")
  boolean progress;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Triage on N threads (default: the number of processors); output order is"
          + " input order either way.")
  Integer threads;

  /** One input line after triage: the result, or the problem that makes it a bad line. */
  private record Outcome(long lineNumber, String id, TriageResult result, String problem) {}

  @Override
  int execute() {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--threads must be at least 1, but was " + n);
    }
    TriageEngine engine = ruleOptions.build(ruleOptions.readFiles(), nowOption.clock(), err());
    InputStream in = openInput();
    Writer out = openOutput();
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "itsm-triage");
      t.setDaemon(true);
      return t;
    });
    // a bounded window of tickets in flight keeps memory constant and the output in input order
    Deque<Future<Outcome>> window = new ArrayDeque<>();
    int windowSize = n * 64;
    Counts counts = new Counts();
    long start = System.nanoTime();
    try (TicketReader reader = ItsmJson.defaults().ticketReader(in);
        DecisionWriter writer = new DecisionWriter(out)) {
      while (reader.hasNext()) {
        TicketLine line = reader.next();
        window.add(pool.submit(() -> triage(engine, line)));
        if (window.size() >= windowSize && !emit(window.poll(), writer, counts)) {
          return ItsmCommand.EXIT_FAILURES;
        }
      }
      while (!window.isEmpty()) {
        if (!emit(window.poll(), writer, counts)) {
          return ItsmCommand.EXIT_FAILURES;
        }
      }
    } catch (UncheckedIOException e) {
      throw CliException.cannotRead("input", input, e.getCause());
    } catch (IOException e) {
      throw CliException.cannotWrite("output", output, e);
    } finally {
      pool.shutdownNow();
      closeOutput(out);
    }
    if (progress) {
      err().printf(Locale.ROOT, "itsm: %,d tickets triaged, %,d bad lines, in %.1f s%n",
          counts.triaged, counts.bad, (System.nanoTime() - start) / 1e9);
    }
    return counts.bad == 0 ? ItsmCommand.EXIT_OK : ItsmCommand.EXIT_FAILURES;
  }

  private static final class Counts {
    long triaged;
    long bad;
  }

  /** Writes the next outcome in order; returns false when --fail-fast stops the run. */
  private boolean emit(Future<Outcome> next, DecisionWriter writer, Counts counts)
      throws IOException {
    Outcome o = join(next);
    if (o.problem() == null) {
      writer.write(o.id(), o.result());
      counts.triaged++;
      if (progress && counts.triaged % PROGRESS_EVERY == 0) {
        writer.flush();
        err().printf(Locale.ROOT, "itsm: %,d tickets triaged%n", counts.triaged);
        err().flush();
      }
      return true;
    }
    counts.bad++;
    writer.flush();
    err().println("line " + o.lineNumber() + ": " + o.problem());
    if (failFast) {
      err().println("itsm: stopped at line " + o.lineNumber() + " (--fail-fast)");
      return false;
    }
    return true;
  }

  private static Outcome join(Future<Outcome> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ItsmCommand.EXIT_FAILURES, "interrupted");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw c instanceof RuntimeException r ? r : new IllegalStateException(c);
    }
  }

  /** Triages one line (on a worker thread). */
  private static Outcome triage(TriageEngine engine, TicketLine line) {
    if (line instanceof TicketLine.Failed f) {
      return new Outcome(f.lineNumber(), null, null, f.error().getProblem());
    }
    Ticket ticket = ((TicketLine.Parsed) line).value();
    String id = DecisionWriter.idOf(ticket, line.lineNumber());
    try {
      return new Outcome(line.lineNumber(), id, engine.triage(ticket), null);
    } catch (ItsmException e) {
      return new Outcome(line.lineNumber(), id, null, e.getMessage());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // the engine turns every failure of rule code into RuleExecutionException; anything else
      // is still one bad line, never the end of the run
      return new Outcome(line.lineNumber(), id, null, "internal error: " + e);
    }
  }

  private InputStream openInput() {
    if (input.equals("-")) {
      return parent.stdin();
    }
    try {
      return Files.newInputStream(Path.of(input));
    } catch (IOException e) {
      throw CliException.cannotRead("input file", input, e);
    }
  }

  private Writer openOutput() {
    if (output.equals("-")) {
      return out();
    }
    try {
      return new BufferedWriter(Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw CliException.cannotWrite("output file", output, e);
    }
  }

  private void closeOutput(Writer w) {
    try {
      if (w == out()) {
        w.flush();
      } else {
        w.close();
      }
    } catch (IOException e) {
      throw CliException.cannotWrite("output file", output, e);
    }
  }
}
