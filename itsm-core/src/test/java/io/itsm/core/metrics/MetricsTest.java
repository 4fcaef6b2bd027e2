package io.itsm.core.metrics;

import static io.itsm.core.metrics.MetricsScenario.FROM;
import static io.itsm.core.metrics.MetricsScenario.TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.metrics.internal.IncidentFacts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every metric of {@link MetricsScenario}'s week against the value worked out by hand. */
class MetricsTest {

  private final MetricsScenario s = new MetricsScenario().build();
  private final MetricsQuery week =
      MetricsQuery.of(new Period(FROM, TO)).withSlaPolicy(MetricsScenario.FLAT);

  private static Duration min(long m) {
    return Duration.ofMinutes(m);
  }

  private static Duration h(long hours) {
    return Duration.ofHours(hours);
  }

  @Test
  void volumes_countWhatHappenedInThePeriod() {
    GroupMetrics t = Metrics.compute(s.repository, week).total();
    assertThat(t.count(Metric.OPENED)).isEqualTo(6);          // A B C D E F (not G, not H)
    assertThat(t.count(Metric.RESOLVED)).isEqualTo(3);        // A B C
    assertThat(t.count(Metric.CLOSED)).isEqualTo(3);          // A B D
    assertThat(t.count(Metric.CLOSED_WITHOUT_RESOLUTION)).isEqualTo(1); // D
    assertThat(t.count(Metric.CANCELLED)).isEqualTo(1);       // F
    assertThat(t.count(Metric.REOPENS)).isEqualTo(1);         // B
    assertThat(t.count(Metric.REASSIGNMENTS)).isEqualTo(1);   // C desk -> net
  }

  @Test
  void backlog_isWhatIsOpenAtTheEnd_withItsAge() {
    GroupMetrics t = Metrics.compute(s.repository, week).total();
    assertThat(t.count(Metric.BACKLOG)).isEqualTo(2);         // E (on hold) and G
    MetricValue.Durations age = t.durations(Metric.BACKLOG_AGE);
    // E: Wed 09:00 -> Mon 00:00 = 111 h; G: Fri 27 Feb 09:00 -> Mon 9 Mar 00:00 = 231 h
    assertThat(age).isEqualTo(new MetricValue.Durations(2, h(171), h(111), h(231), h(231), true));
  }

