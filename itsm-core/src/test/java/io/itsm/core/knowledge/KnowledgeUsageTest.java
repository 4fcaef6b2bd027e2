package io.itsm.core.knowledge;

import static io.itsm.core.knowledge.Articles.AGENT;
import static io.itsm.core.knowledge.Articles.AGENT_2;
import static io.itsm.core.knowledge.Articles.REVIEWER;
import static io.itsm.core.knowledge.Articles.USER;
import static io.itsm.core.knowledge.Articles.vpnHowTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.ValidationException;
import io.itsm.core.approval.Verdict;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class KnowledgeUsageTest {

  private final MutableClock clock = Articles.clock();
  private final List<KnowledgeEvent> heard = Collections.synchronizedList(new ArrayList<>());
  private final KnowledgeBase kb = KnowledgeBase.builder().clock(clock)
      .listener((e, a) -> heard.add(e)).build();

  private KnowledgeArticle published(Audience audience) {
    KnowledgeArticle a = kb.draft(AGENT, vpnHowTo(audience), "");
    kb.submitForReview(AGENT, a.id());
    return kb.review(REVIEWER, a.id(), Verdict.APPROVE, "");
  }

  @Test
  void usage_countsOpenedFeedbackAndDeflections() {
    KnowledgeArticle a = published(Audience.PUBLIC);
    assertThat(kb.open(USER, a.id(), "de").title()).isEqualTo("VPN trennt alle paar Minuten");
    assertThat(kb.open(USER, a.id(), "sv").language()).isEqualTo("en");
    kb.feedback(USER, a.id(), true, "thanks");
    kb.feedback(Articles.USER, a.id(), false, "");
    kb.answered(USER, a.id(), "vpn drops");
    KnowledgeArticle after = kb.get(AGENT, a.id());
    assertThat(after.usage()).isEqualTo(new ArticleUsage(0, 2, 0, 1, 1, 1));
    assertThat(after.revision()).isEqualTo(a.revision());
    assertThat(after.version()).isEqualTo(a.version() + 5);
  }

  @Test
  void use_ofADraft_isRefused() {
    KnowledgeArticle a = kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    assertThatThrownBy(() -> kb.use(AGENT, a.id(), "INC-000001"))
        .isInstanceOf(ArticleStateException.class)
        .hasMessageContaining("use is allowed only when PUBLISHED");
  }

  @Test
  void use_forOneIncident_countsOnce() {
    KnowledgeArticle a = published(Audience.PUBLIC);
    kb.use(AGENT, a.id(), "INC-000001");
    kb.use(AGENT, a.id(), "INC-000001");
    kb.use(AGENT_2, a.id(), "INC-000002");
    assertThat(kb.get(AGENT, a.id()).usage().usedToResolve()).isEqualTo(2);
    assertThat(kb.get(AGENT, a.id()).isLinkedTo("INC-000002",
        ArticleLink.Relation.USED_TO_RESOLVE)).isTrue();
  }

  @Test
  void feedback_onADraft_isRefused() {
    KnowledgeArticle a = kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    assertThatThrownBy(() -> kb.feedback(AGENT, a.id(), true, ""))
        .isInstanceOf(ArticleStateException.class);
  }

  @Test
  void answered_withAnEmptyOrHugeQuery_isRefused() {
    KnowledgeArticle a = published(Audience.PUBLIC);
    assertThatThrownBy(() -> kb.answered(USER, a.id(), ""))
        .isInstanceOf(ValidationException.class).hasMessageContaining("query must not be blank");
    assertThatThrownBy(() -> kb.answered(USER, a.id(), "x".repeat(100_000)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("query must be at most 1000 characters, but was 100000");
    assertThat(kb.get(AGENT, a.id()).usage().deflected()).isZero();
  }

  @Test
  void search_withoutAnIndex_saysHowToGiveOne() {
    assertThatThrownBy(() -> kb.search(USER, "vpn", "en"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(".index(KnowledgeIndex.inMemory())");
  }

  @Test
  void contributions_countAuthorsReviewersAndUseInThePeriod() {
    KnowledgeArticle a = published(Audience.PUBLIC);
    clock.advance(Duration.ofDays(1));
    kb.edit(AGENT_2, a.id(), vpnHowTo(Audience.INTERNAL), "internal");
    kb.edit(AGENT, a.id(), vpnHowTo(Audience.PUBLIC), "public after all");
    kb.submitForReview(AGENT_2, a.id());
    kb.review(REVIEWER, a.id(), Verdict.APPROVE, "");
    kb.use(AGENT, a.id(), "INC-000009");
    assertThat(kb.contributions(AGENT, Articles.T0, clock.instant().plusSeconds(1)))
        .containsExactly(
            new KnowledgeContribution(AGENT_2.id(), 0, 1, 0, 1, 0, 0),
            new KnowledgeContribution(AGENT.id(), 1, 0, 1, 1, 0, 1),
            new KnowledgeContribution(REVIEWER.id(), 0, 0, 0, 0, 2, 0));
    assertThat(kb.contributions(AGENT, Articles.T0.plus(Duration.ofHours(1)),
        clock.instant().plusSeconds(1)))
        .extracting(KnowledgeContribution::actorId, KnowledgeContribution::drafted,
            KnowledgeContribution::published)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AGENT_2.id(), 0, 1),
            org.assertj.core.groups.Tuple.tuple(AGENT.id(), 0, 0),
            org.assertj.core.groups.Tuple.tuple(REVIEWER.id(), 0, 0));
  }

  @Test
  void listeners_hearEveryEventOfAnArticleInOrder_underContention() throws Exception {
    KnowledgeArticle a = published(Audience.PUBLIC);
    heard.clear();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> runs = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      runs.add(pool.submit(() -> {
        for (int i = 0; i < 50; i++) {
          kb.open(USER, a.id(), "en");
        }
      }));
    }
    for (Future<?> f : runs) {
      f.get();
    }
    pool.shutdown();
    assertThat(kb.get(AGENT, a.id()).usage().opened()).isEqualTo(400);
    assertThat(heard).hasSize(400);
    for (int i = 1; i < heard.size(); i++) {
      assertThat(heard.get(i).sequence()).isEqualTo(heard.get(i - 1).sequence() + 1);
    }
  }
}
