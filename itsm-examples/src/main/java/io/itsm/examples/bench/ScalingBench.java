package io.itsm.examples.bench;

import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.TeamMap;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.keywords.KeywordDictionary;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-ticket cost against the size of the keyword dictionary and of the team map ({@link
 * BenchData}: {@code size} dictionary entries, {@code size} category routes and {@code size}
 * language desks), for the engine and the hand-written baseline. The tickets hit the same few
 * entries at every size. Target: the engine's cost at 10,000 ≤ 2 × its cost at 10.
 *
 * <p>Run (after {@code mvn -B -q -pl itsm-examples -am package -DskipTests}):
 *
 * <pre>
 * java -cp itsm-examples/target/itsm.jar org.openjdk.jmh.Main ScalingBench -f 1 -wi 10 -i 5
 * java -cp itsm-examples/target/itsm.jar org.openjdk.jmh.Main ScalingBench -p size=10,10000
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class ScalingBench {

  /** Dictionary entries, and category and language entries of the team map. */
  @Param({"10", "100", "1000", "10000"})
  public int size;

  TriageEngine engine;
  HandWrittenTriage baseline;
  Ticket[] tickets;
  int next;

  /** Builds both policies for {@link #size} and generates the tickets. */
  @Setup
  public void setUp() {
    KeywordDictionary keywords = BenchData.dictionary(size);
    TeamMap teams = BenchData.teams(size);
    engine = TriageEngine.builder().keywords(keywords).teams(teams).build();
    baseline =
        new HandWrittenTriage(
            keywords, teams, TriageEngine.DEFAULT_AFFECTED_USERS_THRESHOLD, java.util.Set.of(),
            java.util.Set.of());
    tickets = BenchData.tickets(2_000, 42).toArray(new Ticket[0]);
  }

  private Ticket nextTicket() {
    Ticket t = tickets[next];
    next = next + 1 == tickets.length ? 0 : next + 1;
    return t;
  }

  /**
   * The engine.
   *
   * @return the result
   */
  @Benchmark
  public TriageResult engine() {
    return engine.triage(nextTicket());
  }

  /**
   * The baseline.
   *
   * @return the result
   */
  @Benchmark
  public TriageResult baseline() {
    return baseline.triage(nextTicket());
  }
}
