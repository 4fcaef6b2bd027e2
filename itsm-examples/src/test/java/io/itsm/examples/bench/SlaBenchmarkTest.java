package io.itsm.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.sla.BusinessCalendar;
import io.itsm.core.sla.SlaReport;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaBenchmarkTest {

  @Test
  void dayByDayBaseline_givesTheLibrarysDueDates_forEveryBenchmarkStart() {
    BusinessCalendar calendar = SlaBenchmark.calendar();
    DayByDayCalendar baseline = SlaBenchmark.baseline();
    for (Instant start : SlaBenchmark.starts()) {
      assertThat(baseline.addBusinessTime(start, SlaBenchmark.THIRTY_BUSINESS_DAYS))
          .as("due date from %s", start)
          .isEqualTo(calendar.addBusinessTime(start, SlaBenchmark.THIRTY_BUSINESS_DAYS));
    }
  }

  @Test
  void benchmarkHistory_isARealisticResolvedIncident() {
    SlaBenchmark b = new SlaBenchmark();
    b.setUp();
    assertThat(b.history).hasSize(15);
    SlaReport report = b.evaluateIncident();
    // P2 (8 h on 24x7, recomputed from the start) resolved after ~38 h: stopped, and missed
    assertThat(report.resolution().state().name()).isEqualTo("MISSED");
    assertThat(b.dueDate()).isAfter(Instant.parse("2026-01-05T07:00:00Z"));
  }
}
