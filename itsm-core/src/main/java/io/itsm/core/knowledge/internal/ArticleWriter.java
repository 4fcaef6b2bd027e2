package io.itsm.core.knowledge.internal;

import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.StaleArticleException;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write path of every command: append the recorded events with the expected version, keep the
 * search index current, deliver to listeners. A command that throws before this stores nothing.
 *
 * <p>Thread-safe.
 */
final class ArticleWriter {

  private static final Logger LOG = LoggerFactory.getLogger(ArticleWriter.class);

  /** How often a usage event is retried when the article changed meanwhile. */
  static final int USAGE_RETRIES = 8;

  private final KnowledgeParts parts;
  private final ReentrantLock[] usageLocks = new ReentrantLock[64];

  ArticleWriter(KnowledgeParts parts) {
    this.parts = parts;
    for (int i = 0; i < usageLocks.length; i++) {
      usageLocks[i] = new ReentrantLock();
    }
  }

  /** Stores what the recorder holds and returns the article after it. */
  KnowledgeArticle store(Recorder r) {
    List<KnowledgeEvent> events = r.events();
    if (events.isEmpty()) {
      return r.state();
    }
    KnowledgeArticle after = r.state();
    parts.delivery().storeAndDeliver(after.id(), events, after, () -> {
      parts.repository().append(r.expectedVersion(), events, after);
      if (events.stream().anyMatch(KnowledgeEvent::revises)) {
        reindex(after);
      }
    });
    return after;
  }

  /** Keeps the index current; a failing index is logged, the command stays stored. */
  void reindex(KnowledgeArticle article) {
    parts.index().ifPresent(index -> {
      try {
        index.index(article);
      } catch (RuntimeException e) {
        LOG.warn("indexing article {} (revision {}) failed; it is stored, and the next change or"
            + " KnowledgeBase.reindex() indexes it again", article.id(), article.revision(), e);
      }
    });
  }

  /**
   * Runs a command that only counts usage (its events commute with any change): usage commands on
   * one article are serialized in this process (a popular article is opened by many readers at
   * once), and retried when the article changed between reading and storing (another command,
   * another application instance).
   */
  KnowledgeArticle retrying(String articleId, Supplier<Recorder> command) {
    ReentrantLock lock = usageLocks[Math.floorMod(articleId.hashCode(), usageLocks.length)];
    lock.lock();
    try {
      StaleArticleException last = null;
      for (int i = 0; i < USAGE_RETRIES; i++) {
        try {
          return store(command.get());
        } catch (StaleArticleException e) {
          last = e;
        }
      }
      throw last;
    } finally {
      lock.unlock();
    }
  }
}
