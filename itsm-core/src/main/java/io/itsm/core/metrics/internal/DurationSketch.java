package io.itsm.core.metrics.internal;

import io.itsm.core.metrics.MetricValue;
import java.time.Duration;
import java.util.Arrays;
import org.HdrHistogram.IntCountsHistogram;

/**
 * Durations of one metric of one group, to the second: exact (a sorted array) up to {@link
 * MetricValue.Durations#EXACT_LIMIT} values, then an HdrHistogram with two significant digits
 * (values within 1 %), so that memory stays bounded whatever the number of incidents. Sum, count
 * and maximum are always exact.
 *
 * <p>Not thread-safe: one per group per worker; {@link #merge} combines workers.
 */
public final class DurationSketch {

  private static final int DIGITS = 2;

  private long count;
  private long sum;
  private long max;
  private long[] exact = new long[16];
  private IntCountsHistogram histogram;

  /**
   * Adds a duration.
   *
   * @param d the duration; negative ones count as zero
   */
  public void add(Duration d) {
    addSeconds(Math.max(0, d.getSeconds()));
  }

  /**
   * Adds a duration in seconds.
   *
   * @param seconds the seconds, 0 or more
   */
  public void addSeconds(long seconds) {
    count++;
    sum += seconds;
    max = Math.max(max, seconds);
    if (histogram != null) {
      histogram.recordValue(seconds);
      return;
    }
    int n = (int) (count - 1);
    if (n == MetricValue.Durations.EXACT_LIMIT) {
      toHistogram(n);
      histogram.recordValue(seconds);
      return;
    }
    if (n == exact.length) {
      exact = Arrays.copyOf(exact, Math.min(exact.length * 2, MetricValue.Durations.EXACT_LIMIT));
    }
    exact[n] = seconds;
  }

  private void toHistogram(int n) {
    histogram = new IntCountsHistogram(DIGITS);
    histogram.setAutoResize(true);
    for (int i = 0; i < n; i++) {
      histogram.recordValue(exact[i]);
    }
    exact = null;
  }

  /**
   * Adds another sketch's durations to this one.
   *
   * @param other the other sketch, not changed
   */
  public void merge(DurationSketch other) {
    if (other.count == 0) {
      return;
    }
    if (histogram == null && other.histogram == null
        && count + other.count <= MetricValue.Durations.EXACT_LIMIT) {
      for (int i = 0; i < other.count; i++) {
        addSeconds(other.exact[i]);
      }
      return;
    }
    if (histogram == null) {
      toHistogram((int) count);
    }
    if (other.histogram != null) {
      histogram.add(other.histogram);
    } else {
      for (int i = 0; i < other.count; i++) {
        histogram.recordValue(other.exact[i]);
      }
    }
    count += other.count;
    sum += other.sum;
    max = Math.max(max, other.max);
  }

  /**
   * Returns how many durations were added.
   *
   * @return the count
   */
  public long count() {
    return count;
  }

  /**
   * Summarizes the durations.
   *
   * @return count, mean, median, 90th percentile, maximum and whether the percentiles are exact
   */
  public MetricValue.Durations summary() {
    if (count == 0) {
      return new MetricValue.Durations(0, Duration.ZERO, Duration.ZERO, Duration.ZERO,
          Duration.ZERO, true);
    }
    Duration mean = Duration.ofMillis(Math.round(sum * 1000.0 / count));
    if (histogram != null) {
      return new MetricValue.Durations(count, mean,
          Duration.ofSeconds(Math.min(max, histogram.getValueAtPercentile(50))),
          Duration.ofSeconds(Math.min(max, histogram.getValueAtPercentile(90))),
          Duration.ofSeconds(max), false);
    }
    long[] sorted = Arrays.copyOf(exact, (int) count);
    Arrays.sort(sorted);
    return new MetricValue.Durations(count, mean, Duration.ofSeconds(rank(sorted, 50)),
        Duration.ofSeconds(rank(sorted, 90)), Duration.ofSeconds(max), true);
  }

  /** Nearest rank: the value at 1-based position ceil(p / 100 × n). */
  static long rank(long[] sorted, int percent) {
    int pos = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, pos - 1)];
  }
}
