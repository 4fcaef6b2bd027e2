package io.itsm.examples.bench;

import io.itsm.core.ServiceDesk;
import io.itsm.core.incident.Ticket;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.core.triage.TriagePolicy;
import io.itsm.examples.bench.BenchSuite.Row;
import io.itsm.examples.bench.BenchSuite.Stat;
import io.itsm.examples.bench.BenchSuite.Target;
import io.itsm.jdbc.JdbcStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;

/**
 * The store rows of {@link BenchSuite}: the full lifecycle on PostgreSQL and on an H2 file against
 * the plain-JDBC floor ({@link StoreFloor}) and against memory, and {@code find} by status and
 * team on a full store ({@link StoreFindBench}). The full suite runs {@link StoreBench} and {@link
 * StoreFindBench} with JMH; the quick and smoke suites measure in this JVM, alternating rounds.
 *
 * <p>Not thread-safe.
 */
final class StoreMeasure {

  /** The lifecycle's ratio to the plain-JDBC floor that the issue aims at. */
  static final double FLOOR_TARGET = 1.5;

  /** The find target: 5 ms. */
  static final double FIND_TARGET_NANOS = 5e6;

  private StoreMeasure() {}

  /** Incidents stored for the find rows of each mode. */
  static int stored(BenchSuite.Mode mode) {
    return switch (mode) {
      case FULL -> 1_000_000;
      case QUICK -> 200_000;
      case SMOKE -> 2_000;
    };
  }

  static List<Row> fromJmh(Map<String, RunResult> life, Map<String, RunResult> find,
      java.util.function.BiFunction<Map<String, RunResult>, String, Stat> stat, int stored) {
    return rows(stat.apply(life, "memory"), stat.apply(life, "postgres"), stat.apply(life, "postgresFloor"),
        stat.apply(life, "h2"), stat.apply(life, "h2Floor"),
        stat.apply(find, "postgres:stored=" + stored), stat.apply(find, "postgresCold:stored=" + stored),
        stat.apply(find, "h2:stored=" + stored), stat.apply(find, "h2Cold:stored=" + stored), stored);
  }

  /** Measures in this JVM: {@code rounds} alternating rounds of {@code lifecycles} each. */
  static List<Row> inProcess(BenchSuite.Mode mode, int rounds, int lifecycles, long warmupNanos)
      throws Exception {
    try (StoreBenchSetup setup = new StoreBenchSetup()) {
      List<Ticket> tickets = StoreBenchSetup.tickets(Math.max(lifecycles, 100));
      TriagePolicy policy = StoreBenchSetup.policy();
      ServiceDesk postgres = Lifecycle.desk(policy, StoreBenchSetup.CLOCK, setup.postgres.incidents());
      ServiceDesk h2 = Lifecycle.desk(policy, StoreBenchSetup.CLOCK, setup.h2.incidents());
      StoreFloor postgresFloor = StoreFloor.record(policy, StoreBenchSetup.CLOCK, tickets,
          setup.postgres.dataSource(), true);
      StoreFloor h2Floor = StoreFloor.record(policy, StoreBenchSetup.CLOCK, tickets, setup.h2.dataSource(), false);
      int[] cursor = new int[1];
      BenchSuite.Round memory = () -> {
        ServiceDesk desk = Lifecycle.desk(policy, StoreBenchSetup.CLOCK, new InMemoryIncidentRepository());
        return lifecycles(desk, tickets, cursor, lifecycles);
      };
      BenchSuite.Round pg = () -> lifecycles(postgres, tickets, cursor, lifecycles);
      BenchSuite.Round pgFloor = () -> floor(postgresFloor, cursor, lifecycles);
      BenchSuite.Round h2Round = () -> lifecycles(h2, tickets, cursor, lifecycles);
      BenchSuite.Round h2FloorRound = () -> floor(h2Floor, cursor, lifecycles);
      BenchSuite.warmUp(warmupNanos, pg, pgFloor);
      BenchSuite.warmUp(warmupNanos, h2Round, h2FloorRound);
      BenchSuite.warmUp(warmupNanos / 2, memory, memory);
      Stat[] p = BenchSuite.alternate(rounds, pg, pgFloor);
      Stat[] h = BenchSuite.alternate(rounds, h2Round, h2FloorRound);
      Stat[] m = BenchSuite.alternate(rounds, memory, memory);

      int stored = stored(mode);
      StoreBenchSetup.populate(setup.postgres, true, stored);
      StoreBenchSetup.populate(setup.h2, false, stored);
      List<IncidentQuery> queries = StoreFindBench.queries();
      try (JdbcStore pgCold = JdbcStore.builder(setup.postgresUrl).cacheSize(0).poolSize(2).build();
          JdbcStore h2Cold = JdbcStore.builder(setup.h2Url).cacheSize(0).poolSize(2).build()) {
        BenchSuite.Round findPg = () -> finds(setup.postgres, queries);
        BenchSuite.Round findPgCold = () -> finds(pgCold, queries);
        BenchSuite.Round findH2 = () -> finds(setup.h2, queries);
        BenchSuite.Round findH2Cold = () -> finds(h2Cold, queries);
        BenchSuite.warmUp(warmupNanos, findPg, findPgCold);
        BenchSuite.warmUp(warmupNanos, findH2, findH2Cold);
        Stat[] fp = BenchSuite.alternate(rounds, findPg, findPgCold);
        Stat[] fh = BenchSuite.alternate(rounds, findH2, findH2Cold);
        return rows(m[0], p[0], p[1], h[0], h[1], fp[0], fp[1], fh[0], fh[1], stored);
      }
    }
  }

