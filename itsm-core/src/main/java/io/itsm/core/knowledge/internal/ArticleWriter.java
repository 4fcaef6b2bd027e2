package io.itsm.core.knowledge.internal;

import io.itsm.core.kernel.internal.OrderedDelivery;
import io.itsm.core.kernel.internal.StripedLocks;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeRepository;
import io.itsm.core.knowledge.StaleArticleException;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write path of every command: append the recorded events with the expected version, keep the
 * search index current, deliver to listeners. A command that throws before this stores nothing. A
 * command on several articles is stored with one {@link KnowledgeRepository#appendAll} (all or
 * none) and heard by the listeners only after it was stored, article after article.
 *
 * <p>Thread-safe.
 */
final class ArticleWriter {

  private static final Logger LOG = LoggerFactory.getLogger(ArticleWriter.class);

  /** How often a usage event is retried when the article changed meanwhile. */
  static final int USAGE_RETRIES = 20;

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

  /**
   * Stores what several recorders hold with one {@link KnowledgeRepository#appendAll}, all or
   * none, then delivers each article's events, in the recorders' order. Recorders without events
   * are left out.
   *
   * @return the articles after, in the recorders' order
   */
  List<KnowledgeArticle> storeAll(List<Recorder> recorders) {
    List<KnowledgeRepository.Append> appends = new ArrayList<>(recorders.size());
    List<OrderedDelivery.Change<KnowledgeEvent, KnowledgeArticle>> changes =
        new ArrayList<>(recorders.size());
    List<KnowledgeArticle> after = new ArrayList<>(recorders.size());
    for (Recorder r : recorders) {
      after.add(r.state());
      List<KnowledgeEvent> events = r.events();
      if (!events.isEmpty()) {
        appends.add(new KnowledgeRepository.Append(r.expectedVersion(), events, r.state()));
        changes.add(new OrderedDelivery.Change<>(r.articleId, events, r.state()));
      }
    }
    if (appends.isEmpty()) {
      return after;
    }
    parts.delivery().storeAndDeliverAll(changes, () -> {
      parts.repository().appendAll(appends);
      for (KnowledgeRepository.Append a : appends) {
        if (a.events().stream().anyMatch(KnowledgeEvent::revises)) {
          reindex(a.newState());
        }
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
   * once), and retried, up to {@value #USAGE_RETRIES} times with a random back-off, when the
   * article changed between reading and storing (another command, another application instance).
   */
  KnowledgeArticle retrying(String articleId, Supplier<Recorder> command) {
    ReentrantLock lock = usageLocks[StripedLocks.stripeOf(articleId, usageLocks.length)];
    lock.lock();
    try {
      return retried(() -> store(command.get()));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs an attempt until it does not meet a stale article, up to {@value #USAGE_RETRIES} times
   * with a random back-off between them.
   */
  private static <T> T retried(Supplier<T> attempt) {
    StaleArticleException last = null;
    for (int i = 0; i < USAGE_RETRIES; i++) {
      try {
        return attempt.get();
      } catch (StaleArticleException e) {
        last = e;
        backOff(i);
      }
    }
    throw last;
  }

  /**
   * Runs a command that only counts usage on several articles (suggestions shown), stored with
   * one {@link #storeAll}: as {@link #retrying}, the usage commands on these articles are
   * serialized in this process (their locks taken in one order, so two such commands never wait
   * for each other in a circle), and the whole command is read and stored again, up to {@value
   * #USAGE_RETRIES} times, when one of the articles changed between reading and storing. Nothing
   * of a failed try is stored.
   *
   * @param articleIds the articles the command writes to
   * @param command reads the articles and records the events, one recorder per article
   * @return the articles after
   * @throws StaleArticleException if an article kept changing for every try; nothing is stored
   */
  List<KnowledgeArticle> retryingAll(List<String> articleIds, Supplier<List<Recorder>> command) {
    return StripedLocks.withAll(usageLocks.length, i -> usageLocks[i], articleIds,
        () -> retried(() -> storeAll(command.get())));
  }

  /**
   * Waits a random 1 to 2^(attempt+1) ms (at most 64) before the next try, so that two instances
   * that keep colliding on one article fall out of step instead of colliding again at once.
   */
  private static void backOff(int attempt) {
    try {
      Thread.sleep(java.util.concurrent.ThreadLocalRandom.current()
          .nextLong(1, 2L << Math.min(attempt, 5)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
