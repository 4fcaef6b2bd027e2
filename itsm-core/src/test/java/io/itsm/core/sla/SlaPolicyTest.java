package io.itsm.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import io.itsm.core.event.SlaKind;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

  private static final SlaTargets GOLD = named("gold");
  private static final SlaTargets EMAIL = named("email");
  private static final SlaTargets SECURITY = named("security");

  private static SlaTargets named(String name) {
    return SlaTargets.defaults().toBuilder(name).build();
  }

  private static Incident incident(String department, String service, String category) {
    Caller caller = Caller.of("u-anna");
    if (department != null) {
      caller = caller.withDepartment(department);
    }
    Instant t0 = Instant.parse("2026-11-23T09:00:00Z");
    Incident logged = Incident.logged("INC-1", io.itsm.core.incident.Ticket.builder().title("x")
        .caller(caller).service(service).openedAt(t0).build(), t0);
    return logged.withClassification(logged.classification().withCategory(category, null));
  }

  @Test
  void defaults_matchTheDocumentedTargets() {
    SlaTargets d = SlaPolicy.defaults().defaultTargets();
    BusinessCalendar always = BusinessCalendar.alwaysOpen();
    BusinessCalendar office = SlaPolicy.DEFAULT_BUSINESS_CALENDAR;
    assertThat(d.target(SlaKind.RESPONSE, Priority.P1)).isEqualTo(SlaTarget.of(Duration.ofMinutes(15), always));
    assertThat(d.target(SlaKind.RESOLUTION, Priority.P1)).isEqualTo(SlaTarget.of(Duration.ofHours(4), always));
    assertThat(d.target(SlaKind.RESPONSE, Priority.P2)).isEqualTo(SlaTarget.of(Duration.ofMinutes(30), always));
    assertThat(d.target(SlaKind.RESOLUTION, Priority.P2)).isEqualTo(SlaTarget.of(Duration.ofHours(8), always));
    assertThat(d.target(SlaKind.RESPONSE, Priority.P3)).isEqualTo(SlaTarget.of(Duration.ofHours(2), office));
    assertThat(d.target(SlaKind.RESOLUTION, Priority.P3)).isEqualTo(SlaTarget.of(Duration.ofHours(24), office));
    assertThat(d.target(SlaKind.RESPONSE, Priority.P4)).isEqualTo(SlaTarget.of(Duration.ofHours(4), office));
    assertThat(d.target(SlaKind.RESOLUTION, Priority.P4)).isEqualTo(SlaTarget.of(Duration.ofHours(72), office));
    assertThat(d.target(SlaKind.RESPONSE, Priority.P5)).isEqualTo(SlaTarget.of(Duration.ofHours(9), office));
    assertThat(d.target(SlaKind.RESOLUTION, Priority.P5)).isEqualTo(SlaTarget.of(Duration.ofHours(45), office));
    assertThat(office.businessTimeBetween(Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-24T00:00:00Z")))
        .isEqualTo(SlaPolicy.BUSINESS_DAY);
    assertThat(SlaPolicy.defaults().pauseReasons()).containsExactly(OnHoldReason.AWAITING_USER);
    assertThat(SlaPolicy.defaults().defaultPriority()).isEqualTo(Priority.P3);
  }

  @Test
  void selection_mostSpecificFirst_selectorCustomerServiceCategoryDefault() {
    SlaPolicy p = SlaPolicy.builder().forCustomer("finance", GOLD).forService("email", EMAIL)
        .forCategory("security", SECURITY).build();
    assertThat(p.targetsFor(incident("finance", "email", "security"))).isEqualTo(GOLD);
    assertThat(p.targetsFor(incident("hr", "email", "security"))).isEqualTo(EMAIL);
    assertThat(p.targetsFor(incident(null, "erp", "security"))).isEqualTo(SECURITY);
    assertThat(p.targetsFor(incident(null, null, null))).isEqualTo(SlaTargets.defaults());

    SlaTargets vip = named("vip");
    SlaPolicy withSelector = SlaPolicy.builder().forCustomer("finance", GOLD)
        .selector(inc -> inc.category().filter("security"::equals).map(c -> vip)).build();
    assertThat(withSelector.targetsFor(incident("finance", null, "security"))).isEqualTo(vip);
    assertThat(withSelector.targetsFor(incident("finance", null, "network"))).as("empty answer falls through")
        .isEqualTo(GOLD);
  }

  @Test
  void targetsNotPositive_areRejectedNamingPriorityAndKind() {
    assertThatThrownBy(() -> SlaTargets.defaults().toBuilder("bad")
            .response(Priority.P2, Duration.ZERO, BusinessCalendar.alwaysOpen())
            .resolution(Priority.P4, Duration.ofHours(-1), BusinessCalendar.alwaysOpen())
            .build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getProblems()).containsExactly(
            "P2 response target of 'bad' must be positive, but was PT0S",
            "P4 resolution target of 'bad' must be positive, but was PT-1H"));
  }

  @Test
  void missingTargets_areListed() {
    assertThatThrownBy(() -> SlaTargets.builder("partial")
            .response(Priority.P1, Duration.ofMinutes(15), BusinessCalendar.alwaysOpen())
            .resolution(Priority.P1, Duration.ofHours(4), BusinessCalendar.alwaysOpen())
            .build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getProblems())
            .hasSize(8)
            .contains("P2 response target of 'partial' is missing", "P5 resolution target of 'partial' is missing"));
    assertThatThrownBy(() -> SlaPolicy.builder().forService(" ", GOLD)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> SlaTarget.of(Duration.ZERO, BusinessCalendar.alwaysOpen()))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void pauseOn_nothing_neverPauses() {
    SlaPolicy p = SlaPolicy.builder().pauseOn().build();
    assertThat(p.pauses(OnHoldReason.AWAITING_USER)).isFalse();
    assertThat(p.targetFor(incident(null, null, null), SlaKind.RESPONSE).duration()).isEqualTo(Duration.ofHours(2));
    assertThat(Optional.of(p.toString())).hasValueSatisfying(s -> assertThat(s).contains("standard"));
  }
}
