package io.itsm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Verdict;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.knowledge.ArticleContent;
import io.itsm.core.knowledge.ArticleKind;
import io.itsm.core.knowledge.ArticleText;
import io.itsm.core.knowledge.Audience;
import io.itsm.core.knowledge.CaptureRequest;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeBase;
import io.itsm.core.knowledge.KnowledgeCapture;
import io.itsm.core.knowledge.KnowledgeQuery;
import io.itsm.core.knowledge.ResolvedIncident;
import io.itsm.core.knowledge.event.ArticleDrafted;
import io.itsm.core.knowledge.event.ArticleRevised;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.rules.facts.CaptureSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The default pack capture.drl: when a resolution is written down. */
class CaptureRulesTest {

  static final String SAME_WAY =
      "A category resolved the same way N times without an article asks for one";
  static final String NEW_WORDS = "A resolution that adds to the article used asks for its next version";

  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  private static final Actor NET = Actor.of("a-nils", Role.SPECIALIST, "network-ops");
  private static final Actor REVIEWER =
      new Actor("r-rita", Set.of(Role.KNOWLEDGE_REVIEWER), Set.of());

  private final CaptureEngine engine = CaptureEngine.withDefaults();
  private final MutableClock clock = MutableClock.at(T0);
  private final ServiceDesk desk = ServiceDesk.builder().clock(clock).build();

  /** A real incident, resolved at {@code at}, as the capture policy sees it. */
  private ResolvedIncident resolved(String category, String code, String steps, Instant at,
      Optional<KnowledgeArticle> used) {
    clock.set(at);
    Incident inc = desk.log(Actor.endUser("u1"), Ticket.builder().title("VPN drops").build());
    desk.categorize(NET, inc.id(), category, null);
    desk.assign(NET, inc.id(), Assignment.toTeam("network-ops", SupportLevel.L2));
    inc = desk.proposeResolution(NET, inc.id(), code, steps);
    return new ResolvedIncident(inc, inc.resolution().orElseThrow(), used);
  }

  @Test
  void theThirdResolutionTheSameWay_asksForAnArticle() {
    assertThat(engine.decide(resolved("network", "SOLVED_FIXED",
        "Restarted the VPN concentrator", T0, Optional.empty()))).isEmpty();
    assertThat(engine.decide(resolved("network", "SOLVED_FIXED",
        "restarted the vpn concentrator again", T0.plusSeconds(60), Optional.empty()))).isEmpty();
    CaptureRequest r = engine.decide(resolved("network", "SOLVED_FIXED",
        "Restart of the VPN concentrator", T0.plusSeconds(120), Optional.empty())).orElseThrow();
    assertThat(r.kind()).isEqualTo(CaptureRequest.Kind.NEW_ARTICLE);
    assertThat(r.decidedBy().name()).isEqualTo(SAME_WAY);
    assertThat(r.decidedBy().reason()).isEqualTo("category network was resolved the same way"
        + " (SOLVED_FIXED) 3 times without an article: [INC-000002, INC-000001] before");
  }

  @Test
  void otherSteps_anotherCode_anotherCategory_orOutsideTheWindow_doNotCount() {
    engine.decide(resolved("network", "SOLVED_FIXED", "Restarted the VPN concentrator",
        T0, Optional.empty()));
    engine.decide(resolved("network", "SOLVED_FIXED", "Replaced the network cable",
        T0, Optional.empty()));
    engine.decide(resolved("network", "SOLVED_WORKAROUND",
        "Restarted the VPN concentrator", T0, Optional.empty()));
    engine.decide(resolved("hardware", "SOLVED_FIXED", "Restarted the VPN concentrator",
        T0, Optional.empty()));
    assertThat(engine.decide(resolved("network", "SOLVED_FIXED",
        "Restarted the VPN concentrator", T0.plus(Duration.ofDays(91)), Optional.empty())))
        .isEmpty();
    assertThat(engine.decide(resolved("network", "SOLVED_FIXED",
        "Restarted the VPN concentrator", T0, Optional.empty()))).isEmpty();
  }

  @Test
  void settings_changeTheCount() {
    CaptureEngine once = CaptureEngine.builder()
        .settings(new CaptureSettings(1, 0.5, Duration.ofDays(1), 0.3)).build();
    assertThat(once.decide(resolved("network", "SOLVED_FIXED", "Restarted it", T0,
        Optional.empty()))).isPresent();
  }

