package io.itsm.jdbc;

import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeQuery;
import io.itsm.core.knowledge.KnowledgeRepository;
import io.itsm.core.knowledge.event.ArticleOpened;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.core.knowledge.event.KnowledgeHistory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real repository as a knowledge base sees it, while another application instance works on the
 * same store: just before each of the next {@code interferences} {@link #appendAll} calls, the
 * other instance (its own repository on the store) opens one article, so the version the
 * knowledge base read is stale by the time it writes. Counts the writes that pass through.
 */
final class InterferingKnowledgeRepository implements KnowledgeRepository {

  private final KnowledgeRepository repository;
  private final KnowledgeRepository otherInstance;
  private volatile String target;
  private final AtomicInteger interferences = new AtomicInteger();
  final AtomicInteger appends = new AtomicInteger();
  final AtomicInteger appendAlls = new AtomicInteger();

  InterferingKnowledgeRepository(KnowledgeRepository repository,
      KnowledgeRepository otherInstance) {
    this.repository = repository;
    this.otherInstance = otherInstance;
  }

  /** Makes the other instance open {@code articleId} before each of the next {@code times}. */
  void interfere(String articleId, int times) {
    target = articleId;
    interferences.set(times);
  }

  @Override
  public void append(long expectedVersion, List<KnowledgeEvent> events,
      KnowledgeArticle newState) {
    appends.incrementAndGet();
    repository.append(expectedVersion, events, newState);
  }

  @Override
  public void appendAll(List<Append> all) {
    appendAlls.incrementAndGet();
    if (interferences.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      KnowledgeArticle a = otherInstance.find(target).orElseThrow();
      KnowledgeEvent opened = new ArticleOpened(a.id(), a.version() + 1,
          Instant.parse("2026-11-23T09:00:00Z"), "u-other-instance", "en", Optional.empty());
      otherInstance.append(a.version(), List.of(opened), KnowledgeHistory.apply(a, opened));
    }
    repository.appendAll(all);
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

  @Override
  public int size() {
    return repository.size();
  }
}
