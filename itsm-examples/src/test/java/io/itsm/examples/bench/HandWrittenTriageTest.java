package io.itsm.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.IncidentType;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.TriagePolicy;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.TeamMap;
import io.itsm.rules.TriageEngine;
import io.itsm.rules.keywords.KeywordDictionary;
import io.itsm.rules.testkit.TicketGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hand-written baseline makes exactly the decisions of the default packs. */
class HandWrittenTriageTest {

  static TriageEngine engine;
  static HandWrittenTriage baseline;

  @BeforeAll
  static void build() {
    engine =
        BenchData.generatedTicketsEngine();
    baseline =
        BenchData.generatedTicketsBaseline();
  }

  @Test
  void generatedTickets_getTheEnginesResult() {
    List<Ticket> tickets = TicketGenerator.generate(5_000);
    for (Ticket t : tickets) {
      assertSame(engine, baseline, t);
    }
  }

  @Test
  void edgeCases_getTheEnginesResult() {
    Instant at = Instant.parse("2024-06-04T10:00:00Z");
    List<Ticket> edge =
        List.of(
            // no keyword, no caller, nothing reported
            Ticket.builder().title("Hello").openedAt(at).build(),
            // service request with keywords of another category, low urgency: P5 only for info
            Ticket.builder()
                .type(IncidentType.SERVICE_REQUEST)
                .title("How do I reset my password? VPN question")
                .urgency(Urgency.LOW)
                .openedAt(at)
                .build(),
            // consulting, low urgency, VIP: P5 then raised to P4
            Ticket.builder()
                .title("Need advice on choosing a backup tool")
                .impact(Impact.LOW)
                .urgency(Urgency.LOW)
                .caller(Caller.of("boss").withVip(true).withLanguage("de"))
                .openedAt(at)
                .build(),
            // security, VIP, P4 by the matrix: both modifiers, approval twice
            Ticket.builder()
                .title("Phishing mail received")
                .impact(Impact.LOW)
                .urgency(Urgency.MEDIUM)
                .caller(Caller.of("vip").withVip(true))
                .openedAt(at)
                .build(),
            // P1 for a service-desk ticket of a German caller: language desk then L2
            Ticket.builder()
                .title("Something is wrong")
                .impact(Impact.HIGH)
                .urgency(Urgency.HIGH)
                .caller(Caller.of("u1").withLanguage("de"))
                .openedAt(at)
                .build(),
            // reported HIGH impact with many users and critical CI and service: no override
            Ticket.builder()
                .title("ERP is very slow")
                .impact(Impact.HIGH)
                .affectedUsers(500)
                .configurationItem("db-erp-01")
                .service("erp")
                .openedAt(at)
                .build(),
            // LOW impact overridden three times
            Ticket.builder()
                .title("ERP is very slow, printer jam, vpn down, vpn tunnel down")
                .impact(Impact.LOW)
                .affectedUsers(500)
                .configurationItem("db-erp-01")
                .service("erp")
                .openedAt(at)
                .build(),
            // tie between categories: the first in the text wins
            Ticket.builder().title("printer vpn").openedAt(at).build(),
            Ticket.builder().title("vpn printer").openedAt(at).build());
    for (Ticket t : edge) {
      assertSame(engine, baseline, t);
    }
  }

  @Test
  void largeDictionaryAndTeamMap_getTheEnginesResult() {
    KeywordDictionary keywords = BenchData.dictionary(1_000);
    TeamMap teams = BenchData.teams(1_000);
    TriageEngine big =
        TriageEngine.builder()
            .keywords(keywords)
            .teams(teams)
            .criticalConfigurationItems(TicketGenerator.CRITICAL_CONFIGURATION_ITEMS)
            .criticalServices(TicketGenerator.CRITICAL_SERVICES)
            .build();
    HandWrittenTriage bigBaseline =
        new HandWrittenTriage(
            keywords,
            teams,
            TriageEngine.DEFAULT_AFFECTED_USERS_THRESHOLD,
            TicketGenerator.CRITICAL_CONFIGURATION_ITEMS,
            TicketGenerator.CRITICAL_SERVICES);
    for (Ticket t : BenchData.tickets(1_000, 1_000)) {
      assertSame(big, bigBaseline, t);
    }
  }

  static void assertSame(TriagePolicy engine, TriagePolicy baseline, Ticket t) {
    TriageResult expected = engine.triage(t);
    TriageResult actual = baseline.triage(t);
    // winners per attribute, then everything (reasons, overruled, fired rules)
    assertThat(actual.category()).as("category of %s", t).isEqualTo(expected.category());
    assertThat(actual.subcategory()).as("subcategory of %s", t).isEqualTo(expected.subcategory());
    assertThat(actual.impact()).as("impact of %s", t).isEqualTo(expected.impact());
    assertThat(actual.urgency()).as("urgency of %s", t).isEqualTo(expected.urgency());
    assertThat(actual.priority()).as("priority of %s", t).isEqualTo(expected.priority());
    assertThat(actual.team()).as("team of %s", t).isEqualTo(expected.team());
    assertThat(actual.supportLevel()).as("level of %s", t).isEqualTo(expected.supportLevel());
    assertThat(actual.approvalRequired()).as("approval of %s", t)
        .isEqualTo(expected.approvalRequired());
    assertThat(actual.tags()).as("tags of %s", t).isEqualTo(expected.tags());
    assertThat(actual.decisions()).as("decisions of %s", t).isEqualTo(expected.decisions());
    assertThat(actual.overruled()).as("overruled of %s", t).isEqualTo(expected.overruled());
    assertThat(actual.firedRules()).as("fired rules of %s", t).isEqualTo(expected.firedRules());
    assertThat(actual).isEqualTo(expected);
  }
}
