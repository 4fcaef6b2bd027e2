package io.itsm.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The incident is what was reported (its ticket) plus what the desk decided, each value in one place. */
class IncidentRecordTest {

  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  private static Ticket reported() {
    return Ticket.builder().id("EXT-9").title("VPN drops").caller(Caller.of("u-anna"))
        .service("vpn").impact(Impact.HIGH).urgency(Urgency.LOW).tags(Set.of("remote"))
        .openedAt(T0).build();
  }

  @Test
  void logged_movesImpactUrgencyAndTags_fromTheTicketIntoTheIncident() {
    Incident inc = Incident.logged("INC-1", reported(), T0);

    assertThat(inc.ticket().impact()).isEmpty();
    assertThat(inc.ticket().urgency()).isEmpty();
    assertThat(inc.ticket().tags()).isEmpty();
    assertThat(inc.impact()).contains(Impact.HIGH);
    assertThat(inc.urgency()).contains(Urgency.LOW);
    assertThat(inc.priority()).isEmpty();
    assertThat(inc.tags()).containsExactly("remote");
    assertThat(inc.status()).isEqualTo(Status.NEW);
    assertThat(inc.version()).isEqualTo(1);
    assertThat(inc.updatedAt()).isEqualTo(inc.openedAt()).isEqualTo(T0);
    assertThat(inc.title()).isEqualTo("VPN drops");
    assertThat(inc.externalId()).contains("EXT-9");
    assertThat(inc.ticket().service()).contains("vpn");
    assertThat(inc.isCalledBy("u-anna")).isTrue();
    assertThat(inc.isCalledBy("u-bert")).isFalse();
  }

  @Test
  void aTicketHoldingWhatTheIncidentDecides_isRefused_namingWhereItBelongs() {
    Ticket withImpact = reported();
    assertThatThrownBy(() -> new Incident("INC-1", withImpact, Classification.none(), Optional.empty(),
        Status.NEW, Optional.empty(), Optional.empty(), false, Optional.empty(), 0, 0, List.of(),
        Set.of(), T0, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must not hold impact, urgency or tags")
        .hasMessageContaining("classification() and tags()");
    Ticket noOpenedAt = Ticket.builder().title("x").build();
    assertThatThrownBy(() -> Incident.logged("INC-1", noOpenedAt, T0))
        .hasMessageContaining("its ticket must have openedAt");
  }

  @Test
  void withCopies_changeOneValue_andLeaveTheRest() {
    Incident inc = Incident.logged("INC-1", reported(), T0);
    Incident assigned = inc.withAssignment(Assignment.toTeam("network-ops", SupportLevel.L2))
        .withStatus(Status.ASSIGNED, null).withVersion(2, T0.plusSeconds(60));

    assertThat(assigned.team()).contains("network-ops");
    assertThat(assigned.status()).isEqualTo(Status.ASSIGNED);
    assertThat(assigned.ticket()).isEqualTo(inc.ticket());
    assertThat(assigned.classification()).isEqualTo(inc.classification());
    assertThat(assigned.withClassification(assigned.classification().withCategory("network", "vpn"))
        .category()).contains("network");
    assertThat(inc.team()).isEmpty();
    assertThatThrownBy(() -> inc.withCounts(-1, 0))
        .hasMessageContaining("reopenCount must be zero or more, but was -1");
  }
}
