package io.itsm.core.internal;

import io.itsm.core.IncidentListener;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Incident;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a command's events and delivers them to the listeners so that each listener hears the
 * events of one incident in the order they were stored, without serializing the whole desk.
 *
 * <p>Incidents are spread over {@link #LANES} lanes by their id's hash. In a lane, the append and
 * the queueing of its events happen under the lane's lock, so the queue holds the lane's commands
 * in the order they were stored; one thread at a time (the lane's <em>drainer</em>) delivers the
 * queue in that order, without holding the lock, so listeners never block appends. A thread whose
 * events another thread is delivering waits until they are delivered, so a command returns after
 * its events were heard; except inside a listener (a listener that runs a command): its events
 * are queued and delivered after the current ones, in order, and it does not wait (which would
 * deadlock). Lanes are independent: listeners run concurrently for incidents of different lanes.
 *
 * <p>Thread-safe.
 */
public final class OrderedDelivery {

  /** The number of lanes; incidents of different lanes never wait for each other's listeners. */
  public static final int LANES = 256;

  private static final Logger LOG = LoggerFactory.getLogger(OrderedDelivery.class);

  /** How many lanes the current thread is delivering (nested when a listener runs a command). */
  private static final ThreadLocal<int[]> DELIVERING = ThreadLocal.withInitial(() -> new int[1]);

  private final List<IncidentListener> listeners;
  private final Lane[] lanes;

  /**
   * Creates the delivery.
   *
   * @param listeners the listeners, called in this order for each event
   */
  public OrderedDelivery(List<IncidentListener> listeners) {
    this.listeners = List.copyOf(listeners);
    this.lanes = new Lane[LANES];
    for (int i = 0; i < LANES; i++) {
      lanes[i] = new Lane();
    }
  }

  /**
   * Stores a command through {@code store} and delivers its events to every listener, in order per
   * incident.
   *
   * @param incidentId the incident
   * @param events the command's events
   * @param state the incident after the command
   * @param store appends the events to the repository; if it throws, nothing is delivered
   */
  public void storeAndDeliver(String incidentId, List<IncidentEvent> events, Incident state,
      Runnable store) {
    if (listeners.isEmpty()) {
      store.run();
      return;
    }
    Lane lane = lanes[Math.floorMod(incidentId.hashCode(), LANES)];
    Batch batch = new Batch(events, state);
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

  private void deliver(Lane lane, Batch mine) {
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

  private void drain(Lane lane) {
    int[] depth = DELIVERING.get();
    depth[0]++;
    try {
      while (true) {
        Batch b;
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

  private void notifyAll(Batch b) {
    for (IncidentEvent e : b.events) {
      for (IncidentListener l : listeners) {
        try {
          l.onEvent(e, b.state);
        } catch (RuntimeException ex) {
          LOG.warn("incident listener {} failed on {} #{} of {}; the change is stored", l, e.type(),
              e.sequence(), e.incidentId(), ex);
        }
      }
    }
  }

  /** The commands of one lane waiting to be heard, in the order they were stored. */
  private static final class Lane {
    final ReentrantLock lock = new ReentrantLock();
    final ArrayDeque<Batch> queue = new ArrayDeque<>(); // guarded by this
    Thread drainer; // guarded by this
  }

  /** One command's events and the state after it. */
  private static final class Batch {
    final List<IncidentEvent> events;
    final Incident state;
    boolean delivered; // guarded by the lane

    Batch(List<IncidentEvent> events, Incident state) {
      this.events = Objects.requireNonNull(events, "events");
      this.state = Objects.requireNonNull(state, "state");
    }
  }
}
