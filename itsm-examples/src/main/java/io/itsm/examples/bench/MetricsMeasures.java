package io.itsm.examples.bench;

import io.itsm.core.metrics.Metric;
import io.itsm.core.metrics.Metrics;
import io.itsm.core.metrics.MetricsReport;
import io.itsm.examples.bench.BenchSuite.Mode;
import io.itsm.examples.bench.BenchSuite.Row;
import io.itsm.examples.bench.BenchSuite.Stat;
import io.itsm.examples.bench.BenchSuite.Target;
import io.itsm.importer.ImportSummary;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The suite's rows of issue #17: metrics over streamed incidents (1 and 2 threads) against reading
 * the same stream, and the import of a ServiceNow export against parsing it. Each round is timed
 * whole (seconds per round); engine and baseline alternate; median and range of the rounds. The
 * JMH classes {@link MetricsBench} (in a 256 MB heap) and {@link ImportBench} measure the same.
 *
 * <p>Not thread-safe.
 */
final class MetricsMeasures {

  private static volatile Object sink;

  private final Mode mode;
  private final PrintStream log;

  MetricsMeasures(Mode mode, PrintStream log) {
    this.mode = mode;
    this.log = log;
  }

  List<Row> metrics() {
    int n = switch (mode) {
      case FULL -> 1_000_000;
      case QUICK -> 1_000_000;
      case SMOKE -> 20_000;
    };
    int rounds = mode == Mode.FULL ? 5 : mode == Mode.QUICK ? 3 : 1;
    MetricsReport check = Metrics.compute(new HistoryStream(Math.min(n, 20_000), 1), MetricsBench.QUERY, 1);
    if (check.total().count(Metric.OPENED) != Math.min(n, 20_000)) {
      throw new IllegalStateException("metrics: the stream's incidents were not all counted: " + check.total());
    }
    List<Row> rows = new ArrayList<>();
    for (int threads : new int[] {1, 2}) {
      List<Double> value = new ArrayList<>();
      List<Double> floor = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        long t0 = System.nanoTime();
        sink = Metrics.compute(new HistoryStream(n, 1), MetricsBench.QUERY, threads);
        long t1 = System.nanoTime();
        sink = MetricsBench.readOnly(n);
        long t2 = System.nanoTime();
        value.add((double) (t1 - t0));
        floor.add((double) (t2 - t1));
      }
      log.printf(Locale.ROOT, "metrics of %,d incidents, %d thread(s): %s%n", n, threads, value);
      rows.add(BenchSuite.compare(String.format(Locale.ROOT,
              "metrics of %s streamed incidents by team and priority, %d thread%s (baseline: reading the stream)",
              count(n), threads, threads == 1 ? "" : "s"),
          Stat.of(value, BenchSuite::time), Stat.of(floor, BenchSuite::time), BenchSuite::time,
          mode == Mode.SMOKE ? Target.NONE : Target.nanosAtMost(10e9)));
    }
    return rows;
  }

  List<Row> importRows() throws Exception {
    int incidents = mode == Mode.SMOKE ? 500 : 25_000;
    int rounds = mode == Mode.FULL ? 5 : mode == Mode.QUICK ? 3 : 1;
    Path file = Files.createTempFile("itsm-import-suite", ".csv");
    try {
      long rows = ServiceNowExport.write(file, incidents, 1);
      List<Double> h2 = new ArrayList<>();
      List<Double> h2Single = new ArrayList<>();
      List<Double> h2Cpu = new ArrayList<>();
      List<Double> h2SingleCpu = new ArrayList<>();
      List<Double> memory = new ArrayList<>();
      List<Double> floor = new ArrayList<>();
      com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      for (int r = 0; r < rounds; r++) {
        Path dir = Files.createTempDirectory("itsm-import-suite-h2");
        Path dirSingle = Files.createTempDirectory("itsm-import-suite-h2-single");
        try {
          long c0 = os.getProcessCpuTime();
          long t0 = System.nanoTime();
          ImportSummary db = ImportBench.importIntoH2Batched(file, dir);
          long t1 = System.nanoTime();
          long c1 = os.getProcessCpuTime();
          ImportSummary single = ImportBench.importIntoH2(file, dirSingle);
          long t2 = System.nanoTime();
          long c2 = os.getProcessCpuTime();
          ImportSummary s = ImportBench.importInto(file);
          long t3 = System.nanoTime();
          sink = ImportBench.parseOnly(file);
          long t4 = System.nanoTime();
          for (ImportSummary x : List.of(db, single, s)) {
            if (x.incidents() != incidents || x.rejected() != 0) {
              throw new IllegalStateException("import: expected " + incidents + " incidents and"
                  + " no rejected row, but was\n" + x.describe());
            }
          }
          h2.add((double) (t1 - t0));
          h2Single.add((double) (t2 - t1));
          h2Cpu.add((double) (c1 - c0));
          h2SingleCpu.add((double) (c2 - c1));
          memory.add((double) (t3 - t2));
          floor.add((double) (t4 - t3));
        } finally {
          ImportBench.deleteTree(dir);
          ImportBench.deleteTree(dirSingle);
        }
      }
      log.printf(Locale.ROOT, "import of %,d rows: H2 batched %s (CPU %s), H2 one transaction per"
          + " incident %s (CPU %s), memory %s, parsing %s%n", rows, h2, h2Cpu, h2Single,
          h2SingleCpu, memory, floor);
      String what = String.format(Locale.ROOT, "import of a ServiceNow export, %s incidents / %s"
          + " rows, replayed", count(incidents), count((int) rows));
      return List.of(
          BenchSuite.compare(what + " into an H2 file (baseline: into memory)",
              Stat.of(h2Single, BenchSuite::time), Stat.of(memory, BenchSuite::time),
              BenchSuite::time,
              mode == Mode.SMOKE ? Target.NONE : Target.nanosAtMost(30e9)),
          BenchSuite.compare(what + " into an H2 file, up to 200 incidents per transaction"
                  + " (baseline: one transaction per incident)",
              Stat.of(h2, BenchSuite::time), Stat.of(h2Single, BenchSuite::time),
              BenchSuite::time, Target.NONE),
          BenchSuite.compare("the same in process CPU time, all threads (baseline: one"
                  + " transaction per incident)",
              Stat.of(h2Cpu, BenchSuite::time), Stat.of(h2SingleCpu, BenchSuite::time),
              BenchSuite::time, Target.NONE),
          BenchSuite.compare(what + " into memory (baseline: parsing the rows)",
              Stat.of(memory, BenchSuite::time), Stat.of(floor, BenchSuite::time),
              BenchSuite::time, Target.NONE));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static String count(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
