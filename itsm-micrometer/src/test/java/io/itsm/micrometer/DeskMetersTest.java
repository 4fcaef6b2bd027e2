package io.itsm.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The meters a desk feeds, on a real desk and a real (simple) registry. */
class DeskMetersTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final DeskMeters meters = new DeskMeters(registry);
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
  private final InMemoryIncidentRepository repo = new InMemoryIncidentRepository();
  private final Actor agent = Actor.of("a1", Role.AGENT, "net");

  private ServiceDesk desk() {
    return ServiceDesk.builder().clock(clock).repository(repo).slaPolicy(SlaPolicy.defaults())
        .triagePolicy(meters.timed(t -> TriageResult.of(List.of(
            new TriageDecision(TriageAttribute.CATEGORY, "network", "VPN is network", "test", 0),
            new TriageDecision(TriageAttribute.PRIORITY, Priority.P2, "VPN is P2", "test", 0)),
            List.of(), List.of("VPN is network", "VPN is P2"))))
        .listener(meters).build();
  }

  private double count(String name, String... tags) {
    var c = registry.find(name).tags(tags).counter();
    return c == null ? 0 : c.count();
  }

  private double gauge(String status) {
    return registry.get("itsm.incidents.open").tag("status", status).gauge().value();
  }

  @Test
  void loggingResolvingAndTheSlaClock_moveTheMeters() {
    ServiceDesk desk = desk();
    String a = desk.log(agent, Ticket.builder().title("VPN down").channel(Channel.PHONE).build()).id();
    String b = desk.log(agent, Ticket.builder().title("VPN slow").build()).id();
    assertThat(count("itsm.incidents.logged", "category", "network", "priority", "P2", "channel", "PHONE")).isEqualTo(1);
    assertThat(count("itsm.incidents.logged", "channel", "none")).isEqualTo(1);
    assertThat(registry.get("itsm.triage.latency").tag("outcome", "ok").timer().count()).isEqualTo(2);
    assertThat(gauge("NEW")).isEqualTo(2);

    desk.assign(agent, a, Assignment.toTeam("net", SupportLevel.L2));
    desk.startWork(agent, a);
    assertThat(gauge("NEW")).isEqualTo(1);
    assertThat(gauge("IN_PROGRESS")).isEqualTo(1);

    // P2: response 30 min, resolution 8 h on 24x7; at 18:00 b has breached both
    clock.set(Instant.parse("2026-03-02T18:00:00Z"));
    desk.tick();
    assertThat(count("itsm.sla.breaches", "kind", "response", "priority", "P2")).isEqualTo(1);
    assertThat(count("itsm.sla.breaches", "kind", "resolution", "priority", "P2")).isEqualTo(2);
    assertThat(count("itsm.sla.warnings", "kind", "resolution", "percent", "50")).isEqualTo(2);

    desk.proposeResolution(agent, a, "SOLVED_FIXED", "reset the tunnel");
    assertThat(count("itsm.incidents.resolved", "category", "network", "priority", "P2")).isEqualTo(1);
    assertThat(gauge("RESOLVED")).isEqualTo(1);
    assertThat(gauge("IN_PROGRESS")).isZero();
    desk.rejectResolution(agent, a, "still down");
    assertThat(count("itsm.incidents.reopened", "priority", "P2")).isEqualTo(1);
    desk.escalateHierarchically(agent, a, Role.MANAGER, "P2 reopened");
    assertThat(count("itsm.escalations", "kind", "HIERARCHICAL")).isEqualTo(1);

    desk.cancel(agent, b, "duplicate");
    assertThat(gauge("NEW")).isZero();
  }

  @Test
  void aFailingTriage_isTimedAsFailed_andRethrown() {
    ServiceDesk desk = ServiceDesk.builder().clock(clock).listener(meters)
        .triagePolicy(meters.timed(t -> {
          throw new IllegalStateException("rules broken");
        })).build();
    assertThatThrownBy(() -> desk.log(agent, Ticket.builder().title("x").build()))
        .hasMessageContaining("rules broken");
    assertThat(registry.get("itsm.triage.latency").tag("outcome", "failed").timer().count()).isEqualTo(1);
    assertThat(gauge("NEW")).isZero();
  }

  @Test
  void countBacklog_seedsTheGauges_fromAStoreThatIsNotEmpty() {
    ServiceDesk plain = ServiceDesk.builder().clock(clock).repository(repo).build();
    plain.log(agent, Ticket.builder().title("old one").build());
    String done = plain.log(agent, Ticket.builder().title("old two").build()).id();
    plain.cancel(agent, done, "no longer needed");
    plain.prioritize(agent, plain.log(agent, Ticket.builder().title("three").build()).id(),
        Impact.LOW, Urgency.LOW, Priority.P4);
    assertThat(meters.countBacklog(repo)).isEqualTo(2);
    assertThat(gauge("NEW")).isEqualTo(2);
    clock.set(clock.instant().plus(Duration.ofMinutes(5)));
    ServiceDesk desk = desk();
    desk.cancel(agent, "INC-000001", "cleanup");
    assertThat(gauge("NEW")).isEqualTo(1);
  }
}
