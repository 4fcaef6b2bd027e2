package io.itsm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
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
import io.itsm.core.knowledge.KnowledgeHit;
import io.itsm.core.knowledge.KnowledgeQuery;
import io.itsm.core.knowledge.KnowledgeRepository;
import io.itsm.core.knowledge.StaleArticleException;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import io.itsm.core.knowledge.event.ArticleDrafted;
import io.itsm.core.knowledge.event.ArticleOpened;
import io.itsm.core.knowledge.event.ArticleSuggested;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.core.knowledge.event.KnowledgeHistory;
import java.time.Duration;
import java.time.Instant;
import io.itsm.rules.knowledge.KnowledgeIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * two knowledge bases on one store, writes to several articles at once stored all or none (the
 * suggestions a knowledge base shows).
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

  // ------------------------------------------------------------ several articles at once

  static KnowledgeArticle published(KnowledgeBase kb, ArticleContent content) {
    KnowledgeArticle a = kb.draft(AGENT, content, "");
    kb.submitForReview(AGENT, a.id());
    return kb.review(REVIEWER, a.id(), Verdict.APPROVE, "");
  }

  /** An opening of an article read at {@code read}, as one part of an appendAll. */
  static KnowledgeRepository.Append opened(KnowledgeArticle read) {
    KnowledgeEvent e = new ArticleOpened(read.id(), read.version() + 1, T0, USER.id(), "en",
        Optional.empty());
    return new KnowledgeRepository.Append(read.version(), List.of(e),
        KnowledgeHistory.apply(read, e));
  }

  private static Map<String, List<KnowledgeEvent>> histories(KnowledgeRepository repo,
      List<KnowledgeArticle> articles) {
    Map<String, List<KnowledgeEvent>> out = new HashMap<>();
    articles.forEach(a -> out.put(a.id(), repo.history(a.id())));
    return out;
  }

  @Test
  void appendAll_whenTheMiddleArticleIsStale_storesNoneOfThem() {
    MutableClock clock = MutableClock.at(T0);
    KnowledgeRepository repo = newRepository();
    KnowledgeBase kb = kb(repo, clock);
    List<KnowledgeArticle> read = List.of(kb.draft(AGENT, vpn(), ""), kb.draft(AGENT, printer(), ""),
        kb.draft(AGENT, vpn(), ""));
    List<KnowledgeRepository.Append> appends = read.stream()
        .map(KnowledgeRepositoryContract::opened).toList();
    KnowledgeArticle changed = kb(sameStore(repo), clock).edit(AGENT, read.get(1).id(), printer(),
        "another instance edits it meanwhile");
    Map<String, List<KnowledgeEvent>> before = histories(repo, read);

    assertThatThrownBy(() -> repo.appendAll(appends))
        .isInstanceOf(StaleArticleException.class)
        .satisfies(e -> {
          StaleArticleException s = (StaleArticleException) e;
          assertThat(s.getArticleId()).isEqualTo(changed.id());
          assertThat(s.getExpectedVersion()).isEqualTo(changed.version() - 1);
          assertThat(s.getActualVersion()).isEqualTo(changed.version());
        });

    assertThat(histories(repo, read)).as("the first article's rows are rolled back too")
        .isEqualTo(before);
    KnowledgeRepository again = sameStore(repo);
    assertThat(again.find(read.get(0).id())).contains(read.get(0));
    assertThat(again.find(read.get(1).id())).contains(changed);
    assertThat(again.find(read.get(2).id())).contains(read.get(2));
    assertThat(again.find(KnowledgeQuery.all())).allSatisfy(a ->
        assertThat(a.usage().opened()).isZero());

    repo.appendAll(List.of(appends.get(0), opened(changed), appends.get(2)));
    assertThat(again.find(KnowledgeQuery.all())).allSatisfy(a ->
        assertThat(a.usage().opened()).isEqualTo(1));
  }

  @Test
  void appendAll_storesEveryArticle_aNewOneIncluded_andAnotherInstanceReadsThemAll() {
    KnowledgeRepository repo = newRepository();
    KnowledgeBase kb = kb(repo, MutableClock.at(T0));
    KnowledgeArticle vpn = kb.draft(AGENT, vpn(), "");
    KnowledgeRepository.Append vpnOpened = opened(vpn);
    List<KnowledgeEvent> imported = List.of(new ArticleDrafted(
        "KB-IMPORTED-1", 1, T0, AGENT.id(), AGENT.id(), printer(), "imported", Optional.empty(),
        Optional.empty()));
    KnowledgeArticle importedState = KnowledgeHistory.replay(imported);

    repo.appendAll(List.of(vpnOpened, new KnowledgeRepository.Append(0, imported, importedState)));
    repo.appendAll(List.of());

    KnowledgeRepository again = sameStore(repo);
    assertThat(again.find(vpn.id())).contains(vpnOpened.newState());
    assertThat(again.history(vpn.id())).endsWith(vpnOpened.events().get(0));
    assertThat(again.find("KB-IMPORTED-1")).contains(importedState);
    assertThat(again.history("KB-IMPORTED-1")).isEqualTo(imported);
    assertThat(again.find(KnowledgeQuery.all().withKind(ArticleKind.KNOWN_ERROR)))
        .containsExactly(importedState);
    assertThatThrownBy(() -> repo.appendAll(List.of(new KnowledgeRepository.Append(0, imported,
        importedState)))).isInstanceOf(StaleArticleException.class);
  }

  @Test
  void appendAll_twiceToOneArticle_isRefused_andStoresNothing() {
    KnowledgeRepository repo = newRepository();
    KnowledgeBase kb = kb(repo, MutableClock.at(T0));
    KnowledgeArticle vpn = kb.draft(AGENT, vpn(), "");
    KnowledgeArticle printer = kb.draft(AGENT, printer(), "");
    KnowledgeRepository.Append first = opened(printer);

    assertThatThrownBy(() -> repo.appendAll(List.of(opened(vpn), first,
        opened(first.newState()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most one per article, but article " + printer.id());

    assertThat(repo.find(vpn.id())).contains(vpn);
    assertThat(repo.find(printer.id())).contains(printer);
  }

  /** A knowledge base that suggests, on a repository, with a listener collecting events. */
  private record Suggesting(KnowledgeBase kb, ServiceDesk desk, List<KnowledgeEvent> heard,
      List<KnowledgeArticle> articles) {

    Incident incident() {
      return desk.log(USER, Ticket.builder().title("VPN disconnects every few minutes")
          .description("and the printers jam when printing A3").build());
    }
  }

  private static Suggesting suggesting(KnowledgeRepository repo, KnowledgeIndex index) {
    MutableClock clock = MutableClock.at(T0);
    ServiceDesk desk = ServiceDesk.builder().clock(clock).build();
    List<KnowledgeEvent> heard = Collections.synchronizedList(new ArrayList<>());
    KnowledgeBase kb = KnowledgeBase.builder().repository(repo).clock(clock).desk(desk)
        .index(index).listener((e, a) -> heard.add(e)).build();
    List<KnowledgeArticle> articles = List.of(published(kb, vpn()), published(kb, printer()),
        published(kb, vpn().withScope(ArticleScope.categories("network"))));
    heard.clear();
    return new Suggesting(kb, desk, heard, articles);
  }

  @Test
  void suggest_recordsEverySuggestion_withOneAppendAll_heardInRankOrder() {
    KnowledgeRepository store = newRepository();
    InterferingKnowledgeRepository repo = new InterferingKnowledgeRepository(store,
        sameStore(store));
    try (KnowledgeIndex index = KnowledgeIndex.inMemory()) {
      Suggesting s = suggesting(repo, index);
      Incident inc = s.incident();
      int appendsBefore = repo.appends.get();

      List<KnowledgeHit> hits = s.kb().suggest(AGENT, inc.id());

      assertThat(hits).hasSizeGreaterThanOrEqualTo(2);
      assertThat(repo.appendAlls.get()).as("one appendAll per suggest").isEqualTo(1);
      assertThat(repo.appends.get()).as("no single appends").isEqualTo(appendsBefore);
      assertThat(s.heard()).extracting(e -> ((ArticleSuggested) e).articleId())
          .containsExactlyElementsOf(hits.stream().map(h -> h.article().articleId()).toList());
      assertThat(s.heard()).extracting(e -> ((ArticleSuggested) e).rank())
          .isSorted();
      KnowledgeRepository again = sameStore(store);
      for (KnowledgeHit h : hits) {
        assertThat(again.find(h.article().articleId()).orElseThrow().usage().suggested())
            .isEqualTo(1);
      }
    }
  }

  @Test
  void suggest_whenAnotherInstanceChangedASuggestedArticle_isRetriedAsAWhole_recordingEachOnce() {
    KnowledgeRepository store = newRepository();
    InterferingKnowledgeRepository repo = new InterferingKnowledgeRepository(store,
        sameStore(store));
    try (KnowledgeIndex index = KnowledgeIndex.inMemory()) {
      Suggesting s = suggesting(repo, index);
      Incident inc = s.incident();
      String last = s.kb().suggest(AGENT, inc, 5).stream().reduce((a, b) -> b).orElseThrow()
          .article().articleId();
      repo.appendAlls.set(0);
      s.heard().clear();
      repo.interfere(last, 1);

      List<KnowledgeHit> hits = s.kb().suggest(AGENT, inc, 5);

      assertThat(repo.appendAlls.get()).as("the stale try, then the whole again").isEqualTo(2);
      for (KnowledgeHit h : hits) {
        assertThat(store.history(h.article().articleId()))
            .filteredOn(ArticleSuggested.class::isInstance).hasSize(2);
      }
      assertThat(store.find(last).orElseThrow().usage().opened()).isEqualTo(1);
      assertThat(s.heard()).hasSize(hits.size()).allMatch(ArticleSuggested.class::isInstance);
    }
  }

  @Test
  void suggest_whenASuggestedArticleKeepsChanging_recordsNoneOfTheSuggestions_andNothingIsHeard() {
    KnowledgeRepository store = newRepository();
    InterferingKnowledgeRepository repo = new InterferingKnowledgeRepository(store,
        sameStore(store));
    try (KnowledgeIndex index = KnowledgeIndex.inMemory()) {
      Suggesting s = suggesting(repo, index);
      Incident inc = s.incident();
      Map<String, List<KnowledgeEvent>> before = histories(store, s.articles());
      String changing = s.articles().get(1).id();
      repo.interfere(changing, Integer.MAX_VALUE);

      assertThatThrownBy(() -> s.kb().suggest(AGENT, inc, 5))
          .isInstanceOf(StaleArticleException.class)
          .hasMessageContaining("article " + changing);

      assertThat(repo.appendAlls.get()).isGreaterThan(1);
      for (KnowledgeArticle a : s.articles()) {
        List<KnowledgeEvent> now = store.history(a.id());
        assertThat(now).filteredOn(ArticleSuggested.class::isInstance).isEmpty();
        if (!a.id().equals(changing)) {
          assertThat(now).isEqualTo(before.get(a.id()));
          assertThat(store.find(a.id())).contains(a);
        } else {
          assertThat(now).startsWith(before.get(a.id()).toArray(new KnowledgeEvent[0]))
              .hasSize(before.get(a.id()).size() + repo.appendAlls.get());
        }
      }
      assertThat(s.heard()).as("the listeners hear nothing of a write that was not stored")
          .isEmpty();
    }
  }
}
