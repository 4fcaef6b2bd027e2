package io.itsm.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.MutableClock;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Verdict;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.knowledge.ArticleContent;
import io.itsm.core.knowledge.ArticleKind;
import io.itsm.core.knowledge.ArticleScope;
import io.itsm.core.knowledge.ArticleText;
import io.itsm.core.knowledge.Audience;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeBase;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.facts.KnowledgeSettings;
import io.itsm.rules.knowledge.KnowledgeIndex;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The default pack knowledge.drl, and KnowledgeMatch facts in team rules. */
class KnowledgeRulesTest {

  static final String RULE = "A matched known error with a workaround stays with the service desk";

  private static final Actor AGENT = Actor.of("a-sara", Role.AGENT, "service-desk");
  private static final Actor REVIEWER =
      new Actor("r-rita", Set.of(Role.KNOWLEDGE_REVIEWER), Set.of());

  private final KnowledgeIndex index = KnowledgeIndex.inMemory();
  private final KnowledgeBase kb = KnowledgeBase.builder()
      .clock(MutableClock.at(Instant.parse("2026-11-23T08:00:00Z"))).index(index).build();
  private final KnowledgeArticle vpn = publish(ArticleContent.of(ArticleKind.KNOWN_ERROR,
      Audience.INTERNAL,
      ArticleText.of("en", "VPN client 5.3 drops the tunnel", "The VPN disconnects, error 809",
          "Check the client version")
          .withWorkaround("Update the VPN client to 5.4"))
      .withScope(ArticleScope.categories("network")));
  private final KnowledgeArticle printer = publish(ArticleContent.of(ArticleKind.HOW_TO,
      Audience.PUBLIC, ArticleText.of("en", "Printer jams on A3", "Paper jam on A3",
          "Open tray 2", "Remove the paper")));

  private KnowledgeArticle publish(ArticleContent content) {
    KnowledgeArticle a = kb.draft(AGENT, content, "");
    kb.submitForReview(AGENT, a.id());
    return kb.review(REVIEWER, a.id(), Verdict.APPROVE, "");
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void aMatchedKnownErrorWithAWorkaround_staysAtL1_andTagsTheArticle() {
    TriageResult r = TriageEngine.builder().knowledge(index).build()
        .triage(Tickets.ticket("VPN tunnel drops, client 5.3").build());
    assertThat(r.category()).contains("network");
    assertThat(r.team()).contains("service-desk");
    assertThat(r.supportLevel()).contains(SupportLevel.L1);
    assertThat(r.tags()).contains("known-error", "kb:" + vpn.id());
    assertThat(r.decision(TriageAttribute.TEAM).orElseThrow().rule()).isEqualTo(RULE);
    assertThat(r.decision(TriageAttribute.TEAM).orElseThrow().reason())
        .startsWith("known error " + vpn.id() + " 'VPN client 5.3 drops the tunnel' matched"
            + " 'vpn', 'tunnel', 'drops'")
        .endsWith("; the service desk replies with its workaround");
    assertThat(r.decisions()).anySatisfy(d -> assertThat(d.reason())
        .isEqualTo("reply with the workaround: Update the VPN client to 5.4"));
    assertThat(Tickets.overruledRules(r)).contains("Each category goes to its team");
  }

  @Test
  void theCallersLanguageDesk_stillTakesTheServiceDesksTicket() {
    TriageResult r = TriageEngine.builder().knowledge(index).build().triage(
        Tickets.ticket("VPN tunnel drops, client 5.3", Caller.of("u2").withLanguage("de"))
            .build());
    assertThat(r.team()).contains("service-desk-de");
    assertThat(r.supportLevel()).contains(SupportLevel.L1);
  }

  @Test
  void aP1_isNotKeptAtTheServiceDesk() {
    TriageResult r = TriageEngine.builder().knowledge(index).build().triage(
        Tickets.ticket("VPN tunnel drops, client 5.3").impact(Impact.HIGH).urgency(Urgency.HIGH)
            .build());
    assertThat(r.priority()).contains(Priority.P1);
    assertThat(r.firedRules()).doesNotContain(RULE);
    assertThat(r.team()).contains("network-ops");
  }

  @Test
  void aWeakMatch_orAnotherKind_decidesNothing() {
    TriageEngine engine = TriageEngine.builder().knowledge(index).build();
    assertThat(engine.triage(Tickets.ticket("tunnel to the office is slow").build()).firedRules())
        .doesNotContain(RULE);
    assertThat(engine.triage(Tickets.ticket("printer jams on A3 paper").build()).firedRules())
        .doesNotContain(RULE);
    TriageEngine strict = TriageEngine.builder()
        .knowledge(index, 3, new KnowledgeSettings(7, 0.5)).build();
    assertThat(strict.triage(Tickets.ticket("VPN tunnel drops, client 5.3").build()).firedRules())
        .doesNotContain(RULE);
  }

  @Test
  void withoutThePack_matchesAreFactsForYourRulesOnly() {
    TriageResult r = TriageEngine.builder().knowledge(index).withoutPack(TriageEngine.PACK_KNOWLEDGE)
        .addRules("team.drl", """
            package team;
            import io.itsm.core.knowledge.ArticleKind;
            import io.itsm.rules.facts.KnowledgeMatch;
            global io.itsm.rules.facts.RuleDecisions decide;
            rule "Matched how-tos are tagged"
              ruleflow-group "dispatch"
            when
              $k : KnowledgeMatch(kind == ArticleKind.HOW_TO, rank == 1)
            then
              decide.tag("how-to:" + $k.article(), $k.explanation());
            end
            """).build()
        .triage(Tickets.ticket("Printer jams on A3").build());
    assertThat(r.tags()).contains("how-to:" + printer.id());
    assertThat(r.firedRules()).doesNotContain(RULE);
  }

  @Test
  void withoutAnIndex_thePackIsNotLoaded() {
    assertThat(TriageEngine.withDefaults().ruleNames()).doesNotContain(RULE);
    assertThat(TriageEngine.builder().knowledge(index).build().ruleNames()).contains(RULE);
  }
}
