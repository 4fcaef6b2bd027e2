package io.itsm.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.repository.InMemoryIncidentRepository;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Erlang C against the textbook formula, and staffing from a week of arrivals. */
class StaffingTest {

  /** Erlang C straight from its definition with factorials, as a second implementation. */
  private static double erlangCByDefinition(int n, double a) {
    double sum = 0;
    double term = 1;
    for (int k = 0; k < n; k++) {
      sum += term;
      term = term * a / (k + 1);
    }
    double top = term * n / (n - a); // term is now a^n / n!
    return top / (sum + top);
  }

  @Test
  void probabilityOfWaiting_matchesTheDefinition() {
    for (int n = 6; n <= 12; n++) {
      assertThat(ErlangC.probabilityOfWaiting(n, 5.0)).isCloseTo(erlangCByDefinition(n, 5.0), within(1e-12));
    }
    assertThat(ErlangC.probabilityOfWaiting(5, 5.0)).isEqualTo(1.0);
    assertThat(ErlangC.probabilityOfWaiting(3, 0)).isZero();
  }

  @Test
  void agentsNeeded_textbookCase_100CallsAnHour_3Minutes_80PercentIn20Seconds_is8() {
    // A = 5 Erlangs; 7 agents answer 74 % in 20 s, 8 answer 88 %
    Duration aht = Duration.ofMinutes(3);
    Duration t = Duration.ofSeconds(20);
    assertThat(ErlangC.serviceLevel(7, 100, aht, t)).isCloseTo(0.7404, within(1e-3));
    assertThat(ErlangC.serviceLevel(8, 100, aht, t)).isCloseTo(0.8801, within(1e-3));
    assertThat(ErlangC.agentsNeeded(100, aht, t, 0.8)).isEqualTo(8);
    assertThat(ErlangC.agentsNeeded(0, aht, t, 0.8)).isZero();
  }

  @Test
  void erlangC_refusesNonsense() {
    assertThatThrownBy(() -> ErlangC.agentsNeeded(10, Duration.ZERO, Duration.ofSeconds(20), 0.8))
        .isInstanceOf(ValidationException.class).hasMessageContaining("handling time must be positive");
    assertThatThrownBy(() -> ErlangC.agentsNeeded(10, Duration.ofMinutes(3), Duration.ofSeconds(20), 1.0))
        .isInstanceOf(ValidationException.class).hasMessageContaining("below 1");
  }

  @Test
  void plan_fromAWeekOfArrivals_perQueueAndHour_againstTheOfficeCalendar() {
    MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    InMemoryIncidentRepository repo = new InMemoryIncidentRepository();
    ServiceDesk desk = ServiceDesk.builder().clock(clock).repository(repo).build();
    Actor agent = Actor.of("a1", Role.AGENT, "desk");
    Caller en = Caller.of("u1").withLanguage("en");
    // Monday 09:00-09:59: four phone calls in English; Saturday 10:00: one e-mail in German
    for (int i = 0; i < 4; i++) {
      clock.set(Instant.parse("2026-03-02T09:00:00Z").plus(Duration.ofMinutes(10L * i)));
      desk.log(agent, Ticket.builder().title("call " + i).caller(en).channel(Channel.PHONE).build());
    }
    clock.set(Instant.parse("2026-03-07T10:00:00Z"));
    desk.log(agent, Ticket.builder().title("mail").caller(Caller.of("u2").withLanguage("de"))
        .channel(Channel.EMAIL).build());
    Period week = new Period(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-09T00:00:00Z"));
    StaffingPlan plan = Staffing.plan(repo,
        StaffingQuery.of(week, Duration.ofMinutes(30)).withHandlingTime(Duration.ofMinutes(30)));

    assertThat(plan.rows()).hasSize(2 * 168);
    StaffingPlan.Row mon9 = plan.rows().stream().filter(r -> r.language().equals("en")
        && r.day() == DayOfWeek.MONDAY && r.hour() == 9).findFirst().orElseThrow();
    // 4 an hour × 0.5 h = 2 Erlangs; 3 agents answer 83.6 % within 30 min (2 would never keep up)
    assertThat(mon9.arrivalsPerHour()).isEqualTo(4.0);
    assertThat(mon9.agents()).isEqualTo(3);
    assertThat(mon9.serviceLevel()).isCloseTo(0.8365, within(1e-3));
    assertThat(mon9.coverage()).isEqualTo(1.0);                   // 08:00-17:00 office hours
    assertThat(plan.uncovered()).singleElement().satisfies(r -> {
      assertThat(r.language()).isEqualTo("de");
      assertThat(r.channel()).isEqualTo("EMAIL");
      assertThat(r.day()).isEqualTo(DayOfWeek.SATURDAY);
      // one an hour × 0.5 h: one agent answers only 70 % within 30 min, two do 94 %
      assertThat(r.agents()).isEqualTo(2);
      assertThat(r.coverage()).isZero();
    });
  }

  @Test
  void plan_withoutAnyResolvedIncident_asksForAHandlingTime() {
    MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    InMemoryIncidentRepository repo = new InMemoryIncidentRepository();
    ServiceDesk desk = ServiceDesk.builder().clock(clock).repository(repo).build();
    desk.log(Actor.of("a1", Role.AGENT, "desk"), Ticket.builder().title("x").build());
    Period week = new Period(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-09T00:00:00Z"));
    assertThatThrownBy(() -> Staffing.plan(repo, StaffingQuery.of(week, Duration.ofMinutes(30))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("--handling-time");
  }
}
