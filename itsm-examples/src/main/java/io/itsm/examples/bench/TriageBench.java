package io.itsm.examples.bench;

import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageOutcome;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.testkit.TicketGenerator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One ticket through the default packs ({@link TriageEngine}) against the same decisions written
 * by hand ({@link HandWrittenTriage}), cycling through the 5,000 tickets of {@link
 * TicketGenerator}, with one and with two threads (target: engine ≤ 1.3 × baseline), and in bulk
 * ({@link #bulk}, batches of {@value BenchSuite#BULK_BATCH}; target: ≤ 2 × baseline).
 *
 * <p>Run (after {@code mvn -B -q -pl itsm-examples -am package -DskipTests}):
 *
 * <pre>
 * java -cp itsm-examples/target/itsm.jar org.openjdk.jmh.Main TriageBench -f 1 -wi 10 -i 5
 * </pre>
 *
 * <p>The {@code *2Threads} methods run on two threads at once and report the time per operation
 * of each thread; on a 2-core machine shared with other work they also measure the machine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TriageBench {

  /** The policies and tickets, shared by all threads. */
  @State(Scope.Benchmark)
  public static class Policies {
    TriageEngine engine;
    HandWrittenTriage baseline;
    Ticket[] tickets;
    List<List<Ticket>> batches;

    /** Builds both policies and generates the tickets. */
    @Setup
    public void setUp() {
      engine =
          BenchData.generatedTicketsEngine();
      baseline =
          BenchData.generatedTicketsBaseline();
      List<Ticket> generated = TicketGenerator.generate(5_000);
      tickets = generated.toArray(new Ticket[0]);
      batches = new java.util.ArrayList<>();
      for (int from = 0; from < generated.size(); from += BenchSuite.BULK_BATCH) {
        batches.add(List.copyOf(generated.subList(from, from + BenchSuite.BULK_BATCH)));
      }
    }
  }

  /** Each thread's position in the tickets. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    Ticket next(Ticket[] tickets) {
      Ticket t = tickets[next];
      next = next + 1 == tickets.length ? 0 : next + 1;
      return t;
    }

    int nextIndex(int length) {
      int i = next;
      next = next + 1 == length ? 0 : next + 1;
      return i;
    }
  }

  /**
   * The engine, one thread.
   *
   * @param p the policies
   * @param c the cursor
   * @return the result
   */
  @Benchmark
  @Threads(1)
  public TriageResult engine(Policies p, Cursor c) {
    return p.engine.triage(c.next(p.tickets));
  }

  /**
   * The baseline, one thread.
   *
   * @param p the policies
   * @param c the cursor
   * @return the result
   */
  @Benchmark
  @Threads(1)
  public TriageResult baseline(Policies p, Cursor c) {
    return p.baseline.triage(c.next(p.tickets));
  }

  /**
   * The engine in bulk, one thread: {@link TriageEngine#triageAll(List)} on the next batch of
   * {@value BenchSuite#BULK_BATCH} tickets; the score is per ticket.
   *
   * @param p the policies
   * @param c the cursor
   * @return the outcomes
   */
  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(BenchSuite.BULK_BATCH)
  public List<TriageOutcome> bulk(Policies p, Cursor c) {
    return p.engine.triageAll(p.batches.get(c.nextIndex(p.batches.size())));
  }

  /**
   * The engine, two threads.
   *
   * @param p the policies
   * @param c the cursor
   * @return the result
   */
  @Benchmark
  @Threads(2)
  public TriageResult engine2Threads(Policies p, Cursor c) {
    return p.engine.triage(c.next(p.tickets));
  }

  /**
   * The baseline, two threads.
   *
   * @param p the policies
   * @param c the cursor
   * @return the result
   */
  @Benchmark
  @Threads(2)
  public TriageResult baseline2Threads(Policies p, Cursor c) {
    return p.baseline.triage(c.next(p.tickets));
  }
}
