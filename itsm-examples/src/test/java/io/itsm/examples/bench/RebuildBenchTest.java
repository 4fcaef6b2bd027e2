package io.itsm.examples.bench;

import io.itsm.core.incident.Ticket;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.testkit.TicketGenerator;
import org.junit.jupiter.api.Test;

/** What RebuildBench builds: the default engine and a baseline that decides exactly alike. */
class RebuildBenchTest {

  @Test
  void rebuiltDefaultsAndRebuiltBaseline_decideAlike() {
    RebuildBench bench = new RebuildBench();
    TriageEngine engine = bench.rebuildDefaults();
    HandWrittenTriage baseline = bench.rebuildBaseline();
    for (Ticket t : TicketGenerator.generate(1_000)) {
      HandWrittenTriageTest.assertSame(engine, baseline, t);
    }
  }
}
