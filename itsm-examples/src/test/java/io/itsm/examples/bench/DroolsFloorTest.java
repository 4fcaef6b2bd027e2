package io.itsm.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.incident.Ticket;
import io.itsm.rules.testkit.TicketGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DroolsFloorTest {

  @ParameterizedTest
  @EnumSource(DroolsFloor.Design.class)
  void floor_runsEveryTicketTwice_andNoRuleFires(DroolsFloor.Design design) {
    List<Ticket> tickets = TicketGenerator.generate(200);
    for (boolean updates : new boolean[] {false, true}) {
      DroolsFloor floor = DroolsFloor.forGeneratedTickets(tickets, design, updates);
      for (int round = 0; round < 2; round++) {
        for (Ticket t : tickets) {
          assertThat(floor.run(t)).isZero();
          assertThat(floor.asPolicy().triage(t)).isNull();
        }
      }
      // settings, team map, ticket, DecidedSoFar and at least the keyword tallies of some tickets
      assertThat(floor.factsPerTicket()).isGreaterThan(4.0);
    }
  }

  @ParameterizedTest
  @EnumSource(DroolsFloor.Design.class)
  void runAll_runsBatchesTwice_andNoRuleFires(DroolsFloor.Design design) {
    List<Ticket> tickets = TicketGenerator.generate(300);
    for (boolean updates : new boolean[] {false, true}) {
      DroolsFloor floor = DroolsFloor.forGeneratedTickets(tickets, design, updates);
      for (int round = 0; round < 2; round++) {
        assertThat(floor.runAll(tickets.subList(0, 128))).isZero();
        assertThat(floor.runAll(tickets.subList(128, 300))).isZero();
        // one ticket after a batch: the kept session was left with the permanent facts alone
        assertThat(floor.run(tickets.get(0))).isZero();
      }
    }
  }

  @Test
  void runAll_rejectsABatchWithATicketItWasNotMadeFor() {
    List<Ticket> tickets = TicketGenerator.generate(3);
    DroolsFloor floor = DroolsFloor.forGeneratedTickets(tickets, DroolsFloor.Design.SHARED, true);
    Ticket other = TicketGenerator.generate(4).get(3);
    assertThatThrownBy(() -> floor.runAll(List.of(tickets.get(0), other)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ticket must be one the floor was made for");
  }

  @ParameterizedTest
  @EnumSource(DroolsFloor.Design.class)
  void floor_rejectsTicketsItWasNotMadeFor(DroolsFloor.Design design) {
    DroolsFloor floor =
        DroolsFloor.forGeneratedTickets(TicketGenerator.generate(3), design, false);
    Ticket other = TicketGenerator.generate(1).get(0);
    assertThatThrownBy(() -> floor.run(other)).isInstanceOf(IllegalArgumentException.class);
  }
}
