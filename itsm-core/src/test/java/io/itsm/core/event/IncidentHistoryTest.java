package io.itsm.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.Ticket;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentHistoryTest {

  private static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  private static final IncidentLogged LOGGED =
      new IncidentLogged("INC-1", 1, T, "u1", Ticket.builder().title("Printer jam").build(), T);

  @Test
  void replay_logged_givesNewIncidentAtVersionOne() {
    Incident inc = IncidentHistory.replay(List.of(LOGGED));
    assertThat(inc.status()).isEqualTo(Status.NEW);
    assertThat(inc.version()).isEqualTo(1);
    assertThat(inc.title()).isEqualTo("Printer jam");
  }

  @Test
  void replay_empty_isRejected() {
    assertThatThrownBy(() -> IncidentHistory.replay(List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("events must not be empty: a history starts with IncidentLogged");
  }

  @Test
  void replay_notStartingWithLogged_isRejected() {
    assertThatThrownBy(() -> IncidentHistory.replay(List.of(
            new Cancelled("INC-1", 1, T, "u1", "dup"))))
        .hasMessage("history of INC-1 must start with IncidentLogged, but started with Cancelled");
  }

  @Test
  void replay_skippedSequence_isRejectedAsOutOfOrder() {
    assertThatThrownBy(() -> IncidentHistory.replay(List.of(LOGGED,
            new Cancelled("INC-1", 3, T, "u1", "dup"))))
        .hasMessage("events out of order for INC-1: expected sequence 2, but was 3 (Cancelled)");
  }

  @Test
  void replay_eventBeforePreviousChange_isRejectedAsOutOfOrder() {
    assertThatThrownBy(() -> IncidentHistory.replay(List.of(LOGGED,
            new Cancelled("INC-1", 2, T.minusSeconds(1), "u1", "dup"))))
        .hasMessageContaining("events out of order for INC-1: Cancelled #2 at 2026-11-23T08:59:59Z"
            + " is before the previous change at 2026-11-23T09:00:00Z");
  }

  @Test
  void replay_eventOfAnotherIncident_isRejected() {
    assertThatThrownBy(() -> IncidentHistory.replay(List.of(LOGGED,
            new Cancelled("INC-2", 2, T, "u1", "dup"))))
        .hasMessage("event Cancelled #2 belongs to incident INC-2, not to INC-1");
  }

  @Test
  void replay_secondLogged_isRejected() {
    assertThatThrownBy(() -> IncidentHistory.replay(List.of(LOGGED,
            new IncidentLogged("INC-1", 2, T, "u1", Ticket.builder().title("x").build(), T))))
        .hasMessageContaining("already logged");
  }

  @Test
  void events_rejectSequenceBelowOne() {
    assertThatThrownBy(() -> new Cancelled("INC-1", 0, T, "u1", "dup"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("event sequence must be 1 or more, but was 0");
  }
}
