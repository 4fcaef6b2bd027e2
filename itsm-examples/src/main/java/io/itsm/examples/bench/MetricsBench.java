package io.itsm.examples.bench;

import io.itsm.core.event.IncidentEvent;
import io.itsm.core.metrics.Dimension;
import io.itsm.core.metrics.Metrics;
import io.itsm.core.metrics.MetricsQuery;
import io.itsm.core.metrics.MetricsReport;
import io.itsm.core.metrics.Period;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Metrics over 1,000,000 incidents streamed (issue #17: ≤ 10 s on 2 cores, bounded memory), by
 * team and priority for the whole year, against the floor: reading the same stream of histories
 * without computing anything ({@link #baselineReadOnly}). The fork runs in a 256 MB heap: the
 * histories are made lazily as a store's cursor hands them out, so the run only fits if the
 * computation keeps nothing per incident.
 *
 * <p>Run: {@code java -cp itsm-examples/target/itsm.jar org.openjdk.jmh.Main MetricsBench}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xms256m", "-Xmx256m"})
@State(Scope.Benchmark)
public class MetricsBench {

  /** How many incidents. */
  @Param({"1000000"})
  public int incidents;

  /** The query: the year by team and priority. */
  public static final MetricsQuery QUERY = MetricsQuery.of(
      new Period(HistoryStream.START, HistoryStream.END)).withBy(Dimension.TEAM, Dimension.PRIORITY);

  /**
   * Metrics on one thread.
   *
   * @return the report
   */
  @Benchmark
  public MetricsReport metricsOneThread() {
    return Metrics.compute(new HistoryStream(incidents, 1), QUERY, 1);
  }

  /**
   * Metrics on two threads.
   *
   * @return the report
   */
  @Benchmark
  public MetricsReport metricsTwoThreads() {
    return Metrics.compute(new HistoryStream(incidents, 1), QUERY, 2);
  }

  /**
   * The floor: the same histories read and their events counted.
   *
   * @return the number of events
   */
  @Benchmark
  public long baselineReadOnly() {
    return readOnly(incidents);
  }

  /**
   * Reads the stream of histories and counts the events.
   *
   * @param incidents how many histories
   * @return the events
   */
  public static long readOnly(int incidents) {
    HistoryStream s = new HistoryStream(incidents, 1);
    long events = 0;
    while (s.hasNext()) {
      List<IncidentEvent> h = s.next();
      events += h.size() + h.get(h.size() - 1).sequence();
    }
    return events;
  }
}
