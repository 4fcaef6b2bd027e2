package io.itsm.core;

import static io.itsm.core.Fixtures.ADMIN;
import static io.itsm.core.Fixtures.CALLER;
import static io.itsm.core.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Incident;
import io.itsm.core.repository.StaleVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Listeners hear each incident's events in sequence order, under contention, without a global lock. */
class ListenerOrderTest {

  /** Checks that each incident's events arrive as 1, 2, 3, ... and remembers the last one heard. */
  private static final class SequenceChecker implements IncidentListener {
    final Map<String, Long> lastHeard = new ConcurrentHashMap<>();
    final Queue<String> violations = new ConcurrentLinkedQueue<>();
    final AtomicLong heard = new AtomicLong();

    @Override
    public void onEvent(IncidentEvent e, Incident incident) {
      heard.incrementAndGet();
      lastHeard.compute(e.incidentId(), (id, previous) -> {
        long expected = previous == null ? 1 : previous + 1;
        if (e.sequence() != expected) {
          violations.add(id + ": heard #" + e.sequence() + " after #" + previous);
        }
        if (incident.version() < e.sequence()) {
          violations.add(id + ": state v" + incident.version() + " with event #" + e.sequence());
        }
        return e.sequence();
      });
      if (ThreadLocalRandom.current().nextInt(64) == 0) {
        Thread.yield(); // widen the windows in which a later command could overtake
      }
    }

    long last(String id) {
      return lastHeard.getOrDefault(id, 0L);
    }
  }

  private static Incident commentRetrying(ServiceDesk desk, String id, String text) {
    while (true) {
      try {
        return desk.comment(ADMIN, id, text, Visibility.INTERNAL);
      } catch (StaleVersionException e) {
        // another thread won this version: retry on the new one
      }
    }
  }

  @Test
  void eightThreadsCommentingOnFourIncidents_everyListenerHearsEachIncidentInSequence() throws Exception {
    SequenceChecker first = new SequenceChecker();
    SequenceChecker second = new SequenceChecker();
    ServiceDesk desk = ServiceDesk.builder().listener(first).listener(second).build();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(desk.log(CALLER, ticket("Printer jams " + i)).id());
    }
    Queue<String> lateDeliveries = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < 400; i++) {
          String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
          Incident after = commentRetrying(desk, id, "t" + thread + "-" + i);
          // a command returns only after its events were heard
          if (first.last(id) < after.version() || second.last(id) < after.version()) {
            lateDeliveries.add(id + " v" + after.version() + " returned before it was heard");
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(first.violations).as("events heard out of order").isEmpty();
    assertThat(second.violations).as("events heard out of order").isEmpty();
    assertThat(lateDeliveries).isEmpty();
    long stored = 0;
    for (String id : ids) {
      int n = desk.history(ADMIN, id).size();
      stored += n;
      assertThat(first.last(id)).isEqualTo(n);
      assertThat(second.last(id)).isEqualTo(n);
    }
    assertThat(first.heard.get()).isEqualTo(stored).isGreaterThan(3200);
    assertThat(second.heard.get()).isEqualTo(stored);
  }

  @Test
  void listenersThatRunCommands_keepTheOrder_andNeverDeadlock() throws Exception {
    SequenceChecker checker = new SequenceChecker();
    List<ServiceDesk> holder = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    // answers every comment "ping" on the same incident, and mirrors "cross" onto the other incident
    IncidentListener echo = (e, inc) -> {
      if (e instanceof CommentAdded c) {
        ServiceDesk desk = holder.get(0);
        if (c.text().startsWith("ping")) {
          commentRetrying(desk, e.incidentId(), "pong to " + c.text());
        } else if (c.text().startsWith("cross")) {
          String other = ids.get(0).equals(e.incidentId()) ? ids.get(1) : ids.get(0);
          commentRetrying(desk, other, "mirrored " + c.text());
        }
      }
    };
    ServiceDesk desk = ServiceDesk.builder().listener(echo).listener(checker).build();
    holder.add(desk);
    ids.add(desk.log(CALLER, ticket("Printer jams")).id());
    ids.add(desk.log(CALLER, ticket("Scanner jams")).id());

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        for (int i = 0; i < 100; i++) {
          String id = ids.get((thread + i) % 2);
          commentRetrying(desk, id, (i % 3 == 0 ? "cross " : "ping ") + thread + "-" + i);
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS); // a deadlock fails here
    }
    pool.shutdown();

    assertThat(checker.violations).isEmpty();
    for (String id : ids) {
      assertThat(checker.last(id)).isEqualTo(desk.history(ADMIN, id).size());
    }
    // 800 comments, each answered by a pong or mirrored once
    assertThat(desk.history(ADMIN, ids.get(0)).size() + desk.history(ADMIN, ids.get(1)).size())
        .isEqualTo(2 + 1600);
  }
}
