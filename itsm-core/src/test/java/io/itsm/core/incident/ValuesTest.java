package io.itsm.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void ticket_onlyTitleRequired_defaultsDocumented() {
    Ticket t = Ticket.builder().title("Printer jam").build();
    assertThat(t.type()).isEqualTo(IncidentType.INCIDENT);
    assertThat(t.description()).isEmpty();
    assertThat(t.affectedUsers()).isEqualTo(1);
    assertThat(t.caller()).isEmpty();
    assertThat(t.openedAt()).isEmpty();
    assertThat(t.errorCodes()).isEmpty();
  }

  @Test
  void ticket_listsEveryProblemAtOnce() {
    assertThatThrownBy(() -> Ticket.builder().title(" ").affectedUsers(-2)
            .errorCodes(Arrays.asList("0x80070005", " ")).build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getProblems())
            .containsExactly("title must not be blank, but was ' '",
                "affectedUsers must be zero or more, but was -2",
                "errorCodes[1] must not be blank, but was ' '"));
    assertThatThrownBy(() -> Ticket.builder().build())
        .hasMessage("title must not be blank, but was missing");
  }

  @Test
  void ticket_toBuilder_roundTrips() {
    Ticket t = Ticket.builder().id("EXT-1").title("VPN").caller(Caller.of("u1").withVip(true))
        .impact(Impact.HIGH).openedAt(Instant.parse("2026-01-01T00:00:00Z")).tags(java.util.Set.of("a"))
        .attribute("site", "HQ").build();
    assertThat(t.toBuilder().build()).isEqualTo(t);
  }

  @Test
  void caller_blankId_isRejected_blankOptionalsBecomeEmpty() {
    assertThatThrownBy(() -> Caller.of(" ")).hasMessage("caller.id must not be blank, but was ' '");
    assertThat(Caller.of("u1").withName(" ").name()).isEmpty();
  }

  @Test
  void priority_raised_neverAboveP1() {
    assertThat(Priority.P3.raised()).isEqualTo(Priority.P2);
    assertThat(Priority.P1.raised()).isEqualTo(Priority.P1);
    assertThat(Priority.P1.isHigherThan(Priority.P2)).isTrue();
    assertThat(Priority.P5.label()).isEqualTo("Informational");
  }

  @Test
  void status_openAndFinal() {
    assertThat(Status.CLOSED.isFinal()).isTrue();
    assertThat(Status.RESOLVED.isOpen()).isFalse();
    assertThat(Status.RESOLVED.isFinal()).isFalse();
    assertThat(Status.ON_HOLD.isOpen()).isTrue();
  }

  @Test
  void catalogue_defaultsHaveTheTenSeedCategories() {
    assertThat(Catalogue.defaults().categories()).extracting(Category::code).containsExactly(
        "hardware", "software", "network", "security", "user-support", "service-request",
        "data-recovery", "performance", "consulting", "other");
  }

  @Test
  void catalogue_unknownCategory_listsKnownOnes_andCanBeExtended() {
    assertThatThrownBy(() -> Catalogue.defaults().check("facilities", Optional.empty(), "actor x"))
        .hasMessageStartingWith("category 'facilities' (set by actor x) is not in the catalogue; known categories: [hardware,");
    Catalogue extended = Catalogue.defaults().with(Category.of("facilities", "Facilities", List.of("doors")));
    extended.check("facilities", Optional.of("doors"), "actor x");
    assertThatThrownBy(() -> Category.of("Facilities", "F", List.of()))
        .hasMessageContaining("category code must be lower-case letters, digits and hyphens");
    assertThatThrownBy(() -> Catalogue.of(List.of(Category.of("a", "A", List.of()), Category.of("a", "B", List.of()))))
        .hasMessageContaining("'a' appears twice");
  }

  @Test
  void resolution_andAssignment_validate() {
    assertThatThrownBy(() -> new Resolution("X", " ", "u", Instant.EPOCH))
        .hasMessageContaining("resolution steps must not be blank");
    assertThatThrownBy(() -> Assignment.toTeam("", SupportLevel.L1))
        .hasMessage("assignment team must not be blank, but was ''");
  }
}
