package io.itsm.examples.bench;

import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Status;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.jdbc.JdbcStore;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * {@code find} by status and team on a store holding {@code stored} incidents (99 % closed or
 * cancelled, the open ones spread over {@value StoreBenchSetup#TEAMS} teams; {@link
 * StoreBenchSetup#populate}): the in-progress incidents of one team, a work queue: 100 of them at
 * 1,000,000 stored. The teams rotate. "cold" stores keep no parsed records, so every
 * matching state's JSON is parsed each time.
 *
 * <p>Run: {@code java -cp itsm-examples/target/itsm.jar org.openjdk.jmh.Main StoreFindBench -f 1
 * -wi 5 -w 1 -i 5 -r 1}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class StoreFindBench {

  /** The stores, filled. */
  @State(Scope.Benchmark)
  public static class Filled {
    /** How many incidents are stored. */
    @Param({"1000000"})
    public int stored;

    StoreBenchSetup setup;
    JdbcStore postgresCold;
    JdbcStore h2Cold;
    List<IncidentQuery> queries;

    /**
     * Starts PostgreSQL and fills the store the benchmark reads.
     *
     * @param params which benchmark runs
     * @throws IOException if PostgreSQL cannot start
     * @throws SQLException if filling fails
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws IOException, SQLException {
      setup = new StoreBenchSetup();
      // each benchmark runs in its own fork: fill only the database it reads
      if (params.getBenchmark().endsWith(".postgres") || params.getBenchmark().endsWith(".postgresCold")) {
        StoreBenchSetup.populate(setup.postgres, true, stored);
      } else {
        StoreBenchSetup.populate(setup.h2, false, stored);
      }
      postgresCold = JdbcStore.builder(setup.postgresUrl).cacheSize(0).poolSize(2).build();
      h2Cold = JdbcStore.builder(setup.h2Url).cacheSize(0).poolSize(2).build();
      queries = queries();
    }

    /** Stops PostgreSQL and deletes the H2 file. */
    @TearDown(Level.Trial)
    public void tearDown() {
      postgresCold.close();
      h2Cold.close();
      setup.close();
    }
  }

  /**
   * The queries: in-progress incidents of each team.
   *
   * @return one query per team
   */
  public static List<IncidentQuery> queries() {
    return java.util.stream.IntStream.range(0, StoreBenchSetup.TEAMS)
        .mapToObj(t -> IncidentQuery.all().withStatus(Status.IN_PROGRESS).withTeam(String.format("team-%02d", t)))
        .toList();
  }

  /** Which team's query is next, per thread. */
  @State(Scope.Thread)
  public static class Rotation {
    int next;

    IncidentQuery next(List<IncidentQuery> queries) {
      IncidentQuery q = queries.get(next);
      next = (next + 1) % queries.size();
      return q;
    }
  }

  /**
   * On PostgreSQL, the store's default cache.
   *
   * @param f the stores
   * @param r the rotation
   * @return the incidents found
   */
  @Benchmark
  public List<Incident> postgres(Filled f, Rotation r) {
    return f.setup.postgres.incidents().find(r.next(f.queries));
  }

  /**
   * On PostgreSQL, no cache.
   *
   * @param f the stores
   * @param r the rotation
   * @return the incidents found
   */
  @Benchmark
  public List<Incident> postgresCold(Filled f, Rotation r) {
    return f.postgresCold.incidents().find(r.next(f.queries));
  }

  /**
   * On the H2 file, the store's default cache.
   *
   * @param f the stores
   * @param r the rotation
   * @return the incidents found
   */
  @Benchmark
  public List<Incident> h2(Filled f, Rotation r) {
    return f.setup.h2.incidents().find(r.next(f.queries));
  }

  /**
   * On the H2 file, no cache.
   *
   * @param f the stores
   * @param r the rotation
   * @return the incidents found
   */
  @Benchmark
  public List<Incident> h2Cold(Filled f, Rotation r) {
    return f.h2Cold.incidents().find(r.next(f.queries));
  }
}
