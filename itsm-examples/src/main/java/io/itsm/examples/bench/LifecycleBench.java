package io.itsm.examples.bench;

import io.itsm.core.ServiceDesk;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.testkit.TicketGenerator;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full lifecycles per second on the in-memory desk ({@link Lifecycle#run}: log → triage → assign
 * → work → resolve → approve when required → confirm → close), with the Drools engine and with
 * {@link HandWrittenTriage}, on 1 and 2 threads sharing one desk. Incidents per second =
 * {@code threads × 10^6 / score(µs)}. A fresh desk per iteration keeps the repository small.
 *
 * <p>Run: {@code java -cp itsm-examples/target/itsm.jar org.openjdk.jmh.Main LifecycleBench -f 1
 * -wi 10 -w 2 -i 5}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class LifecycleBench {

  /** The policies, the tickets and the desks, shared by all threads. */
  @State(Scope.Benchmark)
  public static class Desks {
    TriageEngine engine;
    HandWrittenTriage baseline;
    Ticket[] tickets;
    ServiceDesk engineDesk;
    ServiceDesk baselineDesk;

    /** Builds both policies and generates the tickets. */
    @Setup(Level.Trial)
    public void setUp() {
      engine = BenchData.generatedTicketsEngine();
      baseline = BenchData.generatedTicketsBaseline();
      List<Ticket> generated = TicketGenerator.generate(5_000).stream()
          .filter(t -> t.caller().isPresent()).toList();
      tickets = generated.toArray(new Ticket[0]);
    }

    /** Fresh desks for each iteration. */
    @Setup(Level.Iteration)
    public void freshDesks() {
      engineDesk = Lifecycle.desk(engine, Clock.systemUTC());
      baselineDesk = Lifecycle.desk(baseline, Clock.systemUTC());
    }
  }

  /**
   * A lifecycle with the Drools engine, one thread.
   *
   * @param d the desks
   * @param c the cursor
   * @return the closed incident
   */
  @Benchmark
  @Threads(1)
  public Incident engine(Desks d, TriageBench.Cursor c) {
    return Lifecycle.run(d.engineDesk, c.next(d.tickets));
  }

  /**
   * A lifecycle with the hand-written triage, one thread.
   *
   * @param d the desks
   * @param c the cursor
   * @return the closed incident
   */
  @Benchmark
  @Threads(1)
  public Incident baseline(Desks d, TriageBench.Cursor c) {
    return Lifecycle.run(d.baselineDesk, c.next(d.tickets));
  }

  /**
   * A lifecycle with the Drools engine, two threads on one desk.
   *
   * @param d the desks
   * @param c the cursor
   * @return the closed incident
   */
  @Benchmark
  @Threads(2)
  public Incident engine2Threads(Desks d, TriageBench.Cursor c) {
    return Lifecycle.run(d.engineDesk, c.next(d.tickets));
  }

  /**
   * A lifecycle with the hand-written triage, two threads on one desk.
   *
   * @param d the desks
   * @param c the cursor
   * @return the closed incident
   */
  @Benchmark
  @Threads(2)
  public Incident baseline2Threads(Desks d, TriageBench.Cursor c) {
    return Lifecycle.run(d.baselineDesk, c.next(d.tickets));
  }
}
