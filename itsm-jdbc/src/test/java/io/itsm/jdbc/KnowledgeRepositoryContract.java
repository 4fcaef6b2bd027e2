package io.itsm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Verdict;
import io.itsm.core.knowledge.ArticleContent;
import io.itsm.core.knowledge.ArticleKind;
import io.itsm.core.knowledge.ArticleLink;
import io.itsm.core.knowledge.ArticleScope;
import io.itsm.core.knowledge.ArticleState;
import io.itsm.core.knowledge.ArticleText;
import io.itsm.core.knowledge.Audience;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeBase;
import io.itsm.core.knowledge.KnowledgeQuery;
import io.itsm.core.knowledge.KnowledgeRepository;
import io.itsm.core.knowledge.StaleArticleException;
import io.itsm.core.knowledge.event.ArticleOpened;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.core.knowledge.event.KnowledgeHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KnowledgeRepository} must do, run on the in-memory one and on the JDBC one on
 * H2 and on a real PostgreSQL: the whole article lifecycle stored and read back (also by a
 * knowledge base opened again on the same store), searches by state, kind, author, link and
 * category, optimistic versions (a stale command stores nothing), usage counted exactly once by
 * two knowledge bases on one store.
 */
abstract class KnowledgeRepositoryContract {

  static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  static final Actor AGENT = Actor.of("a-sara", Role.AGENT, "service-desk");
  static final Actor REVIEWER = new Actor("r-rita", Set.of(Role.KNOWLEDGE_REVIEWER), Set.of());
  static final Actor USER = Actor.endUser("u-anna");

  /** A fresh, empty repository. */
  abstract KnowledgeRepository newRepository();

  /** The repository of the same store, as another application instance (or a restart) opens it. */
  abstract KnowledgeRepository sameStore(KnowledgeRepository repository);

  static ArticleContent vpn() {
    return ArticleContent.of(ArticleKind.HOW_TO, Audience.PUBLIC,
        ArticleText.of("en", "VPN drops every few minutes", "The VPN disconnects every few minutes",
            "Update the VPN client to 5.4", "Reconnect"),
        ArticleText.of("de", "VPN trennt alle paar Minuten", "Das VPN trennt sich ständig",
            "Aktualisieren Sie den VPN-Client auf 5.4"))
        .withScope(ArticleScope.categories("network").withServices("vpn"));
  }

  static ArticleContent printer() {
    return ArticleContent.of(ArticleKind.KNOWN_ERROR, Audience.INTERNAL,
        ArticleText.of("en", "Printers on floor 3 jam on A3", "Paper jam when printing A3",
            "Check the tray").withWorkaround("Print A3 on the floor 2 printer"))
        .withScope(ArticleScope.categories("hardware"));
  }

  static KnowledgeBase kb(KnowledgeRepository repository, MutableClock clock) {
    return KnowledgeBase.builder().repository(repository).clock(clock).build();
  }

  @Test
  void theLifecycle_isStored_andReadBackByAKnowledgeBaseOpenedAgain() {
    MutableClock clock = MutableClock.at(T0);
    KnowledgeRepository repo = newRepository();
    KnowledgeBase kb = kb(repo, clock);
    KnowledgeArticle vpn = kb.draft(AGENT, vpn(), "after the VPN outage");
    clock.advance(Duration.ofMinutes(5));
    kb.submitForReview(AGENT, vpn.id());
    kb.review(REVIEWER, vpn.id(), Verdict.REJECT, "say which client version");
    kb.edit(AGENT, vpn.id(), vpn(), "client version named");
    kb.submitForReview(AGENT, vpn.id());
    clock.advance(Duration.ofMinutes(5));
    kb.review(REVIEWER, vpn.id(), Verdict.APPROVE, "clear");
    kb.linkIncident(AGENT, vpn.id(), "INC-000042");
    kb.open(USER, vpn.id(), "de");
    kb.feedback(USER, vpn.id(), true, "worked");
    KnowledgeArticle printer = kb.draft(AGENT, printer(), "");
    kb.submitForReview(AGENT, printer.id());
    kb.review(REVIEWER, printer.id(), Verdict.APPROVE, "ok");
    clock.advance(Duration.ofDays(1));
    KnowledgeArticle retired = kb.retire(REVIEWER, printer.id(), "rollers replaced");
    List<KnowledgeEvent> vpnHistory = kb.history(AGENT, vpn.id());
    KnowledgeArticle vpnNow = kb.get(AGENT, vpn.id());

    KnowledgeRepository again = sameStore(repo);
    KnowledgeBase reopened = kb(again, clock);

    assertThat(again.size()).isEqualTo(2);
    assertThat(again.find(vpn.id())).contains(vpnNow);
    assertThat(again.history(vpn.id())).isEqualTo(vpnHistory);
    assertThat(KnowledgeHistory.replay(again.history(vpn.id()))).isEqualTo(vpnNow);
    assertThat(vpnNow.state()).isEqualTo(ArticleState.PUBLISHED);
    assertThat(vpnNow.versions()).hasSize(1);
    assertThat(vpnNow.current().note()).isEqualTo("client version named");
    assertThat(vpnNow.usage().opened()).isEqualTo(1);
    assertThat(vpnNow.usage().helped()).isEqualTo(1);
    assertThat(again.find(printer.id())).contains(retired);
    assertThat(reopened.read(USER, vpn.id(), "de").title()).isEqualTo("VPN trennt alle paar Minuten");
    assertThat(reopened.version(AGENT, printer.id(), 1, "en").title())
        .isEqualTo("Printers on floor 3 jam on A3");
    KnowledgeArticle third = reopened.draft(AGENT, printer(), "the generator starts over");
    assertThat(third.id()).isNotIn(vpn.id(), printer.id());
    assertThat(again.size()).isEqualTo(3);
  }

