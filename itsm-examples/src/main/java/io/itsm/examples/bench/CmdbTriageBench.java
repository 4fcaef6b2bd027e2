package io.itsm.examples.bench;

import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.TriageEngine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Triage with CMDB and announcement facts ({@code TriageEngine.builder().cmdb(..).announcements(..)}:
 * the {@code cmdb} and {@code announcements} packs, a {@code CiImpact} and the active announcements
 * per ticket) against triage with the default packs alone, on the same 5,000 generated tickets,
 * each naming a configuration item of the 100,000-item CMDB of {@link CmdbBenchData}, during one
 * active outage. Target: ≤ 1.3 × triage without.
 *
 * <pre>
 * java -cp itsm-examples/target/itsm.jar org.openjdk.jmh.Main CmdbTriageBench -f 1 -wi 10 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CmdbTriageBench {

  /** Both engines and the tickets. */
  @State(Scope.Benchmark)
  public static class Engines {
    TriageEngine withCmdb;
    TriageEngine without;
    Ticket[] tickets;

    /** Generates the CMDB, the outage and the tickets. */
    @Setup
    public void setUp() {
      CmdbBenchData data = CmdbBenchData.generate(CmdbBenchData.ITEMS);
      Cmdb cmdb = data.cmdb();
      withCmdb = TriageEngine.builder().cmdb(cmdb).announcements(data.announcements(cmdb)).build();
      without = TriageEngine.withDefaults();
      tickets = data.tickets(5_000).toArray(new Ticket[0]);
    }
  }

  /**
   * Triage with CMDB and announcement facts, one thread.
   *
   * @param e the engines
   * @param c the cursor
   * @return the result
   */
  @Benchmark
  @Threads(1)
  public TriageResult withCmdb(Engines e, TriageBench.Cursor c) {
    return e.withCmdb.triage(c.next(e.tickets));
  }

  /**
   * Triage with the default packs alone, one thread.
   *
   * @param e the engines
   * @param c the cursor
   * @return the result
   */
  @Benchmark
  @Threads(1)
  public TriageResult without(Engines e, TriageBench.Cursor c) {
    return e.without.triage(c.next(e.tickets));
  }
}
