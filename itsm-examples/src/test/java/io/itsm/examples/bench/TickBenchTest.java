package io.itsm.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Status;
import io.itsm.core.repository.IncidentQuery;
import org.junit.jupiter.api.Test;

class TickBenchTest {

  @Test
  void benchmarkDesk_hasOpenIncidentsWithFutureDueTimes_andClosedOnesWithout() {
    TickBench.Built b = TickBench.build(300, 30);

    assertThat(b.desk().tick(TickBench.TICK_AT)).as("the first tick recorded what was due").isEmpty();
    assertThat(b.repository().findDue(TickBench.TICK_AT)).isEmpty();
    for (Incident inc : b.repository().find(IncidentQuery.all())) {
      if (inc.status() == Status.CLOSED) {
        assertThat(b.repository().nextDueAt(inc.id())).isEmpty();
      } else {
        assertThat(b.repository().nextDueAt(inc.id())).hasValueSatisfying(
            t -> assertThat(t).isAfter(TickBench.TICK_AT));
      }
    }
    assertThat(b.open()).hasSize(30);
    assertThat(b.repository().find(IncidentQuery.all().withStatus(Status.CLOSED))).hasSize(300);
    assertThat(b.repository().find(IncidentQuery.all().withStatus(Status.ON_HOLD))).hasSize(10);
  }

  @Test
  void commentBench_incidentHasTheAskedNumberOfEvents() {
    Object[] d = CommentBench.incidentWith(250);
    ServiceDesk desk = (ServiceDesk) d[0];
    assertThat(desk.history(Actor.system(), (String) d[1])).hasSize(250);
  }
}
