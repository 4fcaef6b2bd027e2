package io.itsm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.repository.StaleVersionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IncidentRepository} must do, run against each implementation (in memory, H2,
 * PostgreSQL) by a subclass that says how to make a fresh, empty one.
 */
abstract class IncidentRepositoryContract {

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final Actor ADMIN = Actor.of("root", Role.ADMIN);

  IncidentRepository repo;

  /** A fresh, empty repository. */
  abstract IncidentRepository newRepository();

  @BeforeEach
  void createRepository() {
    repo = newRepository();
  }

  // ---------------------------------------------------------------- helpers

  /** An incident and the events that made it. */
  record Written(Incident state, List<IncidentEvent> events) {}

  static Written logged(String id, String title, String caller) {
    Ticket t = Ticket.builder().title(title).caller(Caller.of(caller)).openedAt(T0).id("EXT-" + id).build();
    IncidentEvent e = new IncidentLogged(id, 1, T0, caller, t, T0);
    return new Written(IncidentHistory.apply(null, e), List.of(e));
  }

  static Written comment(Incident state, String... texts) {
    List<IncidentEvent> events = new ArrayList<>();
    Incident s = state;
    for (String text : texts) {
      IncidentEvent e = new CommentAdded(s.id(), s.version() + 1, T0.plusSeconds(s.version()), "agent",
          text, Visibility.PUBLIC);
      s = IncidentHistory.apply(s, e);
      events.add(e);
    }
    return new Written(s, events);
  }

  Incident store(Written w, long expectedVersion) {
    repo.append(expectedVersion, w.events(), w.state(), Optional.empty());
    return w.state();
  }

  // ---------------------------------------------------------------- append, find, history

  @Test
  void append_newIncident_isFoundWithItsHistory() {
    Written w = logged("INC-1", "Printer jams", "u1");
    store(w, 0);
    assertThat(repo.find("INC-1")).contains(w.state());
    assertThat(repo.history("INC-1")).containsExactlyElementsOf(w.events());
  }

