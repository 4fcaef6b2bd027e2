package io.itsm.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A rule that fails on every incident at every tick is logged once with its stack trace, then
 * counted: 100 incidents over 5 ticks used to print 500 stack traces (1.1 MB).
 */
class FailureLoggingTest {

  @Test
  void aRuleFailingOnEveryIncident_isLoggedOnce_thenCounted() {
    String drl = EscalationEngineTest.HEADER
        + "rule \"Fails every time\"\n"
        + "when\n"
        + "  IncidentFact()\n"
        + "then\n"
        + "  throw new IllegalStateException(\"no way\");\n"
        + "end\n";
    EscalationEngine ladder = EscalationEngine.builder().withoutDefaults()
        .addRules("fails.drl", drl).build();
    SlaDesk d = new SlaDesk(ladder);
    for (int i = 0; i < 100; i++) {
      d.open(Priority.P2, "network", "network-ops", SupportLevel.L1);
    }
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      for (int tick = 0; tick < 5; tick++) {
        d.clock.advance(Duration.ofMinutes(15));
        d.desk.tick();
      }
    } finally {
      System.setErr(saved);
    }
    String log = err.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("escalation policy failed for", "'Fails every time'", "no way");
    assertThat(log.split("escalation policy failed for", -1)).hasSize(2);
    assertThat(log.length()).isLessThan(20_000);
  }
}
