package io.itsm.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EmbeddedDeskExampleTest {

  @Test
  void run_triagesTheGermanPrinterTicket_closesIt_andTheAuditLogReplays() {
    EmbeddedDeskExample app =
        new EmbeddedDeskExample(Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC));

    var lines = app.run();

    assertThat(lines.get(0)).isEqualTo("logged INC-000001: hardware/printer P3 -> desktop-support");
    assertThat(lines.get(1)).startsWith("rejected: incident INC-000001 is ASSIGNED: RESUME is not allowed");
    assertThat(lines.get(2)).isEqualTo("status CLOSED, version " + app.auditLog().size());
    assertThat(lines.get(3)).endsWith("replayed state equals live state: true");
    assertThat(app.auditLog().get(0)).contains("\"type\":\"IncidentLogged\"");
  }
}
