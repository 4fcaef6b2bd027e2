package io.itsm.core.kernel.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a command's events and delivers them to the listeners so that each listener hears the
 * events of one aggregate (an incident, a configuration item, an announcement...) in the order
 * they were stored, without serializing the whole practice. Every practice's facade delivers to
 * its listeners through one of these.
 *
 * <p>Aggregates are spread over {@link #LANES} lanes by their id's hash. In a lane, the append and
 * the queueing of its events happen under the lane's lock, so the queue holds the lane's commands
 * in the order they were stored; one thread at a time (the lane's <em>drainer</em>) delivers the
 * queue in that order, without holding the lock, so listeners never block appends. A thread whose
 * events another thread is delivering waits until they are delivered, so a command returns after
 * its events were heard; except inside a listener (a listener that runs a command): its events
 * are queued and delivered after the current ones, in order, and it does not wait (which would
 * deadlock). Lanes are independent: listeners run concurrently for aggregates of different lanes.
 *
 * <p>A listener that throws is logged and skipped; the command stays stored and the other
 * listeners hear the event.
 *
 * <p>Thread-safe.
 *
 * @param <L> the practice's listener type
 * @param <E> its event type
 * @param <S> its aggregate's state type
 */
public final class OrderedDelivery<L, E, S> {

  /**
   * Calls one listener with one event.
   *
   * @param <L> the listener type
   * @param <E> the event type
   * @param <S> the state type
   */
  @FunctionalInterface
  public interface Notifier<L, E, S> {
    /**
     * Hands an event to a listener.
     *
     * @param listener the listener
     * @param event the event
     * @param state the aggregate after the whole command
     */
    void notify(L listener, E event, S state);
  }

  /**
   * One aggregate's part of {@link #storeAndDeliverAll}: its events and its state after them.
   *
   * @param <E> the event type
   * @param <S> the state type
   * @param aggregateId the aggregate's id
   * @param events its events, in order
   * @param state the aggregate after them
   */
  public record Change<E, S>(String aggregateId, List<E> events, S state) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     */
    public Change {
      Objects.requireNonNull(aggregateId, "aggregateId");
      events = List.copyOf(Objects.requireNonNull(events, "events"));
      Objects.requireNonNull(state, "state");
    }
  }

  /** The number of lanes; aggregates of different lanes never wait for each other's listeners. */
  public static final int LANES = 256;

  private static final Logger LOG = LoggerFactory.getLogger(OrderedDelivery.class);

  /** How many lanes the current thread is delivering (nested when a listener runs a command). */
  private static final ThreadLocal<int[]> DELIVERING = ThreadLocal.withInitial(() -> new int[1]);

  private final List<L> listeners;
  private final Notifier<L, E, S> notifier;
  private final Function<E, String> describe;
  private final Lane<E, S>[] lanes;

  /**
   * Creates the delivery.
   *
   * @param listeners the listeners, called in this order for each event
   * @param notifier calls a listener, for example {@code IncidentListener::onEvent}
   * @param describe names an event in a log line, for example {@code "Closed #7 of INC-000042"}
   */
  @SuppressWarnings("unchecked")
  public OrderedDelivery(List<? extends L> listeners, Notifier<L, E, S> notifier,
      Function<E, String> describe) {
    this.listeners = List.copyOf(listeners);
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.describe = Objects.requireNonNull(describe, "describe");
    this.lanes = (Lane<E, S>[]) new Lane<?, ?>[LANES];
    for (int i = 0; i < LANES; i++) {
      lanes[i] = new Lane<>();
    }
  }

  /**
   * Stores a command through {@code store} and delivers its events to every listener, in order per
   * aggregate.
   *
   * @param aggregateId the aggregate's id
   * @param events the command's events
   * @param state the aggregate after the command
   * @param store appends the events to the repository; if it throws, nothing is delivered
   */
  public void storeAndDeliver(String aggregateId, List<E> events, S state, Runnable store) {
    if (listeners.isEmpty()) {
      store.run();
      return;
    }
    Lane<E, S> lane = lanes[StripedLocks.stripeOf(aggregateId, LANES)];
    Batch<E, S> batch = new Batch<>(events, state);
    lane.lock.lock();
    try {
      store.run();
      synchronized (lane) {
        lane.queue.add(batch);
      }
    } finally {
      lane.lock.unlock();
    }
    deliver(lane, batch);
  }

  /**
   * Stores one command's changes of several aggregates through {@code store} (which writes them
   * all or none, such as a repository's {@code appendAll}) and then delivers them: each
   * aggregate's events in order with its other commands, and the changes one after the other, in
   * the order given. The lanes of all the aggregates are held (taken in lane order, so two such
   * calls never wait for each other in a circle) while {@code store} runs and the changes are
   * queued; if {@code store} throws, nothing is queued or delivered.
   *
   * @param changes the aggregates' events and states
   * @param store stores all of them; if it throws, nothing is delivered
   */
  public void storeAndDeliverAll(List<Change<E, S>> changes, Runnable store) {
    if (listeners.isEmpty() || changes.isEmpty()) {
      store.run();
      return;
    }
    List<String> ids = new ArrayList<>(changes.size());
    List<Lane<E, S>> laneOf = new ArrayList<>(changes.size());
    List<Batch<E, S>> batches = new ArrayList<>(changes.size());
    for (Change<E, S> c : changes) {
      ids.add(c.aggregateId());
      laneOf.add(lanes[StripedLocks.stripeOf(c.aggregateId(), LANES)]);
      batches.add(new Batch<>(c.events(), c.state()));
    }
    StripedLocks.withAll(LANES, i -> lanes[i].lock, ids, () -> {
      store.run();
      for (int i = 0; i < batches.size(); i++) {
        synchronized (laneOf.get(i)) {
          laneOf.get(i).queue.add(batches.get(i));
        }
      }
      return null;
    });
    for (int i = 0; i < batches.size(); i++) {
      deliver(laneOf.get(i), batches.get(i));
    }
  }

  private void deliver(Lane<E, S> lane, Batch<E, S> mine) {
    boolean nested = DELIVERING.get()[0] > 0;
    Thread me = Thread.currentThread();
    while (true) {
      synchronized (lane) {
        if (mine.delivered) {
          return;
        }
        if (lane.drainer == null) {
          lane.drainer = me;
        } else if (lane.drainer == me || nested) {
          return; // the lane's drainer delivers it after what it is delivering now, in order
        } else {
          try {
            lane.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // still queued: the drainer delivers it
          }
          continue;
        }
      }
      try {
        drain(lane);
      } finally {
        synchronized (lane) {
          lane.drainer = null;
          lane.notifyAll();
        }
      }
    }
  }

  private void drain(Lane<E, S> lane) {
    int[] depth = DELIVERING.get();
    depth[0]++;
    try {
      while (true) {
        Batch<E, S> b;
        synchronized (lane) {
          b = lane.queue.poll();
          if (b == null) {
            return;
          }
        }
        try {
          notifyAll(b);
        } finally {
          synchronized (lane) {
            b.delivered = true;
            lane.notifyAll();
          }
        }
      }
    } finally {
      depth[0]--;
    }
  }

  private void notifyAll(Batch<E, S> b) {
    for (E e : b.events) {
      for (L l : listeners) {
        try {
          notifier.notify(l, e, b.state);
        } catch (RuntimeException ex) {
          LOG.warn("listener {} failed on {}; the change is stored", l, describe.apply(e), ex);
        }
      }
    }
  }

  /** The commands of one lane waiting to be heard, in the order they were stored. */
  private static final class Lane<E, S> {
    final ReentrantLock lock = new ReentrantLock();
    final ArrayDeque<Batch<E, S>> queue = new ArrayDeque<>(); // guarded by this
    Thread drainer; // guarded by this
  }

  /** One command's events and the state after it. */
  private static final class Batch<E, S> {
    final List<E> events;
    final S state;
    boolean delivered; // guarded by the lane

    Batch(List<E> events, S state) {
      this.events = Objects.requireNonNull(events, "events");
      this.state = Objects.requireNonNull(state, "state");
    }
  }
}
