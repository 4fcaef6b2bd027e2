package io.itsm.examples.bench;

import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.testkit.TicketGenerator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Drools floor ({@link DroolsFloor}) against the hand-written baseline and the engine, in
 * one run: {@code java -cp itsm.jar org.openjdk.jmh.Main DroolsFloorBench -f 1}. The floor is
 * measured for both session designs, with and without a {@code DecidedSoFar} update after every
 * stage.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DroolsFloorBench {

  /** The generated tickets, shared by all benchmarks and threads. */
  @State(Scope.Benchmark)
  public static class Tickets {
    Ticket[] tickets;

    /** Generates the tickets. */
    @Setup
    public void setUp() {
      tickets = TicketGenerator.generate(5_000).toArray(new Ticket[0]);
    }
  }

  /** The floor of one design. */
  @State(Scope.Benchmark)
  public static class Floor {
    /** How sessions are cleaned between tickets. */
    @Param({"KEEP", "RESET"})
    public DroolsFloor.Design design;

    /** Whether {@code DecidedSoFar} is updated after every stage but the last. */
    @Param({"false", "true"})
    public boolean updates;

    DroolsFloor floor;

    /**
     * Builds the floor for the tickets.
     *
     * @param t the tickets
     */
    @Setup
    public void setUp(Tickets t) {
      floor = DroolsFloor.forGeneratedTickets(List.of(t.tickets), design, updates);
    }
  }

  /** The hand-written baseline and the engine. */
  @State(Scope.Benchmark)
  public static class Policies {
    HandWrittenTriage baseline;
    io.itsm.rules.TriageEngine engine;

    /** Builds both. */
    @Setup
    public void setUp() {
      baseline = BenchData.generatedTicketsBaseline();
      engine = BenchData.generatedTicketsEngine();
    }
  }

  /**
   * The floor, one ticket, one thread.
   *
   * @param t the tickets
   * @param f the floor
   * @param c this thread's cursor
   * @return the rules fired (0)
   */
  @Benchmark
  @Threads(1)
  public long floor(Tickets t, Floor f, TriageBench.Cursor c) {
    return f.floor.run(c.next(t.tickets));
  }

  /**
   * The floor, one ticket per call on each of two threads.
   *
   * @param t the tickets
   * @param f the floor
   * @param c this thread's cursor
   * @return the rules fired (0)
   */
  @Benchmark
  @Threads(2)
  public long floor2Threads(Tickets t, Floor f, TriageBench.Cursor c) {
    return f.floor.run(c.next(t.tickets));
  }

  /**
   * The hand-written baseline, one ticket, one thread.
   *
   * @param t the tickets
   * @param p the policies
   * @param c this thread's cursor
   * @return the result
   */
  @Benchmark
  @Threads(1)
  public TriageResult baseline(Tickets t, Policies p, TriageBench.Cursor c) {
    return p.baseline.triage(c.next(t.tickets));
  }

  /**
   * The engine through the default packs, one ticket, one thread.
   *
   * @param t the tickets
   * @param p the policies
   * @param c this thread's cursor
   * @return the result
   */
  @Benchmark
  @Threads(1)
  public TriageResult engine(Tickets t, Policies p, TriageBench.Cursor c) {
    return p.engine.triage(c.next(t.tickets));
  }
}
