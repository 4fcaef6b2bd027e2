package io.itsm.examples.bench;

import io.itsm.rules.TriageEngine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A warm rebuild of the default packs: compiling the four DRL files into a new engine, as {@link
 * TriageEngine#reload()} does, after the JVM has compiled a few before.
 *
 * <p>Run (after {@code mvn -B -q -pl itsm-examples -am package -DskipTests}):
 *
 * <pre>
 * java -cp itsm-examples/target/itsm.jar org.openjdk.jmh.Main RebuildBench -f 1 -wi 3 -i 5
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
}
