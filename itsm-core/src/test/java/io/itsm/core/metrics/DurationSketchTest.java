package io.itsm.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.metrics.internal.DurationSketch;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Exact summaries for small groups, within 1 % beyond, and merges that do not depend on order. */
class DurationSketchTest {

  @Test
  void smallGroups_areExact_nearestRank() {
    DurationSketch s = new DurationSketch();
    for (long v : new long[] {50, 10, 40, 20, 30}) {
      s.addSeconds(v);
    }
    assertThat(s.summary()).isEqualTo(new MetricValue.Durations(5, Duration.ofSeconds(30),
        Duration.ofSeconds(30), Duration.ofSeconds(50), Duration.ofSeconds(50), true));
  }

  @Test
  void largeGroups_switchToAHistogram_withinOnePercent_andMeanAndMaxStayExact() {
    Random r = new Random(7);
    int n = 100_000;
    long[] values = new long[n];
    DurationSketch s = new DurationSketch();
    long sum = 0;
    for (int i = 0; i < n; i++) {
      values[i] = (long) (Math.exp(r.nextGaussian() * 1.5 + 9)); // log-normal seconds, ~2 h median
      s.addSeconds(values[i]);
      sum += values[i];
    }
    Arrays.sort(values);
    MetricValue.Durations d = s.summary();
    assertThat(d.exact()).isFalse();
    assertThat(d.count()).isEqualTo(n);
    assertThat(d.max().getSeconds()).isEqualTo(values[n - 1]);
    assertThat(d.mean().toMillis()).isEqualTo(Math.round(sum * 1000.0 / n));
    long median = values[n / 2 - 1];
    long p90 = values[(int) Math.ceil(0.9 * n) - 1];
    assertThat((double) d.median().getSeconds()).isCloseTo(median, org.assertj.core.data.Percentage.withPercentage(1));
    assertThat((double) d.p90().getSeconds()).isCloseTo(p90, org.assertj.core.data.Percentage.withPercentage(1));
  }

  @Test
  void merge_ofSmallAndLarge_equalsAddingAll() {
    DurationSketch a = new DurationSketch();
    DurationSketch b = new DurationSketch();
    DurationSketch all = new DurationSketch();
    for (int i = 0; i < 3000; i++) {
      (i % 3 == 0 ? a : b).addSeconds(i);
      all.addSeconds(i);
    }
    a.merge(b);
    MetricValue.Durations m = a.summary();
    MetricValue.Durations x = all.summary();
    assertThat(m.count()).isEqualTo(x.count());
    assertThat(m.mean()).isEqualTo(x.mean());
    assertThat(m.median()).isEqualTo(x.median());
    assertThat(m.p90()).isEqualTo(x.p90());
  }
}
