package io.itsm.core;

import static io.itsm.core.Fixtures.ADMIN;
import static io.itsm.core.Fixtures.CALLER;
import static io.itsm.core.Fixtures.NET_AGENT;
import static io.itsm.core.Fixtures.SIMPLE_POLICY;
import static io.itsm.core.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.event.Closed;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.SlaBreached;
import io.itsm.core.event.SlaThresholdReached;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Status;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.sla.SlaPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two desks on one repository (two application instances on one database) whose ticks overlap:
 * what one tick decided from an incident it read may have been done by the other desk by the time
 * it acts. It must then skip the incident, not fail, and nothing may be recorded twice.
 */
class TickRaceTest {

  /**
   * A real repository that lets the other desk run its whole tick right after this desk's tick
   * read an incident it found due, before it acts on it.
   */
  private static final class RacingRepository implements IncidentRepository {
    final InMemoryIncidentRepository delegate;
    Runnable afterRead;

    RacingRepository(InMemoryIncidentRepository delegate) {
      this.delegate = delegate;
    }

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
      Optional<Incident> read = delegate.find(id);
      Runnable r = afterRead;
      if (r != null) {
        afterRead = null;
        r.run();
      }
      return read;
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
  void tick_whenTheOtherDeskAutoClosedTheIncidentAfterThisOneListedIt_skipsIt() {
    InMemoryIncidentRepository shared = new InMemoryIncidentRepository();
    RacingRepository racing = new RacingRepository(shared);
    MutableClock clock = MutableClock.at(Instant.parse("2026-11-23T09:00:00Z"));
    ServiceDesk a = ServiceDesk.builder().repository(racing).clock(clock).triagePolicy(SIMPLE_POLICY).build();
    ServiceDesk b = ServiceDesk.builder().repository(shared).clock(clock).triagePolicy(SIMPLE_POLICY).build();
    String id = a.log(CALLER, ticket("VPN drops")).id();
    a.startWork(NET_AGENT, id);
    a.proposeResolution(NET_AGENT, id, "SOLVED_FIXED", "new client");
    Instant later = Instant.parse("2026-12-10T09:00:00Z");

    racing.afterRead = () -> assertThat(b.tick(later)).extracting(Incident::id).containsExactly(id);
    assertThat(a.tick(later)).isEmpty();

    assertThat(a.get(ADMIN, id).status()).isEqualTo(Status.CLOSED);
    assertThat(a.history(ADMIN, id)).filteredOn(Closed.class::isInstance).hasSize(1);
  }

  @Test
  void tick_whenTheOtherDeskRecordedTheSlaBreachAfterThisOneListedIt_recordsNothingTwice() {
    InMemoryIncidentRepository shared = new InMemoryIncidentRepository();
    RacingRepository racing = new RacingRepository(shared);
    MutableClock clock = MutableClock.at(Instant.parse("2026-11-23T09:00:00Z"));
    ServiceDesk a = ServiceDesk.builder().repository(racing).clock(clock).triagePolicy(SIMPLE_POLICY)
        .slaPolicy(SlaPolicy.defaults()).build();
    ServiceDesk b = ServiceDesk.builder().repository(shared).clock(clock).triagePolicy(SIMPLE_POLICY)
        .slaPolicy(SlaPolicy.defaults()).build();
    String id = a.log(CALLER, ticket("VPN drops")).id();
    Instant later = Instant.parse("2026-12-10T09:00:00Z");

    racing.afterRead = () -> assertThat(b.tick(later)).extracting(Incident::id).containsExactly(id);
    assertThat(a.tick(later)).isEmpty();

    List<IncidentEvent> h = a.history(ADMIN, id);
    assertThat(h).filteredOn(SlaBreached.class::isInstance).hasSize(2);
    assertThat(h.stream().filter(SlaThresholdReached.class::isInstance)
        .map(e -> ((SlaThresholdReached) e).kind() + "/" + ((SlaThresholdReached) e).percent()))
        .doesNotHaveDuplicates().hasSize(6);
    assertThat(a.tick(later)).isEmpty();
  }
}
