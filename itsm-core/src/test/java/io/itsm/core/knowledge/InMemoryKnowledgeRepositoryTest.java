package io.itsm.core.knowledge;

import static io.itsm.core.knowledge.Articles.AGENT;
import static io.itsm.core.knowledge.Articles.REVIEWER;
import static io.itsm.core.knowledge.Articles.printerKnownError;
import static io.itsm.core.knowledge.Articles.vpnHowTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.approval.Verdict;
import java.util.ArrayList;
import java.util.List;
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
}
