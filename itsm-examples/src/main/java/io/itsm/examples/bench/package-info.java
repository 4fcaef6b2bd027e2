/**
 * Benchmarks of the library against plain-Java baselines that produce identical results: {@link
 * io.itsm.examples.bench.HandWrittenTriage} (the default packs written by hand), {@link
 * io.itsm.examples.bench.DayByDayCalendar} (due dates day by day) and {@link
 * io.itsm.examples.bench.BaselineTriageCli} (the command line's baseline process). See {@code
 * docs/performance.md}.
 *
 * <p>{@link io.itsm.examples.bench.BenchSuite} runs every measure with its baseline and prints one
 * table:
 *
 * <pre>
 * mvn -B -q -pl itsm-examples -am package -DskipTests
 * java -cp itsm-examples/target/itsm.jar io.itsm.examples.bench.BenchSuite --quick   # ≤ 2 min
 * java -cp itsm-examples/target/itsm.jar io.itsm.examples.bench.BenchSuite           # 15-25 min
 * </pre>
 *
 * <p>The JMH classes ({@link io.itsm.examples.bench.TriageBench}, {@link
 * io.itsm.examples.bench.ScalingBench}, {@link io.itsm.examples.bench.RebuildBench}, {@link
 * io.itsm.examples.bench.SlaBenchmark}, {@link io.itsm.examples.bench.LifecycleBench}) and the
 * process-level mains ({@link io.itsm.examples.bench.ColdStart}, {@link
 * io.itsm.examples.bench.MemoryCheck}) also run on their own, for example {@code java -cp
 * itsm-examples/target/itsm.jar org.openjdk.jmh.Main TriageBench}.
 */
package io.itsm.examples.bench;