  private static double lifecycles(ServiceDesk desk, List<Ticket> tickets, int[] cursor, int n) {
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      Lifecycle.run(desk, tickets.get(cursor[0]++ % tickets.size()));
    }
    return (System.nanoTime() - t0) / (double) n;
  }

  private static double floor(StoreFloor floor, int[] cursor, int n) throws Exception {
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      floor.write(cursor[0]++);
    }
    return (System.nanoTime() - t0) / (double) n;
  }

  private static double finds(JdbcStore store, List<IncidentQuery> queries) {
    long t0 = System.nanoTime();
    int found = 0;
    for (IncidentQuery q : queries) {
      found += store.incidents().find(q).size();
    }
    if (found == 0) {
      throw new IllegalStateException("store: the find queries matched nothing");
    }
    return (System.nanoTime() - t0) / (double) queries.size();
  }

  private static List<Row> rows(Stat memory, Stat pg, Stat pgFloor, Stat h2, Stat h2Floor,
      Stat findPg, Stat findPgCold, Stat findH2, Stat findH2Cold, int stored) {
    String n = String.format(Locale.ROOT, "%,d", stored);
    Target floor = Target.ratioAtMost(FLOOR_TARGET);
    Target find = Target.nanosAtMost(FIND_TARGET_NANOS);
    return List.of(
        BenchSuite.compare("store: lifecycle on PostgreSQL (durable) vs the same transactions as plain JDBC",
            pg, pgFloor, BenchSuite::time, floor),
        BenchSuite.compare("store: lifecycle on an H2 file vs the same transactions as plain JDBC",
            h2, h2Floor, BenchSuite::time, floor),
        BenchSuite.compare("store: lifecycle on PostgreSQL vs in memory", pg, memory, BenchSuite::time,
            Target.NONE),
        BenchSuite.compare("store: lifecycle on an H2 file vs in memory", h2, memory, BenchSuite::time,
            Target.NONE),
        BenchSuite.withoutBaseline("store: find by status and team, " + n + " stored, PostgreSQL", findPg, find),
        BenchSuite.withoutBaseline("store: the same without the record cache (every state parsed)", findPgCold,
            find),
        BenchSuite.withoutBaseline("store: find by status and team, " + n + " stored, H2 file", findH2, find),
        BenchSuite.withoutBaseline("store: the same without the record cache (every state parsed)", findH2Cold,
            find));
  }
}
