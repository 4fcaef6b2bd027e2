package io.itsm.core.knowledge;

import static io.itsm.core.knowledge.Articles.AGENT;
import static io.itsm.core.knowledge.Articles.REVIEWER;
import static io.itsm.core.knowledge.Articles.printerKnownError;
import static io.itsm.core.knowledge.Articles.vpnHowTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.approval.Verdict;
import io.itsm.core.knowledge.event.ArticleLinked;
import io.itsm.core.knowledge.event.ArticleOpened;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.core.knowledge.event.KnowledgeHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryKnowledgeRepositoryTest {

  private final InMemoryKnowledgeRepository repo = new InMemoryKnowledgeRepository();
  private final KnowledgeBase kb =
      KnowledgeBase.builder().clock(Articles.clock()).repository(repo).build();

  private static List<String> ids(List<KnowledgeArticle> articles) {
    return articles.stream().map(KnowledgeArticle::id).toList();
  }

  @Test
  void findByStateKindAndLink_followsEveryChangeOfTheArticles() {
    KnowledgeArticle vpn = kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    KnowledgeArticle printer = kb.draft(AGENT, printerKnownError(), "");
    kb.recordKnownError(AGENT, "PRB-000007", printerKnownError());
    assertThat(ids(repo.find(KnowledgeQuery.all().withState(ArticleState.DRAFT))))
        .containsExactly(vpn.id(), printer.id());
    assertThat(ids(repo.find(KnowledgeQuery.all().withState(ArticleState.IN_REVIEW))))
        .hasSize(1);
    assertThat(ids(repo.find(KnowledgeQuery.all().withLinkedTo("PRB-000007")))).hasSize(1);

    kb.submitForReview(AGENT, vpn.id());
    kb.review(REVIEWER, vpn.id(), Verdict.APPROVE, "clear");
    kb.edit(AGENT, printer.id(), vpnHowTo(Audience.INTERNAL), "a how-to after all");

    assertThat(ids(repo.find(KnowledgeQuery.all().withState(ArticleState.PUBLISHED))))
        .containsExactly(vpn.id());
    assertThat(ids(repo.find(KnowledgeQuery.all().withState(ArticleState.DRAFT))))
        .containsExactly(printer.id());
    assertThat(ids(repo.find(KnowledgeQuery.all().withKind(ArticleKind.HOW_TO))))
        .containsExactly(vpn.id(), printer.id());
    assertThat(ids(repo.find(KnowledgeQuery.all().withKind(ArticleKind.KNOWN_ERROR))))
        .doesNotContain(vpn.id(), printer.id()).hasSize(1);
    assertThat(ids(repo.find(KnowledgeQuery.all().withState(ArticleState.PUBLISHED)
        .withKind(ArticleKind.KNOWN_ERROR)))).isEmpty();
    assertThat(ids(repo.find(KnowledgeQuery.all().withState(ArticleState.RETIRED)))).isEmpty();
    // the indexed criteria give the same answers as checking every article
    for (KnowledgeQuery q : List.of(KnowledgeQuery.all().withState(ArticleState.DRAFT),
        KnowledgeQuery.all().withKind(ArticleKind.HOW_TO).withAuthor(AGENT.id()),
        KnowledgeQuery.all().withLinkedTo("PRB-000007").withState(ArticleState.IN_REVIEW))) {
      assertThat(repo.find(q)).isEqualTo(repo.find(KnowledgeQuery.all()).stream()
          .filter(q::matches).toList());
    }
  }

  @Test
  void findByState_whileArticlesChangeOnOtherThreads_seesEachArticleInOneOfItsStates()
      throws Exception {
    List<String> drafted = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      drafted.add(kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "").id());
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> moving = pool.submit(() -> drafted.forEach(id -> kb.submitForReview(AGENT, id)));
      Future<?> reading = pool.submit(() -> {
        for (int i = 0; i < 200; i++) {
          int draft = repo.find(KnowledgeQuery.all().withState(ArticleState.DRAFT)).size();
          int inReview = repo.find(KnowledgeQuery.all().withState(ArticleState.IN_REVIEW)).size();
          // an article moving between the two reads may be counted twice, never lost
          assertThat(draft + inReview).isGreaterThanOrEqualTo(drafted.size());
        }
      });
      moving.get();
      reading.get();
    } finally {
      pool.shutdownNow();
    }
    assertThat(ids(repo.find(KnowledgeQuery.all().withState(ArticleState.IN_REVIEW))))
        .containsExactlyElementsOf(drafted);
  }

  // ------------------------------------------------------------ several articles at once

  /** An opening of an article read at {@code read}: its append, on {@code read}'s version. */
  private static KnowledgeRepository.Append opened(KnowledgeArticle read) {
    KnowledgeEvent e = new ArticleOpened(read.id(), read.version() + 1, Articles.T0, AGENT.id(),
        "en", Optional.empty());
    return new KnowledgeRepository.Append(read.version(), List.of(e),
        KnowledgeHistory.apply(read, e));
  }

  @Test
  void appendAll_whenOneArticleWasChangedMeanwhile_storesNoneOfThem() {
    KnowledgeArticle vpn = kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    KnowledgeArticle printer = kb.draft(AGENT, printerKnownError(), "");
    KnowledgeArticle third = kb.draft(AGENT, vpnHowTo(Audience.INTERNAL), "");
    List<KnowledgeRepository.Append> appends = List.of(opened(vpn), opened(printer),
        opened(third));
    KnowledgeArticle printerNow = kb.edit(AGENT, printer.id(), printerKnownError(), "meanwhile");
    List<KnowledgeEvent> vpnHistory = repo.history(vpn.id());
    List<KnowledgeEvent> printerHistory = repo.history(printer.id());
    List<KnowledgeEvent> thirdHistory = repo.history(third.id());

    assertThatThrownBy(() -> repo.appendAll(appends))
        .isInstanceOf(StaleArticleException.class)
        .hasMessageContaining("article " + printer.id())
        .satisfies(e -> {
          StaleArticleException s = (StaleArticleException) e;
          assertThat(s.getArticleId()).isEqualTo(printer.id());
          assertThat(s.getExpectedVersion()).isEqualTo(printer.version());
          assertThat(s.getActualVersion()).isEqualTo(printerNow.version());
        });

    assertThat(repo.history(vpn.id())).as("before the stale one: not stored")
        .isEqualTo(vpnHistory);
    assertThat(repo.history(printer.id())).isEqualTo(printerHistory);
    assertThat(repo.history(third.id())).isEqualTo(thirdHistory);
    assertThat(repo.find(vpn.id())).contains(vpn);
    assertThat(repo.find(printer.id())).contains(printerNow);
    assertThat(repo.find(third.id())).contains(third);
    assertThat(repo.find(vpn.id()).orElseThrow().usage().opened()).isZero();
  }

  @Test
  void appendAll_storesEveryArticle_newOnesIncluded_andKeepsTheIndexesInStep() {
    KnowledgeArticle vpn = kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    KnowledgeArticle printer = kb.draft(AGENT, printerKnownError(), "");
    KnowledgeEvent link = new ArticleLinked(printer.id(), printer.version() + 1, Articles.T0,
        AGENT.id(), new ArticleLink(ArticleLink.Relation.RELATED, "INC-000042"));
    KnowledgeEvent open = new ArticleOpened(printer.id(), printer.version() + 2, Articles.T0,
        AGENT.id(), "en", Optional.empty());
    KnowledgeArticle printerAfter =
        KnowledgeHistory.apply(KnowledgeHistory.apply(printer, link), open);
    List<KnowledgeEvent> imported = kb.history(AGENT, vpn.id());
    InMemoryKnowledgeRepository copy = new InMemoryKnowledgeRepository();

    repo.appendAll(List.of(opened(vpn), new KnowledgeRepository.Append(printer.version(),
        List.of(link, open), printerAfter)));
    copy.appendAll(List.of(new KnowledgeRepository.Append(0, imported,
        KnowledgeHistory.replay(imported))));

    assertThat(repo.find(vpn.id()).orElseThrow().usage().opened()).isEqualTo(1);
    assertThat(repo.find(printer.id())).contains(printerAfter);
    assertThat(repo.history(printer.id())).endsWith(link, open);
    assertThat(ids(repo.find(KnowledgeQuery.all().withLinkedTo("INC-000042"))))
        .containsExactly(printer.id());
    assertThat(copy.find(vpn.id())).contains(vpn);
    assertThat(copy.history(vpn.id())).isEqualTo(imported);
    assertThat(ids(copy.find(KnowledgeQuery.all().withState(ArticleState.DRAFT))))
        .containsExactly(vpn.id());
  }

  @Test
  void appendAll_twiceToOneArticle_isRefused_andStoresNothing() {
    KnowledgeArticle vpn = kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    KnowledgeArticle printer = kb.draft(AGENT, printerKnownError(), "");
    KnowledgeRepository.Append first = opened(printer);
    KnowledgeRepository.Append second = opened(first.newState());

    assertThatThrownBy(() -> repo.appendAll(List.of(opened(vpn), first, second)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("appends must be at most one per article, but article " + printer.id()
            + " has several; merge its events into one append");

    assertThat(repo.find(vpn.id())).contains(vpn);
    assertThat(repo.find(printer.id())).contains(printer);
  }

  @Test
  void anAppend_thatDoesNotFollowItsVersion_isRefused_naming_theArticle() {
    KnowledgeArticle vpn = kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    KnowledgeArticle printer = kb.draft(AGENT, printerKnownError(), "");
    KnowledgeRepository.Append ok = opened(vpn);
    KnowledgeEvent e = ok.events().get(0);

    assertThatThrownBy(() -> new KnowledgeRepository.Append(vpn.version() + 1, List.of(e),
        ok.newState()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event ArticleOpened of article " + vpn.id() + " must have sequence "
            + (vpn.version() + 2));
    assertThatThrownBy(() -> new KnowledgeRepository.Append(vpn.version(), List.of(e), printer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("events appended to article " + printer.id() + " must be its own");
    assertThatThrownBy(() -> new KnowledgeRepository.Append(vpn.version(), List.of(e), vpn))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the new state of article " + vpn.id() + " must have version "
            + (vpn.version() + 1));
    assertThatThrownBy(() -> new KnowledgeRepository.Append(vpn.version(), List.of(), vpn))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("events must not be empty (article " + vpn.id() + ")");
    assertThatThrownBy(() -> new KnowledgeRepository.Append(-1, List.of(e), ok.newState()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expectedVersion must be 0 or more, but was -1");
  }

  @Test
  void appendAll_ofARepositoryWithoutItsOwn_appendsInOrder_afterCheckingTheList() {
    List<String> appended = new ArrayList<>();
    KnowledgeRepository thirdParty = new KnowledgeRepository() {
      @Override
      public void append(long expectedVersion, List<KnowledgeEvent> events,
          KnowledgeArticle newState) {
        appended.add(newState.id());
        repo.append(expectedVersion, events, newState);
      }

      @Override
      public Optional<KnowledgeArticle> find(String id) {
        return repo.find(id);
      }

      @Override
      public List<KnowledgeEvent> history(String id) {
        return repo.history(id);
      }

      @Override
      public List<KnowledgeArticle> find(KnowledgeQuery query) {
        return repo.find(query);
      }
    };
    KnowledgeArticle vpn = kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    KnowledgeArticle printer = kb.draft(AGENT, printerKnownError(), "");

    assertThatThrownBy(() -> thirdParty.appendAll(List.of(opened(vpn), opened(printer),
        opened(vpn)))).isInstanceOf(IllegalArgumentException.class);
    assertThat(appended).isEmpty();

    thirdParty.appendAll(List.of(opened(printer), opened(vpn)));
    assertThat(appended).containsExactly(printer.id(), vpn.id());
    assertThat(repo.find(vpn.id()).orElseThrow().version()).isEqualTo(vpn.version() + 1);
  }
}