  @Test
  void rates_overTheIncidentsResolvedInThePeriod() {
    GroupMetrics t = Metrics.compute(s.repository, week).total();
    assertThat(t.rate(Metric.FIRST_CONTACT_RESOLUTION)).isEqualTo(new MetricValue.Rate(1, 3)); // A
    assertThat(t.rate(Metric.REOPEN_RATE)).isEqualTo(new MetricValue.Rate(1, 3));              // B
    assertThat(t.rate(Metric.FUNCTIONAL_ESCALATION_RATE)).isEqualTo(new MetricValue.Rate(1, 3)); // C
    assertThat(t.rate(Metric.HIERARCHICAL_ESCALATION_RATE)).isEqualTo(new MetricValue.Rate(1, 3));
    assertThat(t.mean(Metric.REASSIGNMENTS_PER_INCIDENT)).isEqualTo(new MetricValue.Mean(1, 3));
    assertThat(t.rate(Metric.FIRST_CONTACT_RESOLUTION).value().orElseThrow()).isCloseTo(1 / 3.0,
        org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void slaCompliance_countsMetAtTheResponseAndMissedAtTheBreach_cancelledNotAtAll() {
    GroupMetrics t = Metrics.compute(s.repository, week).total();
    // response: A 10 min, B 60 min (= target: met), E 1 h met; C missed (breach 11:00);
    // D and F cancelled; G breached on 27 Feb, before the period
    assertThat(t.rate(Metric.RESPONSE_SLA)).isEqualTo(new MetricValue.Rate(3, 4));
    // resolution: A, B (4 h business after the pause) met; C missed at 18:00; E missed Wed 17:00
    assertThat(t.rate(Metric.RESOLUTION_SLA)).isEqualTo(new MetricValue.Rate(2, 4));
  }

  @Test
  void times_meanMedianAndP90_byNearestRank() {
    GroupMetrics t = Metrics.compute(s.repository, week).total();
    // acknowledged: A, C, D, E, F by the agent who logged them (0), B 30 min after (first agent action)
    assertThat(t.durations(Metric.TIME_TO_ACKNOWLEDGE))
        .isEqualTo(new MetricValue.Durations(6, min(5), Duration.ZERO, min(30), min(30), true));
    // responded: A 10 min, B 60, C 180, E 60 -> mean 77.5 min
    assertThat(t.durations(Metric.TIME_TO_RESPOND)).isEqualTo(new MetricValue.Durations(4,
        Duration.ofSeconds(77 * 60 + 30), min(60), min(180), min(180), true));
    // resolved: A 10 min, B 7 h, C 10 h (wall)
    assertThat(t.durations(Metric.TIME_TO_RESOLVE)).isEqualTo(new MetricValue.Durations(3,
        Duration.ofSeconds((10 + 420 + 600) * 60 / 3), h(7), h(10), h(10), true));
    // business resolution clock: A 10 min, B 4 h (2 h on hold awaiting the user and 1 h resolved
    // excluded), C 10 h
    assertThat(t.durations(Metric.TIME_TO_RESOLVE_BUSINESS)).isEqualTo(new MetricValue.Durations(3,
        Duration.ofSeconds((10 + 240 + 600) * 60 / 3), h(4), h(10), h(10), true));
    // worked: A 10 min (the contact), B 3 h (10-11, 13-14, 15-16), C 7 h (13-20)
    assertThat(t.durations(Metric.HANDLING_TIME)).isEqualTo(new MetricValue.Durations(3,
        Duration.ofSeconds((10 + 180 + 420) * 60 / 3), h(3), h(7), h(7), true));
  }

  @Test
  void groupedByTeam_eachIncidentCountsInTheTeamItHasAtTheEnd() {
    MetricsReport r = Metrics.compute(s.repository, week.withBy(Dimension.TEAM));
    Map<String, GroupMetrics> byTeam = r.groups().stream()
        .collect(Collectors.toMap(g -> g.key().get(Dimension.TEAM), g -> g));
    assertThat(byTeam.keySet()).containsExactlyInAnyOrder("(none)", "desk", "net");
    assertThat(r.groups()).extracting(g -> g.key().get(Dimension.TEAM))
        .containsExactly("(none)", "desk", "net");
    assertThat(byTeam.get("net").count(Metric.OPENED)).isEqualTo(3);     // B C E
    assertThat(byTeam.get("net").count(Metric.RESOLVED)).isEqualTo(2);   // B C
    assertThat(byTeam.get("net").count(Metric.BACKLOG)).isEqualTo(1);    // E
    assertThat(byTeam.get("(none)").count(Metric.OPENED)).isEqualTo(2);  // A F
    assertThat(byTeam.get("(none)").rate(Metric.FIRST_CONTACT_RESOLUTION))
        .isEqualTo(new MetricValue.Rate(1, 1));
    assertThat(byTeam.get("desk").count(Metric.CLOSED_WITHOUT_RESOLUTION)).isEqualTo(1); // D
    assertThat(byTeam.get("desk").count(Metric.BACKLOG)).isEqualTo(1);   // G
    // the total is over all incidents, equal to the sum of the groups' counts
    assertThat(r.total().count(Metric.OPENED)).isEqualTo(6);
  }

  @Test
  void groupedByPriorityAndChannel_keysInOrder() {
    MetricsReport r = Metrics.compute(s.repository, week.withBy(Dimension.PRIORITY, Dimension.CHANNEL));
    assertThat(r.groups()).extracting(g -> g.key().values().stream().toList()).containsExactly(
        List.of("(none)", "PHONE"),  // F
        List.of("P1", "EMAIL"),      // C
        List.of("P2", "PORTAL"),     // B
        List.of("P3", "PHONE"),      // A D G
        List.of("P4", "CHAT"));      // E
    GroupMetrics p3 = r.groups().get(3);
    assertThat(p3.count(Metric.OPENED)).isEqualTo(2);
    assertThat(p3.count(Metric.BACKLOG)).isEqualTo(1);
  }

  @Test
  void groupedByDay_measurementsFallInTheBucketOfTheirOwnInstant_backlogAtEachDaysEnd() {
    MetricsReport r = Metrics.compute(s.repository, week.withBy(Dimension.DAY));
    Map<String, GroupMetrics> byDay = r.groups().stream()
        .collect(Collectors.toMap(g -> g.key().get(Dimension.DAY), g -> g));
    assertThat(byDay.keySet()).containsExactlyInAnyOrder("2026-03-02", "2026-03-03", "2026-03-04",
        "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08");
    assertThat(byDay.get("2026-03-02").count(Metric.OPENED)).isEqualTo(3);
    assertThat(byDay.get("2026-03-02").count(Metric.RESOLVED)).isEqualTo(3);
    assertThat(byDay.get("2026-03-02").count(Metric.BACKLOG)).isEqualTo(1);    // G
    assertThat(byDay.get("2026-03-03").count(Metric.CLOSED)).isEqualTo(1);     // D
    assertThat(byDay.get("2026-03-04").count(Metric.BACKLOG)).isEqualTo(2);    // E, G
    assertThat(byDay.get("2026-03-04").rate(Metric.RESOLUTION_SLA))
        .isEqualTo(new MetricValue.Rate(0, 1));                                  // E's breach
    assertThat(byDay.get("2026-03-08").count(Metric.BACKLOG)).isEqualTo(2);
    assertThat(byDay.get("2026-03-08").durations(Metric.BACKLOG_AGE).max()).isEqualTo(h(231));
    assertThat(r.total().count(Metric.BACKLOG)).isEqualTo(7 + 5);   // G at the end of 7 days, E of 5 (Wed-Sun)
  }

  @Test
  void costModel_costsTheTimeWorkedAtTheRateOfWhoHeldIt_andChargesDepartments() {
    CostModel rates = CostModel.of("EUR", new BigDecimal("60"))
        .withLevelRate(SupportLevel.L2, new BigDecimal("90"))
        .withTeamRate("net", new BigDecimal("100"));
    MetricsReport r = Metrics.compute(s.repository,
        week.withCostModel(rates).withBy(Dimension.DEPARTMENT));
    // A: 10 min at the default 60 = 10.00; B: 3 h at net's 100 = 300.00; C: 7 h at net's 100 = 700.00
    assertThat(r.total().money(Metric.COST))
        .isEqualTo(new MetricValue.Money(new BigDecimal("1010.00"), "EUR", 3));
    assertThat(r.total().money(Metric.COST_PER_TICKET).amount()).isEqualByComparingTo("336.67");
    Map<String, BigDecimal> byDept = r.groups().stream().collect(Collectors.toMap(
        g -> g.key().get(Dimension.DEPARTMENT), g -> g.money(Metric.COST).amount()));
    // B was logged by its caller herself: her department is a claim, not trusted -> (none)
    assertThat(byDept).containsEntry("sales", new BigDecimal("10.00"))
        .containsEntry("finance", new BigDecimal("700.00"))
        .containsEntry("(none)", new BigDecimal("300.00"));
  }

  @Test
  void withoutACostModel_costIsNotComputed_andAskingForItSaysWhy() {
    GroupMetrics t = Metrics.compute(s.repository, week).total();
    assertThat(t.value(Metric.COST)).isEmpty();
    assertThatThrownBy(() -> t.money(Metric.COST)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cost model");
  }

  @Test
  void aPeriodEndingEarlier_ignoresLaterEvents() {
    // up to Mon 15:00: B resolved at 14:00 and not yet reopened; C not resolved
    MetricsQuery q = week.withPeriod(new Period(FROM, Instant.parse("2026-03-02T15:00:00Z")));
    GroupMetrics t = Metrics.compute(s.repository, q).total();
    assertThat(t.count(Metric.RESOLVED)).isEqualTo(2);        // A and B
    assertThat(t.rate(Metric.REOPEN_RATE)).isEqualTo(new MetricValue.Rate(0, 2));
    assertThat(t.count(Metric.BACKLOG)).isEqualTo(2);         // C and G
    assertThat(t.durations(Metric.TIME_TO_RESOLVE).max()).isEqualTo(h(5)); // B 09:00 -> 14:00
  }

  @Test
  void parallelAndCollector_giveTheSameReportAsOneThread() {
    MetricsQuery q = week.withBy(Dimension.TEAM, Dimension.DAY);
    MetricsReport one = Metrics.compute(s.repository, q);
    MetricsReport four = Metrics.compute(s.repository, q, 4);
    MetricsReport collected;
    try (var h = s.repository.histories(Instant.MIN, Instant.MAX)) {
      collected = h.parallel().collect(Metrics.collector(q));
    }
    assertThat(four.groups()).isEqualTo(one.groups());
    assertThat(four.total()).isEqualTo(one.total());
    assertThat(collected.groups()).isEqualTo(one.groups());
    assertThat(collected.incidents()).isEqualTo(one.incidents());
  }

  @Test
  void theFold_agreesWithIncidentHistoryReplay_onEveryHistory() {
    try (var all = s.repository.histories(Instant.MIN, Instant.MAX)) {
      all.forEach(h -> {
        for (int n = 1; n <= h.size(); n++) {
          List<IncidentEvent> prefix = h.subList(0, n);
          Instant after = prefix.get(n - 1).at().plusNanos(1);
          IncidentFacts f = IncidentFacts.read(prefix, after, MetricsScenario.FLAT).orElseThrow();
          assertThat(f.status()).as("%s after %d events", f.id(), n)
              .isEqualTo(IncidentHistory.replay(prefix).status());
        }
      });
    }
  }

  @Test
  void aBrokenHistory_isReportedWithItsIncident() {
    List<IncidentEvent> h = s.repository.history(s.b);
    List<IncidentEvent> broken = List.of(h.get(0), h.get(2));
    assertThatThrownBy(() -> Metrics.compute(java.util.stream.Stream.of(broken), week))
        .isInstanceOf(ValidationException.class).hasMessageContaining(s.b);
  }

  @Test
  void query_refusesTwoTimeDimensions_andRepeats() {
    assertThatThrownBy(() -> week.withBy(Dimension.DAY, Dimension.MONTH))
        .isInstanceOf(ValidationException.class).hasMessageContaining("one time dimension");
    assertThatThrownBy(() -> week.withBy(Dimension.TEAM, Dimension.TEAM))
        .isInstanceOf(ValidationException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> Dimension.parse("teem"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("allowed: category");
  }

  @Test
  void businessClocks_countOnlyWorkingHours_ofTheTargetsCalendar() {
    // default policy: P3 on office hours Mon-Fri 08:00-17:00 UTC
    io.itsm.core.MutableClock clock = io.itsm.core.MutableClock.at(Instant.parse("2026-03-02T15:00:00Z"));
    io.itsm.core.repository.InMemoryIncidentRepository repo = new io.itsm.core.repository.InMemoryIncidentRepository();
    io.itsm.core.ServiceDesk desk = io.itsm.core.ServiceDesk.builder().clock(clock).repository(repo).build();
    String id = desk.log(MetricsScenario.AGENT, io.itsm.core.incident.Ticket.builder().title("slow").build()).id();
    desk.prioritize(MetricsScenario.AGENT, id, io.itsm.core.incident.Impact.MEDIUM,
        io.itsm.core.incident.Urgency.MEDIUM, io.itsm.core.incident.Priority.P3);
    desk.assign(MetricsScenario.AGENT, id, MetricsScenario.NET);
    clock.set(Instant.parse("2026-03-02T16:00:00Z"));
    desk.startWork(MetricsScenario.SPECIALIST, id);
    clock.set(Instant.parse("2026-03-03T10:00:00Z"));
    desk.proposeResolution(MetricsScenario.SPECIALIST, id, "SOLVED_FIXED", "tuned");
    GroupMetrics t = Metrics.compute(repo, MetricsQuery.of(new Period(FROM, TO))).total();
    // worked 16:00 -> 10:00 next day: 16-17 and 08-10 = 3 business hours
    assertThat(t.durations(Metric.HANDLING_TIME).mean()).isEqualTo(h(3));
    assertThat(t.durations(Metric.TIME_TO_RESOLVE).mean()).isEqualTo(h(19));
    // resolution clock 15:00 -> 10:00 next day: 2 + 2 business hours
    assertThat(t.durations(Metric.TIME_TO_RESOLVE_BUSINESS).mean()).isEqualTo(h(4));
    // the response (work started at 16:00) after 1 business hour: met (P3: 2 h)
    assertThat(t.durations(Metric.TIME_TO_RESPOND).mean()).isEqualTo(h(1));
    assertThat(t.rate(Metric.RESPONSE_SLA)).isEqualTo(new MetricValue.Rate(1, 1));
  }

  @Test
  void reassignments_countMovesAwayFromAHolder_notThePickUpOfATeamsTicket() {
    io.itsm.core.MutableClock clock = io.itsm.core.MutableClock.at(FROM.plusSeconds(3600));
    io.itsm.core.repository.InMemoryIncidentRepository repo =
        new io.itsm.core.repository.InMemoryIncidentRepository();
    io.itsm.core.ServiceDesk desk = io.itsm.core.ServiceDesk.builder().clock(clock)
        .repository(repo).slaPolicy(MetricsScenario.FLAT).build();
    String id = desk.log(MetricsScenario.AGENT, MetricsScenario.ticket("VPN", io.itsm.core.incident
        .Caller.of("u1"), io.itsm.core.incident.Channel.PHONE)).id();
    desk.assign(MetricsScenario.AGENT, id, MetricsScenario.NET);                   // first: 0
    clock.advance(Duration.ofMinutes(10));
    desk.assign(MetricsScenario.AGENT, id, io.itsm.core.incident.Assignment.toPerson("net", "s1",
        SupportLevel.L2));                                                         // pick-up: 0
    clock.advance(Duration.ofMinutes(10));
    desk.assign(MetricsScenario.AGENT, id, io.itsm.core.incident.Assignment.toPerson("net", "s2",
        SupportLevel.L2));                                                         // s1 -> s2: 1
    clock.advance(Duration.ofMinutes(10));
    desk.assign(MetricsScenario.AGENT, id, MetricsScenario.DESK);                  // net -> desk: 2
    assertThat(Metrics.compute(repo, week).total().count(Metric.REASSIGNMENTS)).isEqualTo(2);
  }
}
