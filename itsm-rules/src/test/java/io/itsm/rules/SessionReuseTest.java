package io.itsm.rules;

import static io.itsm.rules.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.testkit.TicketGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sessions are reused between triages and only the facts some rule can match are inserted: no
 * triage may see anything of an earlier one, and rules on any fact type still see their facts.
 */
class SessionReuseTest {

  @Test
  void failedTriages_leaveNothingBehind_forTheNextTriages() {
    TriageEngine engine =
        TriageEngine.builder()
            .addRules("bad.drl", RuleSafetyTest.BAD_RULES)
            .maxRuleFirings(500)
            .build();
    TriageEngine fresh = TriageEngine.builder().addRules("bad.drl", RuleSafetyTest.BAD_RULES).build();
    List<Ticket> tickets = TicketGenerator.generate(300);
    List<TriageResult> expected = new ArrayList<>();
    for (Ticket t : tickets) {
      expected.add(fresh.triage(t));
    }
    List<TriageResult> actual = new ArrayList<>();
    for (Ticket t : tickets) {
      catchThrowableOfType(RuleExecutionException.class, () -> engine.triage(ticket("loop").build()));
      catchThrowableOfType(RuleExecutionException.class, () -> engine.triage(ticket("boom").build()));
      actual.add(engine.triage(t));
      actual.set(actual.size() - 1, engine.triage(t)); // and twice in a row
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void ruleOnKeywordHits_seesTheHits() {
    TriageEngine engine =
        TriageEngine.builder()
            .addRules(
                "hits.drl",
                """
                package team;
                import io.itsm.rules.keywords.KeywordHit;
                global io.itsm.rules.facts.RuleDecisions decide;

                rule "Tag VPN tickets"
                  ruleflow-group "categorize"
                when
                  KeywordHit(category == "network", subcategory == "vpn", $t : term)
                then
                  decide.tag("vpn", "matched " + $t);
                end
                """)
            .build();
    assertThat(engine.triage(ticket("VPN tunnel down").build()).tags()).containsExactly("vpn");
    assertThat(engine.triage(ticket("printer jam").build()).tags()).isEmpty();
  }

  @Test
  void ruleOnAnyObject_seesEveryFact() {
    TriageEngine engine =
        TriageEngine.builder()
            .addRules(
                "objects.drl",
                """
                package team;
                global io.itsm.rules.facts.RuleDecisions decide;

                rule "Tag tickets with keyword hits"
                  ruleflow-group "categorize"
                when
                  $o : Object(this instanceof io.itsm.rules.keywords.KeywordHit)
                then
                  decide.tag("hit", String.valueOf($o));
                end
                """)
            .build();
    assertThat(engine.triage(ticket("VPN tunnel down").build()).tags()).containsExactly("hit");
  }

  // the settings and the team map stay in reused sessions; these rules would see that

  @Test
  void ruleOnTheTeamMapAlone_firesInEveryTriage() {
    TriageEngine engine =
        TriageEngine.builder()
            .addRules(
                "teams.drl",
                """
                package team;
                import io.itsm.rules.TeamMap;
                global io.itsm.rules.facts.RuleDecisions decide;

                rule "Tag every ticket with the fallback team"
                  ruleflow-group "categorize"
                when
                  TeamMap($f : fallbackTeam)
                then
                  decide.tag("fallback-" + $f, "the team map says so");
                end
                """)
            .build();
    for (int i = 0; i < 3; i++) {
      assertThat(engine.triage(ticket("printer jam").build()).tags())
          .as("triage %d", i)
          .containsExactly("fallback-service-desk");
    }
  }

  @Test
  void factsInsertedByARule_areGoneInTheNextTriage() {
    TriageEngine engine =
        TriageEngine.builder()
            .addRules(
                "insert.drl",
                """
                package team;
                import io.itsm.rules.facts.TicketFact;
                global io.itsm.rules.facts.RuleDecisions decide;

                rule "Mark tickets about marks"
                  ruleflow-group "categorize"
                when
                  TicketFact(title == "mark")
                then
                  insert("marked");
                end

                rule "Tag marked tickets"
                  ruleflow-group "approve"
                when
                  String(this == "marked")
                  TicketFact()
                then
                  decide.tag("marked", "a rule marked it");
                end
                """)
            .build();
    for (int i = 0; i < 3; i++) {
      assertThat(engine.triage(ticket("mark").build()).tags()).containsExactly("marked");
      assertThat(engine.triage(ticket("printer jam").build()).tags()).isEmpty();
    }
  }

  @Test
  void aRuleDeletingTheTeamMap_doesNotLoseItForTheNextTriage() {
    TriageEngine engine =
        TriageEngine.builder()
            .addRules(
                "delete.drl",
                """
                package team;
                import io.itsm.rules.TeamMap;
                import io.itsm.rules.facts.TicketFact;
                global io.itsm.rules.facts.RuleDecisions decide;

                rule "Forget the teams"
                  ruleflow-group "categorize"
                when
                  $t : TeamMap()
                  TicketFact(title == "forget")
                then
                  delete($t);
                end
                """)
            .build();
    TriageEngine plain = TriageEngine.withDefaults();
    Ticket vpn = ticket("VPN tunnel down").build();
    for (int i = 0; i < 3; i++) {
      assertThat(engine.triage(ticket("forget").build()).team()).isEmpty();
      assertThat(engine.triage(vpn)).isEqualTo(plain.triage(vpn));
    }
  }
}