  @Test
  void find_byStateKindAuthorLinkAndCategory() {
    MutableClock clock = MutableClock.at(T0);
    KnowledgeRepository repo = newRepository();
    KnowledgeBase kb = kb(repo, clock);
    KnowledgeArticle vpn = kb.draft(AGENT, vpn(), "");
    kb.submitForReview(AGENT, vpn.id());
    kb.review(REVIEWER, vpn.id(), Verdict.APPROVE, "");
    kb.linkIncident(AGENT, vpn.id(), "INC-000007");
    KnowledgeArticle printer = kb.draft(Actor.of("a-nils", Role.AGENT), printer(), "");

    assertThat(repo.find(KnowledgeQuery.all())).extracting(KnowledgeArticle::id)
        .containsExactly(vpn.id(), printer.id());
    assertThat(repo.find(KnowledgeQuery.all().withState(ArticleState.PUBLISHED)))
        .extracting(KnowledgeArticle::id).containsExactly(vpn.id());
    assertThat(repo.find(KnowledgeQuery.all().withState(ArticleState.DRAFT)))
        .extracting(KnowledgeArticle::id).containsExactly(printer.id());
    assertThat(repo.find(KnowledgeQuery.all().withState(ArticleState.RETIRED))).isEmpty();
    assertThat(repo.find(KnowledgeQuery.all().withKind(ArticleKind.KNOWN_ERROR)))
        .extracting(KnowledgeArticle::id).containsExactly(printer.id());
    assertThat(repo.find(KnowledgeQuery.all().withAuthor("a-nils")))
        .extracting(KnowledgeArticle::id).containsExactly(printer.id());
    assertThat(repo.find(KnowledgeQuery.all().withLinkedTo("INC-000007")))
        .extracting(KnowledgeArticle::id).containsExactly(vpn.id());
    assertThat(repo.find(KnowledgeQuery.all().withCategory("network")
        .withState(ArticleState.PUBLISHED))).extracting(KnowledgeArticle::id)
        .containsExactly(vpn.id());
    assertThat(repo.find(KnowledgeQuery.all().withCategory("network")
        .withState(ArticleState.DRAFT))).isEmpty();
    assertThat(repo.find(vpn.id()).orElseThrow().isLinkedTo("INC-000007",
        ArticleLink.Relation.RELATED)).isTrue();
    assertThat(repo.find("KB-999999")).isEmpty();
    assertThat(repo.history("KB-999999")).isEmpty();
  }

  @Test
  void append_onAStaleVersion_isRefused_andStoresNothing() {
    MutableClock clock = MutableClock.at(T0);
    KnowledgeRepository repo = newRepository();
    KnowledgeBase kb = kb(repo, clock);
    KnowledgeArticle a = kb.draft(AGENT, vpn(), "");
    KnowledgeEvent opened = new ArticleOpened(a.id(), a.version() + 1, T0, AGENT.id(), "en",
        Optional.empty());
    KnowledgeArticle after = KnowledgeHistory.apply(a, opened);
    repo.append(a.version(), List.of(opened), after);

    assertThatThrownBy(() -> repo.append(a.version(), List.of(opened), after))
        .isInstanceOf(StaleArticleException.class)
        .satisfies(e -> {
          StaleArticleException s = (StaleArticleException) e;
          assertThat(s.getArticleId()).isEqualTo(a.id());
          assertThat(s.getExpectedVersion()).isEqualTo(a.version());
          assertThat(s.getActualVersion()).isEqualTo(a.version() + 1);
        });
    assertThatThrownBy(() -> repo.append(0, List.of(new ArticleOpened("KB-000077", 1, T0,
        AGENT.id(), "en", Optional.empty())), a))
        .isInstanceOf(RuntimeException.class);

    assertThat(repo.history(a.id())).hasSize((int) a.version() + 1);
    assertThat(repo.find(a.id())).contains(after);
    assertThat(repo.size()).isEqualTo(1);
    assertThat(repo.find("KB-000077")).isEmpty();
  }

  @Test
  void usage_fromTwoKnowledgeBasesOnOneStore_isCountedOnce_perOpening() throws Exception {
    MutableClock clock = MutableClock.at(T0);
    KnowledgeRepository repo = newRepository();
    KnowledgeBase first = kb(repo, clock);
    KnowledgeArticle a = first.draft(AGENT, vpn(), "");
    first.submitForReview(AGENT, a.id());
    first.review(REVIEWER, a.id(), Verdict.APPROVE, "");
    KnowledgeBase second = kb(sameStore(repo), clock);
    int threads = 4;
    int each = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        KnowledgeBase kb = t % 2 == 0 ? first : second;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < each; i++) {
            kb.open(USER, a.id(), "en");
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    KnowledgeArticle now = repo.find(a.id()).orElseThrow();
    assertThat(now.usage().opened()).isEqualTo(threads * each);
    assertThat(repo.history(a.id())).filteredOn(e -> e instanceof ArticleOpened)
        .hasSize(threads * each);
    assertThat(KnowledgeHistory.replay(repo.history(a.id()))).isEqualTo(now);
  }
}
