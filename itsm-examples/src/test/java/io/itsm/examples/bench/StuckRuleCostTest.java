package io.itsm.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stuck-rule measurement runs and reports each measure (numbers are not asserted). */
class StuckRuleCostTest {

  @Test
  @Timeout(120)
  void measure_reportsEachMeasure_andTheEngineRefusesWorkPastTheLimit() throws Exception {
    List<String> lines = StuckRuleCost.measure(200, 2);
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).startsWith("caller waited for its answer:");
    assertThat(lines.get(3)).isEqualTo(
        "new triages refused after:      2 stuck runs (maxStuckRuns 2)");
  }
}
