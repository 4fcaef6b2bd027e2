package io.itsm.core.knowledge;

import static io.itsm.core.knowledge.Articles.AGENT;
import static io.itsm.core.knowledge.Articles.REVIEWER;
import static io.itsm.core.knowledge.Articles.vpnHowTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.approval.Verdict;
import io.itsm.core.knowledge.event.ArticleLinked;
import io.itsm.core.knowledge.event.ArticleOpened;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.core.knowledge.event.KnowledgeHistory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Linking an article to an incident while another writer changes the article (a reader opens it
 * on another application instance): the link is read and written again, never lost or refused.
 */
class KnowledgeLinkRaceTest {

  /**
   * A real in-memory repository behind which "another instance" opens the article just before
   * the first link is stored, so the link's write finds a newer version.
   */
  static final class ReaderOnAnotherInstance implements KnowledgeRepository {
    final InMemoryKnowledgeRepository repository = new InMemoryKnowledgeRepository();
    final AtomicInteger interferences = new AtomicInteger(1);

    @Override
    public void append(long expectedVersion, List<KnowledgeEvent> events,
        KnowledgeArticle newState) {
      if (events.stream().anyMatch(e -> e instanceof ArticleLinked)
          && interferences.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        KnowledgeArticle a = repository.find(newState.id()).orElseThrow();
        KnowledgeEvent opened = new ArticleOpened(a.id(), a.version() + 1,
            Instant.parse("2026-11-23T09:00:00Z"), "u-other-instance", "en", Optional.empty());
        repository.append(a.version(), List.of(opened), KnowledgeHistory.apply(a, opened));
      }
      repository.append(expectedVersion, events, newState);
    }

    @Override
    public Optional<KnowledgeArticle> find(String id) {
      return repository.find(id);
    }

    @Override
    public List<KnowledgeEvent> history(String id) {
      return repository.history(id);
    }

    @Override
    public List<KnowledgeArticle> find(KnowledgeQuery query) {
      return repository.find(query);
    }
  }

  @Test
  void linkIncident_whileAReaderOpensTheArticle_isWrittenAgain_andKeepsBoth() {
    ReaderOnAnotherInstance repo = new ReaderOnAnotherInstance();
    KnowledgeBase kb = KnowledgeBase.builder().clock(Articles.clock()).repository(repo).build();
    KnowledgeArticle a = kb.draft(AGENT, vpnHowTo(Audience.PUBLIC), "");
    kb.submitForReview(AGENT, a.id());
    KnowledgeArticle published = kb.review(REVIEWER, a.id(), Verdict.APPROVE, "");

    KnowledgeArticle linked = kb.linkIncident(AGENT, a.id(), "INC-000042");

    assertThat(repo.interferences.get()).as("the other instance wrote in between").isZero();
    assertThat(linked.isLinkedTo("INC-000042", ArticleLink.Relation.RELATED)).isTrue();
    assertThat(linked.usage().opened()).isEqualTo(published.usage().opened() + 1);
    assertThat(linked.version()).isEqualTo(published.version() + 2);
    assertThat(kb.get(AGENT, a.id())).isEqualTo(linked);
    assertThat(kb.linkIncident(AGENT, a.id(), "INC-000042")).as("linked once").isEqualTo(linked);
  }
}
