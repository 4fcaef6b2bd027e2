package io.itsm.examples.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * A quick run (about two minutes) of {@link TriageBench} and {@link ScalingBench} with short
 * iterations, printing one table: benchmark, engine µs/op, baseline µs/op, ratio, target, met?
 *
 * <pre>
 * mvn -B -q -pl itsm-examples -am package -DskipTests
 * java -cp itsm-examples/target/itsm.jar io.itsm.examples.bench.QuickBench
 * </pre>
 *
 * <p>Quick numbers are noisy (one fork, 2 × 1 s warm-up, 3 × 1 s measurement); for the numbers
 * in {@code docs/performance.md} run the benchmarks with JMH's defaults or {@code -wi 3 -i 5}.
 */
public final class QuickBench {

  private QuickBench() {}

  /**
   * Runs the quick benchmarks and prints the table.
   *
   * @param args ignored
   * @throws RunnerException if JMH fails
   */
  public static void main(String[] args) throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(TriageBench.class.getName())
            .include(ScalingBench.class.getName())
            .forks(1)
            .warmupIterations(2)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(3)
            .measurementTime(TimeValue.seconds(1))
            .timeUnit(TimeUnit.MICROSECONDS)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Double> score = new HashMap<>();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      String size = r.getParams().getParam("size");
      score.put(size == null ? method : method + "@" + size, r.getPrimaryResult().getScore());
    }
    System.out.println();
    System.out.printf(
        "%-34s %12s %14s %8s %10s %5s%n",
        "benchmark", "engine µs/op", "baseline µs/op", "ratio", "target", "met?");
    row("one ticket, 1 thread", score.get("engine"), score.get("baseline"), 1.3, "≤ 1.3×");
    row(
        "one ticket, 2 threads",
        score.get("engine2Threads"),
        score.get("baseline2Threads"),
        1.3,
        "≤ 1.3×");
    for (String size : new String[] {"10", "100", "1000", "10000"}) {
      row("size " + size, score.get("engine@" + size), score.get("baseline@" + size), 0, "");
    }
    Double small = score.get("engine@10");
    Double large = score.get("engine@10000");
    if (small != null && large != null) {
      System.out.printf(
          Locale.ROOT,
          "%-34s %12.2f %14s %8.2f %10s %5s%n",
          "engine size 10,000 / size 10",
          large,
          "",
          large / small,
          "≤ 2×",
          large / small <= 2 ? "yes" : "no");
      Double bs = score.get("baseline@10");
      Double bl = score.get("baseline@10000");
      System.out.printf(
          Locale.ROOT,
          "%-34s %12s %14.2f %8.2f %10s %5s%n",
          "baseline size 10,000 / size 10",
          "",
          bl,
          bl / bs,
          "",
          "");
    }
  }

  private static void row(String name, Double engine, Double baseline, double target, String t) {
    if (engine == null || baseline == null) {
      return;
    }
    double ratio = engine / baseline;
    System.out.printf(
        Locale.ROOT,
        "%-34s %12.2f %14.2f %8.2f %10s %5s%n",
        name,
        engine,
        baseline,
        ratio,
        t,
        target == 0 ? "" : ratio <= target ? "yes" : "no");
  }
}
