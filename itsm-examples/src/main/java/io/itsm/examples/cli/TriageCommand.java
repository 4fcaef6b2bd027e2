package io.itsm.examples.cli;

import io.itsm.core.ItsmException;
import io.itsm.core.incident.Ticket;
import io.itsm.core.json.DecisionWriter;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.json.TicketLine;
import io.itsm.core.json.TicketReader;
import io.itsm.core.triage.TriageOutcome;
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
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code itsm triage}: reads tickets as JSON Lines, triages them with the rules in bulk ({@link
 * TriageEngine#triageAll(List)}, batches of {@value #BATCH} lines, one batch per thread at a time),
 * and writes one decision per ticket as JSON Lines, in input order. Streams: at most {@code 2 ×
 * threads} batches are in flight, so memory does not grow with the input. Bulk triage decides and
 * explains exactly as one triage per ticket.
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

  /** How many input lines go to the engine at once. */
  static final int BATCH = 500;

  /** How often {@code --progress} reports. */
  static final int PROGRESS_EVERY = 10_000;

  /** At most how many batches are read ahead while the engine is being built. */
  static final int EARLY_BATCHES = 16;

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
    List<RuleOptions.RuleFile> files = ruleOptions.readFiles();
    Clock clock = nowOption.clock();
    // the engine is built on a thread of its own while this one opens the input and reads the
    // first batches. What can fail is reported in the order of old, when the engine was built
    // first: the rules (or a bad option), then the input, then the output, then reading; and the
    // output file is only opened (created, emptied) once the engine is built
    FutureTask<TriageEngine> building =
        new FutureTask<>(() -> ruleOptions.build(files, clock, err()));
    Thread builder = new Thread(building, "itsm-triage-build");
    builder.setDaemon(true);
    builder.start();
    InputStream in;
    try {
      in = openInput();
    } catch (RuntimeException e) {
      join(building);
      throw e;
    }
    TicketReader reader = ItsmJson.defaults().ticketReader(in);
    Deque<List<TicketLine>> early = new ArrayDeque<>();
    RuntimeException readFailure = null;
    try {
      // read ahead while the engine is built, at most EARLY_BATCHES (memory stays bounded)
      while (!building.isDone() && early.size() < EARLY_BATCHES && reader.hasNext()) {
        early.add(nextBatch(reader));
      }
    } catch (RuntimeException e) {
      readFailure = e;
    }
    TriageEngine engine;
    Writer out;
    try {
      engine = join(building);
      out = openOutput();
    } catch (RuntimeException | Error e) {
      closeQuietly(reader);
      throw e;
    }
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "itsm-triage");
      t.setDaemon(true);
      return t;
    });
    // a bounded window of batches in flight keeps memory constant and the output in input order
    Deque<Future<List<Outcome>>> window = new ArrayDeque<>();
    int windowSize = n * 2;
    Counts counts = new Counts();
    long start = System.nanoTime();
    try (TicketReader lines = reader;
        DecisionWriter writer = new DecisionWriter(out)) {
      if (readFailure != null) {
        throw readFailure;
      }
      while (!early.isEmpty() || lines.hasNext()) {
        List<TicketLine> batch = early.isEmpty() ? nextBatch(lines) : early.poll();
        window.add(pool.submit(() -> triage(engine, batch)));
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

  private static List<TicketLine> nextBatch(TicketReader reader) {
    List<TicketLine> batch = new ArrayList<>(BATCH);
    while (batch.size() < BATCH && reader.hasNext()) {
      batch.add(reader.next());
    }
    return batch;
  }

  private static void closeQuietly(TicketReader reader) {
    try {
      reader.close();
    } catch (IOException | RuntimeException e) {
      // the failure being reported is the one that matters
    }
  }

  private static final class Counts {
    long triaged;
    long bad;
  }

  /** Writes the next batch's outcomes in order; returns false when --fail-fast stops the run. */
  private boolean emit(Future<List<Outcome>> next, DecisionWriter writer, Counts counts)
      throws IOException {
    for (Outcome o : join(next)) {
      if (o.problem() == null) {
        writer.write(o.id(), o.result());
        counts.triaged++;
        if (progress && counts.triaged % PROGRESS_EVERY == 0) {
          writer.flush();
          err().printf(Locale.ROOT, "itsm: %,d tickets triaged%n", counts.triaged);
          err().flush();
        }
        continue;
      }
      counts.bad++;
      writer.flush();
      err().println("line " + o.lineNumber() + ": " + o.problem());
      if (failFast) {
        err().println("itsm: stopped at line " + o.lineNumber() + " (--fail-fast)");
        return false;
      }
    }
    return true;
  }

  /** Waits for work of another thread; rethrows what it threw, as it was thrown. */
  private static <T> T join(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ItsmCommand.EXIT_FAILURES, "interrupted");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }

  /**
   * Triages one batch of lines (on a worker thread): the valid tickets in one {@link
   * TriageEngine#triageAll(List)}; should the batch itself fail (not one ticket's rules, which
   * the outcome carries), each ticket alone, so that only its own line is bad.
   */
  private static List<Outcome> triage(TriageEngine engine, List<TicketLine> lines) {
    List<Ticket> tickets = new ArrayList<>(lines.size());
    for (TicketLine line : lines) {
      if (line instanceof TicketLine.Parsed p) {
        tickets.add(p.value());
      }
    }
    List<TriageOutcome> bulk;
    try {
      bulk = engine.triageAll(tickets);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      bulk = null;
    }
    List<Outcome> out = new ArrayList<>(lines.size());
    int next = 0;
    for (TicketLine line : lines) {
      if (line instanceof TicketLine.Failed f) {
        out.add(new Outcome(f.lineNumber(), null, null, f.error().getProblem()));
        continue;
      }
      Ticket ticket = tickets.get(next);
      String id = DecisionWriter.idOf(ticket, line.lineNumber());
      if (bulk == null) {
        out.add(triage(engine, line.lineNumber(), id, ticket));
      } else if (bulk.get(next) instanceof TriageOutcome.Failed failed) {
        out.add(new Outcome(line.lineNumber(), id, null, failed.failure().getMessage()));
      } else {
        out.add(new Outcome(line.lineNumber(), id, bulk.get(next).orElseThrow(), null));
      }
      next++;
    }
    return out;
  }

  /** Triages one ticket alone. */
  private static Outcome triage(TriageEngine engine, long lineNumber, String id, Ticket ticket) {
    try {
      return new Outcome(lineNumber, id, engine.triage(ticket), null);
    } catch (ItsmException e) {
      return new Outcome(lineNumber, id, null, e.getMessage());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // the engine turns every failure of rule code into RuleExecutionException; anything else
      // is still one bad line, never the end of the run
      return new Outcome(lineNumber, id, null, "internal error: " + e);
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
