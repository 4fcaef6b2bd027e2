package io.itsm.examples.bench;

import io.itsm.core.incident.Ticket;
import io.itsm.core.json.DecisionWriter;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.json.TicketLine;
import io.itsm.core.json.TicketReader;
import io.itsm.core.triage.TriagePolicy;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The baseline of the command-line measure: a process that streams a JSON Lines file of tickets
 * through {@link HandWrittenTriage} and writes the same lines as {@code itsm triage --input FILE
 * --output FILE} with the default packs. It reads with the same {@link TicketReader} and writes
 * with the command line's own {@link DecisionWriter}, on one thread (the baseline needs no more).
 * {@code BaselineTriageCliTest} checks that the output is byte for byte the command's.
 *
 * <pre>
 * java -cp itsm-examples/target/itsm.jar io.itsm.examples.bench.BaselineTriageCli IN.jsonl OUT.jsonl
 * </pre>
 *
 * <p>A line that is not a valid ticket is reported on standard error as {@code line N: problem}
 * and skipped (exit code 1), as the command does. A benchmark tool, not part of the command line.
 *
 * <p>Not thread-safe.
 */
public final class BaselineTriageCli {

  private BaselineTriageCli() {}

  /**
   * Triages {@code args[0]} into {@code args[1]} and exits with 0, or 1 if there were bad lines.
   *
   * @param args the input and the output file
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: BaselineTriageCli INPUT.jsonl OUTPUT.jsonl");
      System.exit(2);
    }
    long bad = run(Path.of(args[0]), Path.of(args[1]), System.err);
    System.exit(bad == 0 ? 0 : 1);
  }

  /**
   * Triages every ticket of {@code input} with the hand-written default packs and writes one
   * decision line per ticket to {@code output}, in input order.
   *
   * @param input tickets as JSON Lines, UTF-8
   * @param output where the decisions go (replaced)
   * @param err where bad lines are reported
   * @return the number of bad lines
   * @throws IOException if a file cannot be read or written
   */
  public static long run(Path input, Path output, PrintStream err) throws IOException {
    TriagePolicy policy = HandWrittenTriage.withDefaults(Set.of(), Set.of());
    long bad = 0;
    try (InputStream in = Files.newInputStream(input);
        TicketReader reader = ItsmJson.defaults().ticketReader(in);
        Writer out = new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8));
        DecisionWriter writer = new DecisionWriter(out)) {
      while (reader.hasNext()) {
        TicketLine line = reader.next();
        if (line instanceof TicketLine.Failed f) {
          bad++;
          writer.flush();
          err.println("line " + f.lineNumber() + ": " + f.error().getProblem());
          continue;
        }
        Ticket ticket = ((TicketLine.Parsed) line).value();
        writer.write(DecisionWriter.idOf(ticket, line.lineNumber()), policy.triage(ticket));
      }
    }
    return bad;
  }
}
