package io.itsm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import io.itsm.core.problem.ProblemProposal;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.rules.predict.SimilarIncidents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default recurrence pack {@code problem.drl}, rule by rule, on incidents triaged by the
 * default triage packs of a real desk.
 */
class RecurrenceRulesTest {

  static final String CI = "Three incidents on one configuration item within 7 days suggest a problem";
  static final String SERVICE = "Five incidents on one service within 7 days suggest a problem";
  static final String TEXT =
      "Five incidents of one category with similar text within 14 days suggest a problem";

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T08:00:00Z"));
  private final ServiceDesk desk = ServiceDesk.builder().clock(clock)
      .triagePolicy(TriageEngine.withDefaults()).build();
  private final List<Incident> logged = new ArrayList<>();

  private Incident log(String title, String service, String ci, Duration after) {
    clock.advance(after);
    Ticket.Builder t = Ticket.builder().title(title).caller(Caller.of("u" + logged.size()));
    if (service != null) {
      t.service(service);
    }
    if (ci != null) {
      t.configurationItem(ci);
    }
    Incident inc = desk.log(Actor.endUser("u" + logged.size()), t.build());
    logged.add(inc);
    return inc;
  }

  private static List<ProblemProposal> propose(RecurrenceEngine engine, Incident inc,
      List<Incident> recent) {
    return engine.propose(inc, recent.stream().filter(i -> !i.id().equals(inc.id())).toList());
  }

  @Test
  void ruleNames_areTheThreeSentences() {
    assertThat(RecurrenceEngine.withDefaults().ruleNames())
        .containsExactlyInAnyOrder(CI, SERVICE, TEXT);
  }

  @Test
  void aThirdIncidentOnOneConfigurationItemWithin7Days_proposesAProblem() {
    RecurrenceEngine engine = RecurrenceEngine.withDefaults();
    log("Orders app times out", null, "db-orders", Duration.ZERO);
    log("Cannot save an order", null, "db-orders", Duration.ofDays(2));
    log("Printer offline", null, "printer-7", Duration.ofHours(1));
    assertThat(propose(engine, logged.get(2), logged.subList(0, 2))).isEmpty();

    Incident third = log("Order screen freezes", null, "db-orders", Duration.ofDays(3));
    List<ProblemProposal> p = propose(engine, third, logged);
    assertThat(p).singleElement().satisfies(x -> {
      assertThat(x.incidentIds()).containsExactly(logged.get(0).id(), logged.get(1).id(),
          third.id());
      assertThat(x.configurationItem()).contains("db-orders");
      assertThat(x.title()).isEqualTo("Recurring incidents on db-orders");
      assertThat(x.decidedBy().name()).isEqualTo(CI);
      assertThat(x.decidedBy().reason())
          .isEqualTo("3 incidents on configuration item db-orders within 7 days");
    });

    clock.advance(Duration.ofDays(3));
    Incident late = log("Orders slow", null, "db-orders", Duration.ZERO);
    assertThat(propose(engine, late, List.of(logged.get(0), logged.get(1))))
        .as("the first two are more than 7 days older").isEmpty();
  }

  @Test
  void fiveIncidentsOnOneServiceWithin7Days_proposeAProblem() {
    RecurrenceEngine engine = RecurrenceEngine.withDefaults();
    for (int i = 0; i < 4; i++) {
      log("Payroll question " + i, "payroll", null, Duration.ofHours(20));
    }
    assertThat(propose(engine, logged.get(3), logged.subList(0, 3))).isEmpty();
    Incident fifth = log("Payroll export fails", "payroll", null, Duration.ofHours(20));
    assertThat(propose(engine, fifth, logged)).singleElement()
        .satisfies(x -> {
          assertThat(x.decidedBy().name()).isEqualTo(SERVICE);
          assertThat(x.service()).contains("payroll");
          assertThat(x.incidentIds()).hasSize(5);
        });
  }

  @Test
  void fiveSimilarIncidentsOfACategory_proposeAProblem_onlyWithTheSimilarIncidentsIndex() {
    try (SimilarIncidents index = SimilarIncidents.builder().build()) {
      RecurrenceEngine withIndex = RecurrenceEngine.builder().similarIncidents(index).build();
      RecurrenceEngine without = RecurrenceEngine.withDefaults();
      List<String> titles = List.of("VPN disconnects every few minutes",
          "VPN keeps disconnecting", "The VPN disconnects after a few minutes",
          "VPN connection disconnects often", "Printer is jammed");
      for (String t : titles) {
        Incident inc = log(t, null, null, Duration.ofHours(30));
        assertThat(withIndex.propose(inc, logged.subList(0, logged.size() - 1))).isEmpty();
      }
      Incident fifth = log("VPN disconnects again every few minutes", null, null,
          Duration.ofHours(30));
      List<Incident> before = logged.subList(0, logged.size() - 1);

      assertThat(without.propose(fifth, before)).as("no index: no similar text").isEmpty();
      List<ProblemProposal> p = withIndex.propose(fifth, before);
      assertThat(p).singleElement().satisfies(x -> {
        assertThat(x.decidedBy().name()).isEqualTo(TEXT);
        assertThat(x.category()).contains("network");
        assertThat(x.incidentIds()).hasSize(5).doesNotContain(logged.get(4).id());
      });
    }
  }

  @Test
  void aTeamRule_mayProposeOnItsOwnTerms_butNotWithIncidentsItWasNotGiven() {
    RecurrenceEngine team = RecurrenceEngine.builder().withoutDefaults()
        .lookBack(Duration.ofDays(2)).addRules("team-problem.drl", """
            package team;
            import io.itsm.rules.facts.NewIncidentFact;
            import io.itsm.rules.facts.RecentIncidentFact;
            import java.util.List;
            global io.itsm.rules.facts.ProblemProposals problems;
            rule "Two in a day"
            when
              $n : NewIncidentFact()
              $ids : List(size >= 1) from accumulate(
                  RecentIncidentFact(sameCategory, daysBefore <= 1.0, $id : id), collectList($id))
            then
              problems.propose("Twice " + $n.category(), $ids, "two in a day");
            end
            rule "Made up"
            when NewIncidentFact(title == "bogus")
            then problems.propose("x", List.of("INC-999999"), "made up");
            end
            """).build();
    assertThat(team.lookBack()).isEqualTo(Duration.ofDays(2));
    Incident a = log("Printer jammed", null, null, Duration.ZERO);
    Incident b = log("Printer jammed again", null, null, Duration.ofHours(3));
    assertThat(team.propose(b, List.of(a))).singleElement()
        .satisfies(x -> assertThat(x.incidentIds()).containsExactly(a.id(), b.id()));
    Incident bogus = log("bogus", null, null, Duration.ofDays(3));
    assertThatThrownBy(() -> team.propose(bogus, List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("rule 'Made up' proposed a problem with incident INC-999999");
    assertThat(desk.find(Actor.system(), IncidentQuery.all())).hasSize(3);
  }
}
