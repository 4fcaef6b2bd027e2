package io.itsm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.ItsmException;
import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.core.repository.StaleVersionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two application instances on one database: two stores (two pools) and two desks, working on
 * the same incidents at once, and ticking at once.
 */
abstract class JdbcTwoInstancesContract {

  static final Actor ADMIN = Workload.ADMIN;
  static final Actor NILS = Actor.of("nils", Role.SPECIALIST, "network-ops");

  abstract TestDatabase database();

  @Test
  void twoDesksOnTwoPools_updatingTheSameIncidents_loseNoUpdate_andDuplicateNoEvent() throws Exception {
    String url = database().freshUrl("two_instances");
    try (JdbcStore a = JdbcStore.open(url); JdbcStore b = JdbcStore.open(url)) {
      ServiceDesk[] desks = {
          ServiceDesk.builder().repository(a.incidents()).build(),
          ServiceDesk.builder().repository(b.incidents()).build()};
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        ServiceDesk d = desks[i % 2];
        String id = d.log(Actor.endUser("anna"), Ticket.builder().title("VPN " + i).build()).id();
        d.assign(ADMIN, id, Assignment.toPerson("network-ops", "nils", SupportLevel.L2));
        d.startWork(NILS, id);
        ids.add(id);
      }
      assertThat(new HashSet<>(ids)).as("ids from one sequence, whichever desk logged").hasSize(5);

      ConcurrentLinkedQueue<String> stored = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> lost = new ConcurrentLinkedQueue<>();
      AtomicInteger stale = new AtomicInteger();
      AtomicInteger holds = new AtomicInteger();
      ConcurrentLinkedQueue<String> staleMessages = new ConcurrentLinkedQueue<>();
      int threadsPerDesk = 3;
      int opsPerThread = 40;
      CyclicBarrier start = new CyclicBarrier(2 * threadsPerDesk);
      ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerDesk);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 2 * threadsPerDesk; t++) {
        int thread = t;
        ServiceDesk desk = desks[t % 2];
        done.add(pool.submit(() -> {
          Random random = new Random(thread);
          start.await(10, TimeUnit.SECONDS);
          for (int k = 0; k < opsPerThread; k++) {
            String id = ids.get(random.nextInt(ids.size()));
            String text = "desk " + (thread % 2) + " thread " + thread + " op " + k;
            try {
              if (k % 4 == 3) {
                Incident inc = desk.get(ADMIN, id);
                if (inc.status() == Status.ON_HOLD) {
                  desk.resume(NILS, id, text);
                } else {
                  desk.putOnHold(NILS, id, OnHoldReason.AWAITING_USER, text);
                }
                holds.incrementAndGet();
              } else {
                desk.comment(NILS, id, text, Visibility.PUBLIC);
                stored.add(text);
              }
            } catch (StaleVersionException e) {
              stale.incrementAndGet();
              staleMessages.add(e.getMessage());
              lost.add(text);
            } catch (ItsmException e) {
              lost.add(text); // the other desk changed the state first (e.g. resumed already): refused
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();

      assertThat(stale.get()).as("the desks did collide").isPositive();
      assertThat(staleMessages).allMatch(m -> m.contains("was changed concurrently")
          && m.contains("reload the incident and retry the command"));
      List<String> comments = new ArrayList<>();
      int events = 0;
      for (String id : ids) {
        for (ServiceDesk desk : desks) {
          List<IncidentEvent> h = desk.history(ADMIN, id);
          assertThat(desk.get(ADMIN, id)).as("state of %s is what its events say", id)
              .isEqualTo(IncidentHistory.replay(h));
        }
        List<IncidentEvent> h = desks[0].history(ADMIN, id);
        events += h.size();
        h.stream().filter(CommentAdded.class::isInstance).map(e -> ((CommentAdded) e).text()).forEach(comments::add);
      }
      assertThat(comments).as("every stored comment once, no refused one").containsExactlyInAnyOrderElementsOf(stored);
      assertThat(comments).doesNotContainAnyElementsOf(lost);
      assertThat(events).isEqualTo(5 * 3 + stored.size() + holds.get());
    }
  }

  @Test
  void twoDesksTickingAtOnce_recordEachSlaEventEscalationAndAutoCloseOnce() throws Exception {
    Workload.Setup setup = Workload.Setup.of(40);
    String url = database().freshUrl("two_ticks");
    Workload.MovingClock clock = new Workload.MovingClock(Workload.START);
    ServiceDesk reference = Workload.desk(setup, new InMemoryIncidentRepository(), clock);
    try (JdbcStore a = JdbcStore.open(url); JdbcStore b = JdbcStore.open(url)) {
      ServiceDesk deskA = Workload.desk(setup, a.incidents(), clock);
      ServiceDesk deskB = Workload.desk(setup, b.incidents(), clock);
      for (ServiceDesk desk : List.of(reference, deskA)) {
        clock.set(Workload.START);
        for (int i = 0; i < setup.tickets().size(); i++) {
          clock.advance(Duration.ofMinutes(3));
          Ticket t = setup.tickets().get(i);
          Actor caller = t.caller().map(c -> Actor.endUser(c.id())).orElse(Workload.MONITORING);
          Incident inc = desk.log(caller, t);
          if (inc.team().isEmpty()) {
            inc = desk.assign(ADMIN, inc.id(), Assignment.toTeam("service-desk", SupportLevel.L1));
          }
          if (i % 4 == 0) {   // resolved, the caller never answers: auto-closed after 7 days
            Actor agent = Actor.of("agent", Role.SPECIALIST, inc.team().orElseThrow());
            inc = desk.proposeResolution(agent, inc.id(), "SOLVED_FIXED", "fixed");
            if (inc.status() == Status.PENDING_APPROVAL) {
              desk.decideApproval(Workload.MANAGER, inc.id(), io.itsm.core.approval.Verdict.APPROVE, "ok");
            }
          }
        }
      }

      ExecutorService pool = Executors.newFixedThreadPool(2);
      Instant t0 = clock.instant();
      Set<String> changedByA = new HashSet<>();
      Set<String> changedByB = new HashSet<>();
      for (int step = 1; step <= 100; step++) {
        Instant now = t0.plus(Duration.ofHours(2).multipliedBy(step));
        clock.set(now);
        reference.tick(now);
        CyclicBarrier together = new CyclicBarrier(2);
        Future<List<Incident>> fa = pool.submit(() -> {
          together.await(10, TimeUnit.SECONDS);
          return deskA.tick(now);
        });
        Future<List<Incident>> fb = pool.submit(() -> {
          together.await(10, TimeUnit.SECONDS);
          return deskB.tick(now);
        });
        changedByA.addAll(ids(fa.get(60, TimeUnit.SECONDS)));
        changedByB.addAll(ids(fb.get(60, TimeUnit.SECONDS)));
      }
      pool.shutdown();

      List<Incident> expected = reference.find(ADMIN, IncidentQuery.all());
      assertThat(deskA.find(ADMIN, IncidentQuery.all())).isEqualTo(expected);
      for (Incident inc : expected) {
        assertThat(deskB.history(ADMIN, inc.id())).as(inc.id()).isEqualTo(reference.history(ADMIN, inc.id()));
      }
      List<IncidentEvent> all = expected.stream().flatMap(i -> reference.history(ADMIN, i.id()).stream()).toList();
      assertThat(all).extracting(IncidentEvent::type)
          .contains("SlaThresholdReached", "SlaBreached", "Escalated", "Closed");
      assertThat(deskA.tick(clock.instant())).as("nothing left to do").isEmpty();
      Set<String> union = new HashSet<>(changedByA);
      union.addAll(changedByB);
      assertThat(union).as("due work was done").isNotEmpty();
    }
  }

  private static Set<String> ids(List<Incident> incidents) {
    Set<String> out = new HashSet<>();
    incidents.forEach(i -> out.add(i.id()));
    return out;
  }
}
