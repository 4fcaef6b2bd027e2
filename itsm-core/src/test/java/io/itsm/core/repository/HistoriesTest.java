package io.itsm.core.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link IncidentRepository#histories}: whole histories of what was active in a period. */
class HistoriesTest {

  private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T09:00:00Z"));
  private final InMemoryIncidentRepository repo = new InMemoryIncidentRepository();
  private final ServiceDesk desk = ServiceDesk.builder().clock(clock).repository(repo).build();
  private final Actor lead = Actor.of("l1", Role.TEAM_LEAD, "desk");

  private String closedOn1March;
  private String openSince1March;
  private String loggedOn10March;

  private void build() {
    closedOn1March = desk.log(lead, Ticket.builder().title("a").build()).id();
    desk.closeWithoutResolution(lead, closedOn1March, "DUPLICATE", "dup");
    openSince1March = desk.log(lead, Ticket.builder().title("b").build()).id();
    clock.set(Instant.parse("2026-03-10T09:00:00Z"));
    loggedOn10March = desk.log(lead, Ticket.builder().title("c").build()).id();
    desk.comment(lead, openSince1March, "still open", io.itsm.core.event.Visibility.INTERNAL);
  }

  private static List<String> ids(Stream<List<IncidentEvent>> s) {
    try (s) {
      return s.map(h -> h.get(0).incidentId()).sorted().toList();
    }
  }

  @Test
  void histories_ofAPeriod_leaveOutWhatClosedBefore_andWhatOpenedAfter() {
    build();
    Instant from = Instant.parse("2026-03-05T00:00:00Z");
    Instant to = Instant.parse("2026-03-08T00:00:00Z");
    assertThat(ids(repo.histories(from, to))).containsExactly(openSince1March);
    assertThat(ids(repo.histories(Instant.MIN, Instant.MAX)))
        .containsExactly(closedOn1March, openSince1March, loggedOn10March);
  }

  @Test
  void histories_areWhole_eventsAfterThePeriodIncluded() {
    build();
    try (Stream<List<IncidentEvent>> s = repo.histories(Instant.MIN, Instant.parse("2026-03-05T00:00:00Z"))) {
      List<IncidentEvent> open = s.filter(h -> h.get(0).incidentId().equals(openSince1March))
          .findFirst().orElseThrow();
      assertThat(open).isEqualTo(repo.history(openSince1March));
      assertThat(open.get(open.size() - 1).at()).isEqualTo(Instant.parse("2026-03-10T09:00:00Z"));
    }
  }

  @Test
  void theDefaultImplementation_givesWhatTheInMemoryOneGives() {
    build();
    IncidentRepository plain = new IncidentRepository() {
      @Override
      public void append(long v, List<IncidentEvent> e, Incident s, Optional<Instant> d) {
        throw new UnsupportedOperationException("read-only view for the test");
      }

      @Override
      public boolean reschedule(String id, long version, Optional<Instant> nextDueAt) {
        return false;
      }

      @Override
      public List<String> findDue(Instant at) {
        return List.of();
      }

      @Override
      public Optional<Instant> nextDueAt(String id) {
        return Optional.empty();
      }

      @Override
      public Optional<Incident> find(String id) {
        return repo.find(id);
      }

      @Override
      public List<IncidentEvent> history(String id) {
        return repo.history(id);
      }

      @Override
      public List<Incident> find(IncidentQuery query) {
        return repo.find(query);
      }
    };
    Instant from = Instant.parse("2026-03-05T00:00:00Z");
    Instant to = Instant.parse("2026-03-08T00:00:00Z");
    assertThat(ids(plain.histories(from, to))).isEqualTo(ids(repo.histories(from, to)));
    assertThat(ids(plain.histories(Instant.MIN, Instant.MAX)))
        .isEqualTo(ids(repo.histories(Instant.MIN, Instant.MAX)));
  }

  @Test
  void histories_refuseAPeriodThatEndsBeforeItStarts() {
    assertThatThrownBy(() -> repo.histories(Instant.MAX, Instant.MIN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from must not be after to");
  }
}