  @Test
  void aResolutionWithAnArticle_asksForItsNextVersion_whenItAddsEnoughNewWords() {
    KnowledgeBase kb = KnowledgeBase.builder().clock(MutableClock.at(T0)).build();
    KnowledgeArticle a = kb.draft(NET, ArticleContent.of(ArticleKind.HOW_TO, Audience.INTERNAL,
        ArticleText.of("en", "VPN drops", "The VPN drops", "Update the VPN client to 5.4")), "");
    kb.submitForReview(NET, a.id());
    a = kb.review(REVIEWER, a.id(), Verdict.APPROVE, "");
    assertThat(engine.decide(resolved("network", "SOLVED_FIXED",
        "Updated the VPN client to 5.4", T0, Optional.of(a)))).isEmpty();
    CaptureRequest r = engine.decide(resolved("network", "SOLVED_FIXED",
        "Updated the VPN client, then disabled IPv6 on the wireless adapter", T0, Optional.of(a)))
        .orElseThrow();
    assertThat(r.kind()).isEqualTo(CaptureRequest.Kind.NEW_VERSION);
    assertThat(r.decidedBy().name()).isEqualTo(NEW_WORDS);
    assertThat(r.decidedBy().reason()).endsWith("% new words to " + a.id());
  }

  @Test
  void teamRules_canAskToo_andALeftOutRuleIsSilent() {
    CaptureEngine security = CaptureEngine.builder().withoutRule(SAME_WAY)
        .addRules("security.drl", """
            package team;
            import io.itsm.rules.facts.ResolutionFact;
            global io.itsm.rules.facts.CaptureDecisions capture;
            rule "Every security resolution is written down"
            when
              ResolutionFact(category == "security", articleUsed == null)
            then
              capture.draftArticle("security resolutions are always documented");
            end
            """).build();
    assertThat(security.decide(resolved("security", "SOLVED_FIXED", "Reset the token",
        T0, Optional.empty())).orElseThrow().decidedBy().name())
        .isEqualTo("Every security resolution is written down");
    assertThat(security.ruleNames()).doesNotContain(SAME_WAY);
  }

  @Test
  void ruleCode_isContained() {
    assertThatThrownBy(() -> CaptureEngine.builder().addRules("bad.drl", """
        package team;
        import io.itsm.rules.facts.ResolutionFact;
        global io.itsm.rules.facts.CaptureDecisions capture;
        rule "Exit"
        when
          ResolutionFact()
        then
          System.exit(1);
        end
        """).build()).isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("bad.drl").hasMessageContaining("System.exit");
  }

  @Test
  void onADesk_theThirdResolutionTheSameWay_isDraftedByTheSystem_crediting_theResolver() {
    MutableClock clock = MutableClock.at(T0);
    KnowledgeCapture capture = KnowledgeCapture.of(CaptureEngine.withDefaults());
    ServiceDesk desk = ServiceDesk.builder().clock(clock).listener(capture).build();
    KnowledgeBase kb = KnowledgeBase.builder().desk(desk).capture(capture).build();
    String last = null;
    for (int i = 0; i < 3; i++) {
      Incident inc = desk.log(Actor.endUser("u" + i), Ticket.builder().title("VPN drops").build());
      desk.categorize(NET, inc.id(), "network", "vpn");
      desk.assign(NET, inc.id(), Assignment.toTeam("network-ops", SupportLevel.L2));
      desk.proposeResolution(NET, inc.id(), "SOLVED_FIXED", "Restarted the VPN concentrator");
      clock.advance(Duration.ofHours(1));
      last = inc.id();
    }
    List<KnowledgeArticle> all = kb.find(NET, KnowledgeQuery.all());
    assertThat(all).hasSize(1);
    KnowledgeArticle a = all.get(0);
    assertThat(a.author()).isEqualTo(NET.id());
    assertThat(a.current().basedOn()).contains(last);
    KnowledgeEvent first = kb.history(NET, a.id()).get(0);
    assertThat(((ArticleDrafted) first).decidedBy().orElseThrow().name()).isEqualTo(SAME_WAY);
    assertThat(desk.get(NET, last).links()).extracting(l -> l.targetId()).contains(a.id());

    // resolving with the article and adding steps proposes its next version
    kb.submitForReview(NET, a.id());
    kb.review(REVIEWER, a.id(), Verdict.APPROVE, "");
    Incident inc = desk.log(Actor.endUser("u9"), Ticket.builder().title("VPN drops").build());
    desk.categorize(NET, inc.id(), "network", "vpn");
    desk.assign(NET, inc.id(), Assignment.toTeam("network-ops", SupportLevel.L2));
    kb.use(NET, a.id(), inc.id());
    desk.proposeResolution(NET, inc.id(), "SOLVED_FIXED",
        "Restarted the VPN concentrator\nRenewed the expired gateway certificate");
    KnowledgeArticle after = kb.get(NET, a.id());
    assertThat(after.current().number()).isEqualTo(2);
    List<KnowledgeEvent> h = kb.history(NET, a.id());
    assertThat(h).filteredOn(e -> e instanceof ArticleRevised).singleElement()
        .satisfies(e -> assertThat(((ArticleRevised) e).decidedBy().orElseThrow().name())
            .isEqualTo(NEW_WORDS));
  }
}
