package io.itsm.examples.bench;

import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriagePolicy;
import io.itsm.rules.TeamMap;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.keywords.KeywordDictionary;
import io.itsm.rules.testkit.TicketGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A quick comparison (about a minute and a half) of the engine and {@link HandWrittenTriage}, printing one
 * table: benchmark, engine µs/op, baseline µs/op, ratio, target, met?
 *
 * <pre>
 * mvn -B -q -pl itsm-examples -am package -DskipTests
 * java -cp itsm-examples/target/itsm.jar io.itsm.examples.bench.QuickBench
 * </pre>
 *
 * <p>Unlike the JMH benchmarks ({@link TriageBench}, {@link ScalingBench}) it runs everything in
 * one JVM, so Drools is warmed up once (a fresh JVM needs 10 to 20 seconds before the engine
 * reaches its speed), and it alternates engine and baseline rounds so that both see the same load
 * on a shared machine. Each number is the median of several rounds of wall-clock time per ticket
 * (per ticket and thread for two threads). Use JMH for numbers to publish.
 */
public final class QuickBench {

  private static final int ROUNDS = 9;

  private QuickBench() {}

  /**
   * Runs the comparison and prints the table.
   *
   * @param args optional: the warm-up in seconds (default 30)
   * @throws Exception if a worker thread fails
   */
  public static void main(String[] args) throws Exception {
    long warmupSeconds = args.length > 0 ? Long.parseLong(args[0]) : 30;
    TriageEngine engine =
        TriageEngine.builder()
            .criticalConfigurationItems(TicketGenerator.CRITICAL_CONFIGURATION_ITEMS)
            .criticalServices(TicketGenerator.CRITICAL_SERVICES)
            .build();
    HandWrittenTriage baseline =
        HandWrittenTriage.withDefaults(
            TicketGenerator.CRITICAL_CONFIGURATION_ITEMS, TicketGenerator.CRITICAL_SERVICES);
    List<Ticket> tickets = TicketGenerator.generate(5_000);

    long end = System.nanoTime() + warmupSeconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      perTicket(engine, tickets);
      perTicket(baseline, tickets);
    }
    List<String[]> rows = new ArrayList<>();
    double[] one = compare(engine, baseline, tickets, 1);
    rows.add(row("one ticket, 1 thread", one[0], one[1], "≤ 1.3×", one[0] / one[1] <= 1.3));
    double[] two = compare(engine, baseline, tickets, 2);
    rows.add(row("one ticket, 2 threads", two[0], two[1], "≤ 1.3×", two[0] / two[1] <= 1.3));

    double engineSmall = 0;
    double baselineSmall = 0;
    for (int size : new int[] {10, 100, 1_000, 10_000}) {
      KeywordDictionary keywords = BenchData.dictionary(size);
      TeamMap teams = BenchData.teams(size);
      TriageEngine e = TriageEngine.builder().keywords(keywords).teams(teams).build();
      HandWrittenTriage b =
          new HandWrittenTriage(
              keywords, teams, TriageEngine.DEFAULT_AFFECTED_USERS_THRESHOLD, Set.of(), Set.of());
      List<Ticket> synthetic = BenchData.tickets(2_000, 42);
      // a new rule base needs its own warm-up (constraints are compiled after some evaluations)
      long until = System.nanoTime() + 4_000_000_000L;
      while (System.nanoTime() < until) {
        perTicket(e, synthetic);
        perTicket(b, synthetic);
      }
      double[] s = compare(e, b, synthetic, 1);
      if (size == 10) {
        engineSmall = s[0];
        baselineSmall = s[1];
        rows.add(row("size 10 (1 thread)", s[0], s[1], "", null));
      } else if (size == 10_000) {
        rows.add(row("size 10,000 (1 thread)", s[0], s[1], "", null));
        rows.add(
            new String[] {
              "size 10,000 / size 10",
              fmt(s[0] / engineSmall) + "×",
              fmt(s[1] / baselineSmall) + "×",
              "",
              "engine ≤ 2×",
              s[0] / engineSmall <= 2 ? "yes" : "no"
            });
      } else {
        rows.add(row("size " + String.format(Locale.ROOT, "%,d", size) + " (1 thread)", s[0], s[1], "", null));
      }
    }
    System.out.printf(
        "%n%-26s %13s %15s %7s %12s %5s%n",
        "benchmark", "engine µs/op", "baseline µs/op", "ratio", "target", "met?");
    for (String[] r : rows) {
      System.out.printf("%-26s %13s %15s %7s %12s %5s%n", (Object[]) r);
    }
  }

  private static String[] row(String name, double e, double b, String target, Boolean met) {
    return new String[] {
      name, fmt(e), fmt(b), fmt(e / b) + "×", target, met == null ? "" : met ? "yes" : "no"
    };
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** Alternating rounds; returns the medians {engine, baseline} in µs per ticket and thread. */
  private static double[] compare(
      TriagePolicy engine, TriagePolicy baseline, List<Ticket> tickets, int threads)
      throws Exception {
    List<Double> e = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int r = 0; r < ROUNDS; r++) {
        e.add(parallel(pool, engine, tickets, threads));
        b.add(parallel(pool, baseline, tickets, threads));
      }
    } finally {
      pool.shutdownNow();
    }
    return new double[] {median(e), median(b)};
  }

  private static double parallel(
      ExecutorService pool, TriagePolicy policy, List<Ticket> tickets, int threads)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Future<Double>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * tickets.size() / threads;
      results.add(
          pool.submit(
              () -> {
                start.await();
                long t0 = System.nanoTime();
                int n = tickets.size();
                for (int i = 0; i < n; i++) {
                  sink = policy.triage(tickets.get((offset + i) % n));
                }
                return (System.nanoTime() - t0) / 1e3 / n;
              }));
    }
    double sum = 0;
    for (Future<Double> f : results) {
      sum += f.get();
    }
    return sum / threads;
  }

  private static volatile Object sink;

  private static double perTicket(TriagePolicy policy, List<Ticket> tickets) {
    long t0 = System.nanoTime();
    for (Ticket t : tickets) {
      sink = policy.triage(t);
    }
    return (System.nanoTime() - t0) / 1e3 / tickets.size();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
