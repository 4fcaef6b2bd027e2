package io.itsm.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.ServiceDesk;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.Ticket;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.testkit.TicketGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void lifecycle_withEngineAndWithBaseline_closesEveryTicketIdentically() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    ServiceDesk engineDesk = Lifecycle.desk(BenchData.generatedTicketsEngine(), clock);
    ServiceDesk baselineDesk = Lifecycle.desk(BenchData.generatedTicketsBaseline(), clock);
    List<Ticket> tickets = TicketGenerator.generate(400).stream().filter(t -> t.caller().isPresent()).toList();
    assertThat(tickets).hasSizeGreaterThan(300);
    for (Ticket t : tickets) {
      Incident a = Lifecycle.run(engineDesk, t);
      Incident b = Lifecycle.run(baselineDesk, t);
      assertThat(a.status()).isEqualTo(Status.CLOSED);
      assertThat(a).isEqualTo(b);
    }
  }

  @Test
  void coldStartTeamRules_compileAndFire() {
    TriageEngine engine = TriageEngine.builder().addRules("generated.drl", ColdStart.teamRules(50)).build();
    var r = engine.triage(Ticket.builder().title("VPN down")
        .caller(io.itsm.core.incident.Caller.of("u1").withDepartment("dept-7")).build());
    assertThat(r.tags()).containsExactly("dept-7");
    assertThat(engine.ruleNames()).contains("Department 49 is tagged");
  }
}
