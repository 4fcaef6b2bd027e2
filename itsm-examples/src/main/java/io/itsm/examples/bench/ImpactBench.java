package io.itsm.examples.bench;

import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.ImpactAnalysis;
import io.itsm.core.cmdb.internal.CiGraph;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Impact analysis on 100,000 configuration items and 500,000 relations ({@link CmdbBenchData}):
 * the CMDB's graph index (what {@code Cmdb.impactOf} runs when its cache misses) against the
 * plain-Java walk over hash maps, for a database (a typical blast radius: a few applications and
 * services) and a storage array (a large one: thousands of machines and what runs on them).
 * Target: ≤ 10 ms.
 *
 * <pre>
 * java -cp itsm-examples/target/itsm.jar org.openjdk.jmh.Main ImpactBench -f 1 -wi 5 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ImpactBench {

  /** The generated CMDB, its graph and the baseline, shared by all threads. */
  @State(Scope.Benchmark)
  public static class Data {
    CiGraph graph;
    CmdbBenchData.NaiveImpact naive;
    String[] databases;
    String[] storage;
    int next;

    /** Generates the CMDB. */
    @Setup
    public void setUp() {
      CmdbBenchData data = CmdbBenchData.generate(CmdbBenchData.ITEMS);
      graph = data.graph();
      naive = data.naive();
      databases = pick(data.ids(CiType.DATABASE));
      storage = pick(data.ids(CiType.STORAGE));
    }

    private static String[] pick(List<String> ids) {
      return ids.stream().limit(256).toArray(String[]::new);
    }

    String next(String[] ids) {
      next = next + 1 == ids.length ? 0 : next + 1;
      return ids[next % ids.length];
    }
  }

  /**
   * A database fails: the graph index.
   *
   * @param d the data
   * @return the analysis
   */
  @Benchmark
  public ImpactAnalysis database(Data d) {
    return d.graph.impactOf(d.next(d.databases));
  }

  /**
   * A database fails: the baseline.
   *
   * @param d the data
   * @return the counts
   */
  @Benchmark
  public int[] databaseBaseline(Data d) {
    return d.naive.impactOf(d.next(d.databases));
  }

  /**
   * A storage array fails: the graph index.
   *
   * @param d the data
   * @return the analysis
   */
  @Benchmark
  public ImpactAnalysis storage(Data d) {
    return d.graph.impactOf(d.next(d.storage));
  }

  /**
   * A storage array fails: the baseline.
   *
   * @param d the data
   * @return the counts
   */
  @Benchmark
  public int[] storageBaseline(Data d) {
    return d.naive.impactOf(d.next(d.storage));
  }
}
