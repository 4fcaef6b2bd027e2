package io.itsm.core;

import static io.itsm.core.Fixtures.ADMIN;
import static io.itsm.core.Fixtures.CALLER;
import static io.itsm.core.Fixtures.NET_AGENT;
import static io.itsm.core.Fixtures.SIMPLE_POLICY;
import static io.itsm.core.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Incident;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.repository.StaleVersionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

  /**
   * A real repository whose reads of one incident wait until all threads have read it, so that
   * every command works from the same version: the situation optimistic versioning exists for.
   */
  private static final class SlowReadsRepository implements IncidentRepository {
    private final InMemoryIncidentRepository delegate = new InMemoryIncidentRepository();
    volatile CyclicBarrier barrier;

    @Override
    public void append(long expectedVersion, List<IncidentEvent> events, Incident newState,
        Optional<Instant> nextDueAt) {
      delegate.append(expectedVersion, events, newState, nextDueAt);
    }

    @Override
    public boolean reschedule(String id, long version, Optional<Instant> nextDueAt) {
      return delegate.reschedule(id, version, nextDueAt);
    }

    @Override
    public List<String> findDue(Instant at) {
      return delegate.findDue(at);
    }

    @Override
    public Optional<Instant> nextDueAt(String id) {
      return delegate.nextDueAt(id);
    }

    @Override
    public Optional<Incident> find(String id) {
      Optional<Incident> found = delegate.find(id);
      CyclicBarrier b = barrier;
      if (b != null) {
        try {
          b.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      return found;
    }

    @Override
    public List<IncidentEvent> history(String id) {
      return delegate.history(id);
    }

    @Override
    public List<Incident> find(IncidentQuery query) {
      return delegate.find(query);
    }
  }

  @Test
  void eightThreadsCommentingFromTheSameVersion_oneWins_sevenGetTheVersionError_nothingLost() throws Exception {
    SlowReadsRepository repo = new SlowReadsRepository();
    ServiceDesk desk = ServiceDesk.builder().repository(repo).triagePolicy(SIMPLE_POLICY).build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    long v0 = repo.find(id).orElseThrow().version();
    repo.barrier = new CyclicBarrier(8);

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String text = "comment " + i;
      results.add(pool.submit(() -> {
        try {
          desk.comment(NET_AGENT, id, text, Visibility.PUBLIC);
          return "ok:" + text;
        } catch (StaleVersionException e) {
          assertThat(e.getExpectedVersion()).isEqualTo(v0);
          assertThat(e.getActualVersion()).isEqualTo(v0 + 1);
          assertThat(e).hasMessageContaining("incident " + id + " was changed concurrently");
          return "stale";
        }
      }));
    }
    List<String> outcomes = new ArrayList<>();
    for (Future<String> f : results) {
      outcomes.add(f.get(30, TimeUnit.SECONDS));
    }
    pool.shutdown();
    repo.barrier = null;

    assertThat(outcomes).filteredOn(o -> o.startsWith("ok:")).hasSize(1);
    assertThat(outcomes).filteredOn("stale"::equals).hasSize(7);
    String winner = outcomes.stream().filter(o -> o.startsWith("ok:")).findFirst().orElseThrow().substring(3);
    List<IncidentEvent> history = desk.history(ADMIN, id);
    assertThat(history).filteredOn(CommentAdded.class::isInstance)
        .extracting(e -> ((CommentAdded) e).text()).containsExactly(winner);
    assertThat(IncidentHistory.replay(history)).isEqualTo(desk.get(ADMIN, id));
  }

  @Test
  void eightThreadsRetryingOnStaleVersion_allCommentsArrive_inOneConsistentHistory() throws Exception {
    ServiceDesk desk = ServiceDesk.builder().triagePolicy(SIMPLE_POLICY).build();
    String id = desk.log(CALLER, ticket("VPN drops")).id();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> futures = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        int retries = 0;
        for (int i = 0; i < 50; i++) {
          while (true) {
            try {
              desk.comment(NET_AGENT, id, "t" + thread + "-" + i, Visibility.INTERNAL);
              break;
            } catch (StaleVersionException e) {
              retries++;
            }
          }
        }
        return retries;
      }));
    }
    for (Future<Integer> f : futures) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    List<IncidentEvent> history = desk.history(ADMIN, id);
    assertThat(history).filteredOn(CommentAdded.class::isInstance).hasSize(400);
    for (int i = 0; i < history.size(); i++) {
      assertThat(history.get(i).sequence()).isEqualTo(i + 1);
    }
    assertThat(IncidentHistory.replay(history)).isEqualTo(desk.get(ADMIN, id));
  }
}
