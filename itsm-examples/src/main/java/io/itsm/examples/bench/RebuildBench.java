package io.itsm.examples.bench;

import io.itsm.rules.TriageEngine;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A warm rebuild of the default packs, as {@link TriageEngine#reload()} does, after the JVM has
 * built a few before ({@code rebuildDefaults}: the precompiled default packs are read back, the
 * rule base and the session pool built, the dictionary and team map loaded), against building
 * the hand-written baseline with the same dictionary and team map ({@code rebuildBaseline}:
 * {@link HandWrittenTriage#withDefaults}). {@code RebuildBenchTest} checks that both decide alike.
 *
 * <p>Run (after {@code mvn -B -q -pl itsm-examples -am package -DskipTests}):
 *
 * <pre>
 * java -cp itsm-examples/target/itsm.jar org.openjdk.jmh.Main RebuildBench
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class RebuildBench {

  /**
   * Builds the default engine.
   *
   * @return the engine
   */
  @Benchmark
  public TriageEngine rebuildDefaults() {
    return TriageEngine.withDefaults();
  }

  /**
   * Builds the hand-written baseline with the default dictionary and team map.
   *
   * @return the baseline
   */
  @Benchmark
  public HandWrittenTriage rebuildBaseline() {
    return HandWrittenTriage.withDefaults(Set.of(), Set.of());
  }
}