  @Test
  void append_severalEventsOfOneCommand_areStoredInOrder_withTheStateAfterAll() {
    Incident inc = store(logged("INC-1", "Printer jams", "u1"), 0);
    Written w = comment(inc, "one", "two", "three");
    store(w, 1);
    assertThat(repo.find("INC-1")).contains(w.state());
    assertThat(repo.find("INC-1").orElseThrow().version()).isEqualTo(4);
    assertThat(repo.history("INC-1")).extracting(IncidentEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
    assertThat(repo.history("INC-1")).extracting(IncidentEvent::type)
        .containsExactly("IncidentLogged", "CommentAdded", "CommentAdded", "CommentAdded");
  }

  @Test
  void append_basedOnAStaleVersion_isRejected_andStoresNothing() {
    Incident inc = store(logged("INC-1", "Printer jams", "u1"), 0);
    store(comment(inc, "first"), 1);
    Written stale = comment(inc, "based on version 1");

    assertThatThrownBy(() -> repo.append(1, stale.events(), stale.state(), Optional.empty()))
        .isInstanceOf(StaleVersionException.class)
        .hasMessageContaining("incident INC-1 was changed concurrently")
        .satisfies(e -> {
          assertThat(((StaleVersionException) e).getExpectedVersion()).isEqualTo(1);
          assertThat(((StaleVersionException) e).getActualVersion()).isEqualTo(2);
        });
    assertThat(repo.history("INC-1")).hasSize(2);
    assertThat(((CommentAdded) repo.history("INC-1").get(1)).text()).isEqualTo("first");
    assertThat(repo.find("INC-1").orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void append_newIncidentWithAnIdTaken_isRejected_andTheFirstIsKept() {
    Written first = logged("INC-1", "Printer jams", "u1");
    store(first, 0);
    Written second = logged("INC-1", "Another", "u2");
    assertThatThrownBy(() -> repo.append(0, second.events(), second.state(), Optional.empty()))
        .isInstanceOf(StaleVersionException.class);
    assertThat(repo.find("INC-1")).contains(first.state());
    assertThat(repo.history("INC-1")).containsExactlyElementsOf(first.events());
  }

  @Test
  void append_withNoEvents_isRejected() {
    Written w = logged("INC-1", "Printer jams", "u1");
    assertThatThrownBy(() -> repo.append(0, List.of(), w.state(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("events must not be empty");
    assertThat(repo.find("INC-1")).isEmpty();
  }

  @Test
  void find_andHistory_ofAnUnknownIncident_areEmpty() {
    assertThat(repo.find("INC-404")).isEmpty();
    assertThat(repo.history("INC-404")).isEmpty();
  }

  @Test
  void history_cannotBeChangedThroughTheReturnedList() {
    Incident inc = store(logged("INC-1", "Printer jams", "u1"), 0);
    List<IncidentEvent> h = repo.history("INC-1");
    assertThatThrownBy(() -> h.add(comment(inc, "sneaky").events().get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(repo.history("INC-1")).hasSize(1);
  }

  // ---------------------------------------------------------------- the due-time index

  @Test
  void append_storesTheNextDueTime_andFindDue_returnsWhatIsDue_earliestFirst() {
    Instant t = T0.plusSeconds(3_600);
    repo.append(0, logged("INC-3", "c", "u").events(), logged("INC-3", "c", "u").state(), Optional.of(t));
    repo.append(0, logged("INC-1", "a", "u").events(), logged("INC-1", "a", "u").state(),
        Optional.of(t.plusSeconds(60)));
    repo.append(0, logged("INC-2", "b", "u").events(), logged("INC-2", "b", "u").state(), Optional.of(t));
    repo.append(0, logged("INC-4", "d", "u").events(), logged("INC-4", "d", "u").state(), Optional.empty());
    repo.append(0, logged("INC-5", "e", "u").events(), logged("INC-5", "e", "u").state(),
        Optional.of(Instant.EPOCH));

    assertThat(repo.findDue(t.minusSeconds(1))).containsExactly("INC-5");
    assertThat(repo.findDue(t)).containsExactly("INC-5", "INC-2", "INC-3");
    assertThat(repo.findDue(t.plusSeconds(3_600))).containsExactly("INC-5", "INC-2", "INC-3", "INC-1");
    assertThat(repo.nextDueAt("INC-1")).contains(t.plusSeconds(60));
    assertThat(repo.nextDueAt("INC-4")).isEmpty();
    assertThat(repo.nextDueAt("INC-404")).isEmpty();
  }

  @Test
  void append_replacesTheDueTime_inTheSameAtomicStep() {
    Written w = logged("INC-1", "a", "u");
    repo.append(0, w.events(), w.state(), Optional.of(T0));
    Written c = comment(w.state(), "more");
    repo.append(1, c.events(), c.state(), Optional.empty());
    assertThat(repo.findDue(T0.plusSeconds(86_400))).isEmpty();
    Written stale = comment(w.state(), "stale");
    assertThatThrownBy(() -> repo.append(1, stale.events(), stale.state(), Optional.of(T0)))
        .isInstanceOf(StaleVersionException.class);
    assertThat(repo.nextDueAt("INC-1")).isEmpty();
  }

  @Test
  void reschedule_storesTheDueTime_onlyOnTheVersionItWasComputedFrom() {
    Written w = logged("INC-1", "a", "u");
    repo.append(0, w.events(), w.state(), Optional.empty());
    assertThat(repo.reschedule("INC-1", 1, Optional.of(T0))).isTrue();
    assertThat(repo.findDue(T0)).containsExactly("INC-1");
    assertThat(repo.reschedule("INC-1", 7, Optional.empty())).isFalse();
    assertThat(repo.nextDueAt("INC-1")).contains(T0);
    assertThat(repo.reschedule("INC-404", 1, Optional.of(T0))).isFalse();
    assertThat(repo.reschedule("INC-1", 1, Optional.empty())).isTrue();
    assertThat(repo.findDue(T0)).isEmpty();
    assertThat(repo.history("INC-1")).hasSize(1);
  }

  // ---------------------------------------------------------------- queries

  @Test
  void find_byEachCriterion_matchesExactly_orderedById() {
    ServiceDesk desk = ServiceDesk.builder().repository(repo).idGenerator(ids("Q-")).build();
    Actor anna = Actor.endUser("anna");
    Actor bert = Actor.endUser("bert");
    String a = desk.log(anna, Ticket.builder().title("VPN down").id("SN-1").build()).id();
    String b = desk.log(bert, Ticket.builder().title("Printer").build()).id();
    String c = desk.log(anna, Ticket.builder().title("Mail").build()).id();
    String d = desk.log(bert, Ticket.builder().title("Disk").build()).id();
    desk.assign(ADMIN, a, Assignment.toPerson("network-ops", "nils", SupportLevel.L2));
    desk.assign(ADMIN, c, Assignment.toTeam("network-ops", SupportLevel.L1));
    desk.assign(ADMIN, d, Assignment.toPerson("desktop", "dave", SupportLevel.L1));
    desk.startWork(Actor.of("nils", Role.AGENT, "network-ops"), a);

    assertThat(ids(repo.find(IncidentQuery.all()))).containsExactly(a, b, c, d);
    assertThat(ids(repo.find(IncidentQuery.all().withStatus(Status.NEW)))).containsExactly(b);
    assertThat(ids(repo.find(IncidentQuery.all().withStatus(Status.ASSIGNED)))).containsExactly(c, d);
    assertThat(ids(repo.find(IncidentQuery.all().withTeam("network-ops")))).containsExactly(a, c);
    assertThat(ids(repo.find(IncidentQuery.all().withStatus(Status.ASSIGNED).withTeam("network-ops"))))
        .containsExactly(c);
    assertThat(ids(repo.find(IncidentQuery.all().withAssignee("dave")))).containsExactly(d);
    assertThat(ids(repo.find(IncidentQuery.all().withCaller("anna")))).containsExactly(a, c);
    assertThat(ids(repo.find(IncidentQuery.all().withExternalId("SN-1")))).containsExactly(a);
    assertThat(repo.find(IncidentQuery.all().withTeam("nobody"))).isEmpty();
    assertThat(repo.find(IncidentQuery.all().withStatus(Status.IN_PROGRESS)))
        .singleElement().isEqualTo(repo.find(a).orElseThrow());
  }

  static java.util.function.Supplier<String> ids(String prefix) {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    return () -> prefix + String.format("%03d", n.incrementAndGet());
  }

  static List<String> ids(List<Incident> incidents) {
    return incidents.stream().map(Incident::id).toList();
  }

  // ---------------------------------------------------------------- concurrency

  @Test
  void concurrentAppends_onTheSameVersion_exactlyOneWins_theOthersStoreNothing() throws Exception {
    Incident inc = store(logged("INC-1", "Printer jams", "u1"), 0);
    int threads = 6;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<String>> outcomes = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Written w = comment(inc, "from thread " + t, "and its second event");
      Callable<String> task = () -> {
        start.await(10, TimeUnit.SECONDS);
        try {
          repo.append(1, w.events(), w.state(), Optional.empty());
          return ((CommentAdded) w.events().get(0)).text();
        } catch (StaleVersionException e) {
          return "stale";
        }
      };
      outcomes.add(pool.submit(task));
    }
    List<String> results = new ArrayList<>();
    for (Future<String> f : outcomes) {
      results.add(f.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertThat(results).filteredOn(r -> !r.equals("stale")).hasSize(1);
    String winner = results.stream().filter(r -> !r.equals("stale")).findFirst().orElseThrow();
    List<IncidentEvent> h = repo.history("INC-1");
    assertThat(h).hasSize(3);
    assertThat(((CommentAdded) h.get(1)).text()).isEqualTo(winner);
    assertThat(repo.find("INC-1")).contains(IncidentHistory.replay(h));
  }

  @Test
  void incidentIds_whenOffered_areDistinct() {
    repo.incidentIds().ifPresent(ids -> {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < 50; i++) {
        assertThat(seen.add(ids.get())).isTrue();
      }
    });
  }

  // ---------------------------------------------------------------- with a desk

  @Test
  void aDeskOnTheRepository_runsTheLifecycle_andAnotherDeskReadsTheSame() {
    ServiceDesk desk = ServiceDesk.builder().repository(repo).build();
    Actor anna = Actor.endUser("anna");
    Actor nils = Actor.of("nils", Role.SPECIALIST, "network-ops");
    Incident inc = desk.log(anna, Ticket.builder().title("VPN drops").build());
    desk.assign(ADMIN, inc.id(), Assignment.toPerson("network-ops", "nils", SupportLevel.L2));
    desk.startWork(nils, inc.id());
    desk.comment(nils, inc.id(), "looking into it", Visibility.INTERNAL);
    desk.proposeResolution(nils, inc.id(), "SOLVED_FIXED", "Updated the VPN client");
    Incident closed = desk.confirmResolution(anna, inc.id());

    ServiceDesk other = ServiceDesk.builder().repository(repo).build();
    assertThat(closed.status()).isEqualTo(Status.CLOSED);
    assertThat(other.get(ADMIN, inc.id())).isEqualTo(closed);
    assertThat(other.history(ADMIN, inc.id())).isEqualTo(desk.history(ADMIN, inc.id()));
    assertThat(IncidentHistory.replay(other.history(ADMIN, inc.id()))).isEqualTo(closed);
  }

  // ---------------------------------------------------------------- histories (metrics' SPI)

  private static List<List<IncidentEvent>> all(java.util.stream.Stream<List<IncidentEvent>> s) {
    try (s) {
      return s.sorted(java.util.Comparator.comparing(h -> h.get(0).incidentId())).toList();
    }
  }

  @Test
  void histories_streamEveryWholeHistory_andTheMetricsOfAPeriod() {
    ServiceDesk desk = ServiceDesk.builder().repository(repo)
        .clock(io.itsm.core.MutableClock.at(T0)).build();
    Actor lead = Actor.of("lead", Role.TEAM_LEAD, "desk");
    String closed = desk.log(lead, Ticket.builder().title("dup").build()).id();
    desk.closeWithoutResolution(lead, closed, "DUPLICATE", "same as another");
    String open = desk.log(lead, Ticket.builder().title("open").build()).id();
    desk.assign(lead, open, Assignment.toTeam("desk", SupportLevel.L1));
    Written w = comment(logged("INC-900", "later", "u9").state(), "a", "b");
    store(logged("INC-900", "later", "u9"), 0);
    store(w, 1);

    List<List<IncidentEvent>> everything = all(repo.histories(Instant.MIN, Instant.MAX));
    assertThat(everything).extracting(h -> h.get(0).incidentId()).containsExactly(closed, open, "INC-900");
    for (List<IncidentEvent> h : everything) {
      assertThat(h).isEqualTo(repo.history(h.get(0).incidentId()));
    }
    // after the close: the closed one is left out; the open ones (not final) stay
    Instant later = T0.plusSeconds(3600);
    assertThat(all(repo.histories(later, Instant.MAX))).extracting(h -> h.get(0).incidentId())
        .containsExactly(open, "INC-900");
    // before anything was opened: nothing
    assertThat(all(repo.histories(Instant.MIN, T0))).isEmpty();
    io.itsm.core.metrics.MetricsReport r = io.itsm.core.metrics.Metrics.compute(repo,
        io.itsm.core.metrics.MetricsQuery.of(io.itsm.core.metrics.Period.until(later)));
    assertThat(r.total().count(io.itsm.core.metrics.Metric.OPENED)).isEqualTo(3);
    assertThat(r.total().count(io.itsm.core.metrics.Metric.CLOSED_WITHOUT_RESOLUTION)).isEqualTo(1);
    assertThat(r.total().count(io.itsm.core.metrics.Metric.BACKLOG)).isEqualTo(2);
  }
}
