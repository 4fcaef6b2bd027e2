package io.itsm.core.knowledge.internal;

import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeListener;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a command's events and delivers them to the listeners so that each listener hears the
 * events of one article in the order they were stored. Articles are spread over {@link #LANES}
 * lanes by the hash of their id; a lane's append and delivery happen under its lock, so commands
 * on articles of one lane wait for each other's listeners, other lanes do not. A listener that
 * runs a command (on any article) has its events queued and delivered after the current ones, in
 * order, by the same thread.
 *
 * <p>Thread-safe.
 */
public final class Delivery {

  /** The number of lanes. */
  public static final int LANES = 64;

  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

  /** The batches the current thread still has to deliver, when it is delivering. */
  private static final ThreadLocal<ArrayDeque<Batch>> PENDING = new ThreadLocal<>();

  private final List<KnowledgeListener> listeners;
  private final ReentrantLock[] lanes = new ReentrantLock[LANES];

  /**
   * Creates the delivery.
   *
   * @param listeners the listeners, called in this order
   */
  public Delivery(List<KnowledgeListener> listeners) {
    this.listeners = List.copyOf(listeners);
    for (int i = 0; i < LANES; i++) {
      lanes[i] = new ReentrantLock();
    }
  }

  /**
   * Stores the events through {@code store}, then delivers them.
   *
   * @param events the command's events
   * @param state the article after them
   * @param store appends them to the repository; if it throws, nothing is delivered
   */
  public void storeAndDeliver(List<KnowledgeEvent> events, KnowledgeArticle state, Runnable store) {
    if (listeners.isEmpty()) {
      store.run();
      return;
    }
    ArrayDeque<Batch> pending = PENDING.get();
    if (pending != null) { // inside a listener: deliver after the current batch, in order
      store.run();
      pending.add(new Batch(events, state));
      return;
    }
    ReentrantLock lock = lanes[Math.floorMod(state.id().hashCode(), LANES)];
    lock.lock();
    try {
      store.run();
      ArrayDeque<Batch> queue = new ArrayDeque<>();
      queue.add(new Batch(events, state));
      PENDING.set(queue);
      try {
        Batch b;
        while ((b = queue.poll()) != null) {
          deliver(b);
        }
      } finally {
        PENDING.remove();
      }
    } finally {
      lock.unlock();
    }
  }

  private void deliver(Batch b) {
    for (KnowledgeEvent e : b.events()) {
      for (KnowledgeListener l : listeners) {
        try {
          l.onEvent(e, b.state());
        } catch (RuntimeException ex) {
          LOG.warn("knowledge listener {} failed on {} #{} of {}; the change is stored", l, e.type(),
              e.sequence(), e.articleId(), ex);
        }
      }
    }
  }

  private record Batch(List<KnowledgeEvent> events, KnowledgeArticle state) {}
}
