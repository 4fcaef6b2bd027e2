package io.itsm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.event.Closed;
import io.itsm.core.event.Escalated;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.event.SlaBreached;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.Ticket;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.repository.IncidentQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A desk that survives a restart: {@value #INCIDENTS} incidents through every lifecycle path on
 * the database, the store closed and opened again by a new desk, and everything compared with a
 * desk that kept the same work in memory and never restarted: every incident and every history
 * identical, and the due work after the restart (SLA records, escalations, auto-close) identical
 * too.
 */
abstract class JdbcRestartContract {

  static final int INCIDENTS = Integer.getInteger("itsm.restart.incidents", 10_000);
  static final Actor ADMIN = Workload.ADMIN;

  static Workload.Setup setup;
  static List<List<IncidentEvent>> referenceHistories;
  static java.util.Map<String, java.util.Optional<Instant>> referenceDue;
  static Instant end;

  abstract TestDatabase database();

  /** Runs the workload once per JVM in memory and keeps every history. */
  @BeforeAll
  static synchronized void runTheReference() {
    if (setup == null) {
      setup = Workload.Setup.of(INCIDENTS);
      Workload.MovingClock clock = new Workload.MovingClock(Workload.START);
      InMemoryIncidentRepository repo = new InMemoryIncidentRepository();
      ServiceDesk desk = Workload.desk(setup, repo, clock);
      end = Workload.run(desk, clock, setup.tickets());
      referenceHistories = desk.find(ADMIN, IncidentQuery.all()).stream()
          .map(i -> desk.history(ADMIN, i.id())).toList();
      referenceDue = new java.util.HashMap<>();
      referenceHistories.forEach(h -> referenceDue.put(h.get(0).incidentId(), repo.nextDueAt(h.get(0).incidentId())));
    }
  }

  /** A desk in memory that holds what the reference run left, as if it had never stopped. */
  static ServiceDesk reference(Workload.MovingClock clock) {
    InMemoryIncidentRepository repo = new InMemoryIncidentRepository();
    for (List<IncidentEvent> h : referenceHistories) {
      repo.append(0, h, IncidentHistory.replay(h), referenceDue.get(h.get(0).incidentId()));
    }
    return ServiceDesk.builder()
        .repository(repo).clock(clock).triagePolicy(setup.triage())
        .slaPolicy(io.itsm.core.sla.SlaPolicy.defaults()).escalationPolicy(setup.escalation())
        .idGenerator(idsAfter(referenceHistories.size()))
        .build();
  }

  static java.util.function.Supplier<String> idsAfter(int n) {
    java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong(n);
    return () -> String.format("INC-%06d", next.incrementAndGet());
  }

  @Test
  void everyIncidentAndHistory_survivesARestart_andDueWorkContinuesWhereItWas() {
    String url = database().freshUrl("restart");
    Workload.MovingClock clock = new Workload.MovingClock(Workload.START);
    List<Incident> before;
    try (JdbcStore store = JdbcStore.open(url)) {
      ServiceDesk first = Workload.desk(setup, store.incidents(), clock);
      assertThat(Workload.run(first, clock, setup.tickets())).isEqualTo(end);
      before = first.find(ADMIN, IncidentQuery.all());
    }
    Workload.MovingClock referenceClock = new Workload.MovingClock(end);
    ServiceDesk reference = reference(referenceClock);
    List<Incident> expected = reference.find(ADMIN, IncidentQuery.all());
    assertThat(expected).hasSize(INCIDENTS);
    Map<Status, Long> statuses = expected.stream()
        .collect(Collectors.groupingBy(Incident::status, () -> new EnumMap<>(Status.class), Collectors.counting()));
    assertThat(statuses.keySet()).as("every lifecycle path ends somewhere: %s", statuses)
        .contains(Status.ASSIGNED, Status.IN_PROGRESS, Status.ON_HOLD, Status.RESOLVED, Status.CLOSED,
            Status.CANCELLED);

    try (JdbcStore store = JdbcStore.open(url)) {
      ServiceDesk restarted = Workload.desk(setup, store.incidents(), clock);
      List<Incident> after = restarted.find(ADMIN, IncidentQuery.all());
      assertThat(after).isEqualTo(before).isEqualTo(expected);
      for (Incident inc : expected) {
        assertThat(restarted.history(ADMIN, inc.id())).as(inc.id())
            .isEqualTo(reference.history(ADMIN, inc.id()));
        assertThat(store.incidents().nextDueAt(inc.id())).as("due work of %s", inc.id())
            .isEqualTo(referenceDue.get(inc.id()));
      }
      assertThat(store.incidents().findDue(end.plus(Duration.ofDays(30))))
          .containsExactlyInAnyOrderElementsOf(referenceDue.entrySet().stream()
              .filter(e -> e.getValue().isPresent()).map(java.util.Map.Entry::getKey).toList());

      // due work continues: SLA thresholds and breaches, escalations, auto-close after 7 days
      for (Duration later : List.of(Duration.ofHours(4), Duration.ofDays(3), Duration.ofDays(9))) {
        Instant t = end.plus(later);
        clock.set(t);
        referenceClock.set(t);
        List<Incident> changed = restarted.tick(t);
        assertThat(changed).as("tick at " + t).isEqualTo(reference.tick(t));
      }
      assertThat(restarted.find(ADMIN, IncidentQuery.all())).isEqualTo(reference.find(ADMIN, IncidentQuery.all()));
      List<IncidentEvent> all = expected.stream().flatMap(i -> restarted.history(ADMIN, i.id()).stream()).toList();
      assertThat(all).filteredOn(SlaBreached.class::isInstance).isNotEmpty();
      assertThat(all).filteredOn(Escalated.class::isInstance).isNotEmpty();
      assertThat(all).filteredOn(e -> e instanceof Closed c && c.closeReason().name().equals("AUTO_CLOSED"))
          .isNotEmpty();

      // new incidents continue the numbering
      Ticket t = Ticket.builder().title("After the restart").build();
      assertThat(restarted.log(ADMIN, t).id()).isEqualTo(reference.log(ADMIN, t).id())
          .isEqualTo(String.format("INC-%06d", INCIDENTS + 1));

    }
  }
}
