package io.itsm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.event.Closed;
import io.itsm.core.event.Escalated;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.SlaBreached;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.Ticket;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.repository.IncidentQuery;
import java.io.StringReader;
import java.io.StringWriter;
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
 * too. Then the store's backup restored into a fresh database of either kind reads the same.
 */
abstract class JdbcRestartContract {

  static final int INCIDENTS = Integer.getInteger("itsm.restart.incidents", 10_000);
  static final Actor ADMIN = Workload.ADMIN;

  static Workload.Setup setup;
  static ServiceDesk reference;
  static Workload.MovingClock referenceClock;
  static Instant end;

  abstract TestDatabase database();

  /** The other database kind, for a cross-database restore. */
  abstract TestDatabase otherDatabase();

  @BeforeAll
  static void runTheReference() {
    if (setup == null) {
      setup = Workload.Setup.of(INCIDENTS);
      referenceClock = new Workload.MovingClock(Workload.START);
      reference = Workload.desk(setup, new InMemoryIncidentRepository(), referenceClock);
      end = Workload.run(reference, referenceClock, setup.tickets());
    }
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
      }

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

      // a backup restored into a fresh database of the other kind reads the same
      StringWriter backup = new StringWriter();
      TransferCount exported = store.exportTo(backup);
      assertThat(exported.incidents()).isEqualTo(INCIDENTS + 1);
      try (JdbcStore copy = JdbcStore.open(otherDatabase().freshUrl("restored"))) {
        assertThat(copy.importFrom(new StringReader(backup.toString()))).isEqualTo(exported);
        ServiceDesk restored = Workload.desk(setup, copy.incidents(), clock);
        assertThat(restored.find(ADMIN, IncidentQuery.all())).isEqualTo(restarted.find(ADMIN, IncidentQuery.all()));
        for (Incident inc : restored.find(ADMIN, IncidentQuery.all().withStatus(Status.ON_HOLD))) {
          assertThat(restored.history(ADMIN, inc.id())).isEqualTo(restarted.history(ADMIN, inc.id()));
        }
        assertThat(copy.check()).isEmpty();
        assertThat(restored.log(ADMIN, t).id()).isEqualTo(String.format("INC-%06d", INCIDENTS + 2));
      }
    }
  }
}
