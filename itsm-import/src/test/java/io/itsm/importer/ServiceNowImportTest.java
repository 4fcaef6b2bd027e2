package io.itsm.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import io.itsm.core.event.CloseReason;
import io.itsm.core.event.Closed;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.event.PutOnHold;
import io.itsm.core.event.Reopened;
import io.itsm.core.event.Resolved;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Status;
import io.itsm.core.metrics.Dimension;
import io.itsm.core.metrics.GroupMetrics;
import io.itsm.core.metrics.Metric;
import io.itsm.core.metrics.MetricValue;
import io.itsm.core.metrics.Metrics;
import io.itsm.core.metrics.MetricsQuery;
import io.itsm.core.metrics.Period;
import io.itsm.core.repository.InMemoryIncidentRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ServiceNow audit export written by hand — every state, hold reasons, a reopen after resolving
 * and one after closing, first-contact resolution, close without resolution, missing values, a
 * bad date, an unknown state, moves the lifecycle refuses, rows out of place — imported by
 * replay, and every metric checked against the value worked out by hand.
 */
class ServiceNowImportTest {

  @TempDir Path dir;

  private final InMemoryIncidentRepository repo = new InMemoryIncidentRepository();

  /**
   * <pre>
   * INC1 Wed 2 Mar 2016: opened 08:55, New 09:00 (P3, Phone), Active 09:10 at Group 5/Resolver 7,
   *      awaiting user 10:00-11:00, Resolved 12:00 (code 5), Closed 7 Mar
   * INC2 Thu 3 Mar: New 09:00 at Group 5/Resolver 7 (P2, Email), Active 09:30, awaiting vendor
   *      10:00, moved to Group 9 and Active 12:00, Resolved 13:00, reopened 14:00, Resolved
   *      15:00, Closed 8 Mar
   * INC3 Fri 4 Mar: opened 09:58, first seen Resolved 10:00 (unassigned: first contact), Closed 9 Mar
   * INC4 Sat 5 Mar: New 09:00 at Group 5, a bad date, an unknown state (-100), awaiting problem
   *      11:00, awaiting evidence 12:00, Closed 13:00 without a resolution
   * INC5 Sun 6 Mar: New 09:00 with nothing known, Active 09:10 without a group (refused), Active
   *      09:20 at Group 5, Resolved 10:00, awaiting user 11:00 (refused: resolved)
   * INC6 Mon 7 Mar: Active 09:00 at Group 9, a row without a change 09:30, Resolved 10:00,
   *      Closed 11:00, Active again 8 Mar 09:00 (reopened), Resolved 10:00
   * and a last row of INC1 out of place
   * </pre>
   */
  private Path export() throws IOException {
    return new Exports()
        .row("INC1", "New", 0, "2/3/2016 09:00", "opened_at", "2/3/2016 08:55", "opened_by", "Opened by 4",
            "caller_id", "Caller 1", "contact_type", "Phone", "category", "Category 1",
            "subcategory", "Subcategory 10", "impact", "2 - Medium", "urgency", "2 - Medium",
            "priority", "3 - Moderate", "notify", "Do Not Notify")
        .row("INC1", "Active", 1, "2/3/2016 09:10", "category", "Category 1", "subcategory", "Subcategory 10",
            "priority", "3 - Moderate", "assignment_group", "Group 5", "assigned_to", "Resolver 7")
        .row("INC1", "Awaiting User Info", 2, "2/3/2016 10:00", "category", "Category 1", "subcategory",
            "Subcategory 10", "priority", "3 - Moderate", "assignment_group", "Group 5", "assigned_to", "Resolver 7")
        .row("INC1", "Active", 3, "2/3/2016 11:00", "category", "Category 1", "subcategory", "Subcategory 10",
            "priority", "3 - Moderate", "assignment_group", "Group 5", "assigned_to", "Resolver 7")
        .row("INC1", "Resolved", 4, "2/3/2016 12:00", "category", "Category 1", "subcategory", "Subcategory 10",
            "priority", "3 - Moderate", "assignment_group", "Group 5", "assigned_to", "Resolver 7",
            "closed_code", "code 5", "resolved_by", "Resolved by 3", "resolved_at", "2/3/2016 12:00")
        .row("INC1", "Closed", 5, "7/3/2016 12:00", "category", "Category 1", "subcategory", "Subcategory 10",
            "priority", "3 - Moderate", "assignment_group", "Group 5", "assigned_to", "Resolver 7",
            "closed_code", "code 5", "resolved_at", "2/3/2016 12:00", "reopen_count", "0",
            "reassignment_count", "0", "made_sla", "true")
        .row("INC2", "New", 0, "3/3/2016 09:00", "opened_at", "3/3/2016 09:00", "contact_type", "Email",
            "caller_id", "Caller 2", "impact", "1 - High", "urgency", "2 - Medium", "priority", "2 - High",
            "assignment_group", "Group 5", "assigned_to", "Resolver 7")
        .row("INC2", "Active", 1, "3/3/2016 09:30", "priority", "2 - High", "assignment_group", "Group 5",
            "assigned_to", "Resolver 7")
        .row("INC2", "Awaiting Vendor", 2, "3/3/2016 10:00", "priority", "2 - High", "assignment_group",
            "Group 5", "assigned_to", "Resolver 7")
        .row("INC2", "Active", 3, "3/3/2016 12:00", "priority", "2 - High", "assignment_group", "Group 9")
        .row("INC2", "Resolved", 4, "3/3/2016 13:00", "priority", "2 - High", "assignment_group", "Group 9",
            "closed_code", "code 6")
        .row("INC2", "Active", 5, "3/3/2016 14:00", "priority", "2 - High", "assignment_group", "Group 9")
        .row("INC2", "Resolved", 6, "3/3/2016 15:00", "priority", "2 - High", "assignment_group", "Group 9",
            "closed_code", "code 6")
        .row("INC2", "Closed", 7, "8/3/2016 15:00", "priority", "2 - High", "assignment_group", "Group 9",
            "closed_code", "code 6", "resolved_at", "3/3/2016 15:00", "reopen_count", "1",
            "reassignment_count", "1", "made_sla", "false")
        .row("INC3", "Resolved", 0, "4/3/2016 10:00", "opened_at", "4/3/2016 09:58", "contact_type",
            "Self service", "priority", "4 - Low", "closed_code", "code 1", "resolved_by", "Resolved by 1")
        .row("INC3", "Closed", 1, "9/3/2016 10:00", "priority", "4 - Low", "closed_code", "code 1",
            "resolved_at", "4/3/2016 10:00", "reopen_count", "0", "reassignment_count", "0", "made_sla", "true")
        .row("INC4", "New", 0, "5/3/2016 09:00", "contact_type", "IVR", "assignment_group", "Group 5")
        .row("INC4", "Active", 1, "5/3/2016 25:99", "assignment_group", "Group 5")
        .row("INC4", "-100", 2, "5/3/2016 10:00", "assignment_group", "Group 5")
        .row("INC4", "Awaiting Problem", 3, "5/3/2016 11:00", "assignment_group", "Group 5")
        .row("INC4", "Awaiting Evidence", 4, "5/3/2016 12:00", "assignment_group", "Group 5")
        .row("INC4", "Closed", 5, "5/3/2016 13:00", "assignment_group", "Group 5", "reopen_count", "0",
            "reassignment_count", "0", "made_sla", "false")
        .row("INC5", "New", 0, "6/3/2016 09:00", "contact_type", "Direct opening")
        .row("INC5", "Active", 1, "6/3/2016 09:10")
        .row("INC5", "Active", 2, "6/3/2016 09:20", "assignment_group", "Group 5")
        .row("INC5", "Resolved", 3, "6/3/2016 10:00", "assignment_group", "Group 5")
        .row("INC5", "Awaiting User Info", 4, "6/3/2016 11:00", "assignment_group", "Group 5",
            "resolved_at", "6/3/2016 10:00", "reopen_count", "0", "reassignment_count", "0", "made_sla", "true")
        .row("INC6", "Active", 0, "7/3/2016 09:00", "contact_type", "Phone", "assignment_group", "Group 9")
        .row("INC6", "Active", 1, "7/3/2016 09:30", "assignment_group", "Group 9", "notify", "Send Email")
        .row("INC6", "Resolved", 2, "7/3/2016 10:00", "assignment_group", "Group 9")
        .row("INC6", "Closed", 3, "7/3/2016 11:00", "assignment_group", "Group 9")
        .row("INC6", "Active", 4, "8/3/2016 09:00", "assignment_group", "Group 9")
        .row("INC6", "Resolved", 5, "8/3/2016 10:00", "assignment_group", "Group 9",
            "resolved_at", "7/3/2016 10:00", "reopen_count", "1", "reassignment_count", "0", "made_sla", "true")
        .row("INC1", "Closed", 6, "9/3/2016 12:00")
        .write(dir, "events.csv");
  }

  private ImportSummary runImport() throws IOException {
    return HistoryImport.builder(ColumnMapping.serviceNow()).repository(repo).sourceName("servicenow")
        .build().run(export());
  }

  private static Instant t(String iso) {
    return Instant.parse(iso);
  }

  @Test
  void summary_countsIncidentsEventsAndRejectedRowsByReason_withLines() throws IOException {
    ImportSummary s = runImport();
    assertThat(s.rows()).isEqualTo(34);
    assertThat(s.incidents()).isEqualTo(6);
    long stored = 0;
    for (String id : List.of("INC1", "INC2", "INC3", "INC4", "INC5", "INC6")) {
      stored += repo.history(id).size();
    }
    assertThat(s.events()).isEqualTo(stored).isPositive();
    assertThat(s.rejected()).isEqualTo(5);
    assertThat(s.rejectedByReason()).containsOnly(
        Map.entry("bad date in updated_at", 1L),
        Map.entry("unknown state '-100'", 1L),
        Map.entry("Active without an assignment group", 1L),
        Map.entry("lifecycle refuses PUT_ON_HOLD from RESOLVED", 1L),
        Map.entry("rows of an incident not contiguous", 1L));
    assertThat(s.rejections()).extracting(ImportSummary.RejectedRow::line)
        .containsExactly(19L, 20L, 25L, 28L, 35L);
    assertThat(s.rejections().get(0).message())
        .contains("line 19", "sys_updated_at '5/3/2016 25:99'", "d/M/yyyy H:mm");
    assertThat(s.rejections().get(1).message()).contains("unknown incident_state '-100'", "state.-100");
    assertThat(s.rowsWithoutChange()).isGreaterThanOrEqualTo(1);   // INC6 at 09:30: notify only
    assertThat(s.describe()).contains("6 incidents", "rows rejected: 5",
        "lifecycle refuses PUT_ON_HOLD from RESOLVED", "reopen_count");
  }

  @Test
  void everyHistory_isLegal_andReplaysToTheStoredState() throws IOException {
    runImport();
    for (String id : List.of("INC1", "INC2", "INC3", "INC4", "INC5", "INC6")) {
      Incident stored = repo.find(id).orElseThrow();
      assertThat(IncidentHistory.replay(repo.history(id))).isEqualTo(stored);
      assertThat(stored.externalId()).contains(id);
    }
    assertThat(repo.find("INC1").orElseThrow().status()).isEqualTo(Status.CLOSED);
    assertThat(repo.find("INC5").orElseThrow().status()).isEqualTo(Status.RESOLVED);
    assertThat(repo.find("INC6").orElseThrow().status()).isEqualTo(Status.RESOLVED);
    assertThat(repo.find("INC1").orElseThrow().ticket().channel()).contains(Channel.PHONE);
    assertThat(repo.find("INC3").orElseThrow().ticket().channel()).contains(Channel.PORTAL);
    assertThat(repo.find("INC5").orElseThrow().ticket().channel()).contains(Channel.WALK_IN);
    assertThat(repo.find("INC2").orElseThrow().priority()).contains(Priority.P2);
    assertThat(repo.find("INC1").orElseThrow().category()).contains("category-1");
    assertThat(repo.find("INC1").orElseThrow().openedAt()).isEqualTo(t("2016-03-02T08:55:00Z"));
  }

  @Test
  void holdReasons_reopens_firstContact_andCloseWithoutResolution_areRecordedAsSuch() throws IOException {
    runImport();
    assertThat(repo.history("INC4")).filteredOn(PutOnHold.class::isInstance).map(e -> ((PutOnHold) e).reason())
        .containsExactly(OnHoldReason.AWAITING_PROBLEM, OnHoldReason.AWAITING_EVIDENCE);
    assertThat(repo.history("INC4")).filteredOn(Closed.class::isInstance)
        .singleElement().satisfies(e -> assertThat(((Closed) e).closeReason()).isEqualTo(CloseReason.WITHOUT_RESOLUTION));
    assertThat(repo.history("INC2")).filteredOn(Reopened.class::isInstance).hasSize(1);
    assertThat(repo.history("INC6")).filteredOn(Reopened.class::isInstance)
        .singleElement().satisfies(e -> assertThat(((Reopened) e).fromClosed()).isTrue());
    assertThat(repo.history("INC3")).filteredOn(Resolved.class::isInstance)
        .singleElement().satisfies(e -> assertThat(((Resolved) e).resolution().firstContact()).isTrue());
    assertThat(repo.history("INC1")).filteredOn(Resolved.class::isInstance)
        .singleElement().satisfies(e -> {
          assertThat(((Resolved) e).resolution().code()).isEqualTo("CODE_5");
          assertThat(((Resolved) e).actor()).isEqualTo("Resolved by 3");
          assertThat(e.at()).isEqualTo(t("2016-03-02T12:00:00Z"));
        });
  }

  @Test
  void comparison_withTheExportsOwnFields() throws IOException {
    ImportSummary s = runImport();
    assertThat(s.reopenCount()).isEqualTo(new ImportSummary.Agreement(6, 0, 0));
    assertThat(s.reassignmentCount()).isEqualTo(new ImportSummary.Agreement(6, 0, 0));
    // INC2: resolved in 5 h of its 8 h P2 target (a vendor hold does not pause), the export says
    // not made; INC4 closed without a resolution has no outcome
    assertThat(s.madeSla()).isEqualTo(new ImportSummary.Agreement(4, 1, 1));
    // INC6: the export keeps its first resolution (7 Mar), the import its last (8 Mar); INC4 none
    assertThat(s.resolvedAt()).isEqualTo(new ImportSummary.Agreement(4, 1, 1));
  }

  @Test
  void metrics_ofTheImport_matchTheHandComputedValues() throws IOException {
    runImport();
    Period march = new Period(t("2016-03-01T00:00:00Z"), t("2016-04-01T00:00:00Z"));
    GroupMetrics m = Metrics.compute(repo, MetricsQuery.of(march)).total();
    assertThat(m.count(Metric.OPENED)).isEqualTo(6);
    assertThat(m.count(Metric.RESOLVED)).isEqualTo(5);          // 1 2 3 5 6
    assertThat(m.count(Metric.CLOSED)).isEqualTo(4);            // 1 2 3 4
    assertThat(m.count(Metric.CLOSED_WITHOUT_RESOLUTION)).isEqualTo(1);
    assertThat(m.count(Metric.REOPENS)).isEqualTo(2);
    assertThat(m.count(Metric.BACKLOG)).isZero();
    assertThat(m.count(Metric.REASSIGNMENTS)).isEqualTo(1);     // INC2 Group 5 -> Group 9
    assertThat(m.rate(Metric.FIRST_CONTACT_RESOLUTION)).isEqualTo(new MetricValue.Rate(1, 5));
    assertThat(m.rate(Metric.REOPEN_RATE)).isEqualTo(new MetricValue.Rate(2, 5));
    // wall time to resolve: 2 min, 1 h, 3 h 05, 6 h, 25 h
    assertThat(m.durations(Metric.TIME_TO_RESOLVE)).isEqualTo(new MetricValue.Durations(5,
        Duration.ofSeconds((2 + 60 + 185 + 360 + 1500) * 60 / 5), Duration.ofMinutes(185),
        Duration.ofHours(25), Duration.ofHours(25), true));
    // every incident logged by an agent for its caller: acknowledged when logged
    assertThat(m.durations(Metric.TIME_TO_ACKNOWLEDGE)).isEqualTo(new MetricValue.Durations(6,
        Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, true));
    // default targets; INC4 closed without a resolution has no outcome; Sunday (INC5) is no
    // business time on the office calendar
    assertThat(m.rate(Metric.RESPONSE_SLA)).isEqualTo(new MetricValue.Rate(5, 5));
    assertThat(m.rate(Metric.RESOLUTION_SLA)).isEqualTo(new MetricValue.Rate(5, 5));
    // worked: INC1 09:10-10:00 and 11:00-12:00 = 110 min; INC2 30 + 60 + 60 = 150 min (24x7);
    // INC3 the 2-minute contact; INC5 on a Sunday = 0; INC6 60 + 60 = 120 min
    assertThat(m.durations(Metric.HANDLING_TIME)).isEqualTo(new MetricValue.Durations(5,
        Duration.ofSeconds((110 + 150 + 2 + 0 + 120) * 60 / 5), Duration.ofMinutes(110),
        Duration.ofMinutes(150), Duration.ofMinutes(150), true));
    // resolution clock: INC1 3 h 05 less 1 h awaiting the user; INC2 4 h + 1 h (a vendor hold
    // does not pause); INC3 2 min; INC5 0; INC6 1 h + 1 h
    assertThat(m.durations(Metric.TIME_TO_RESOLVE_BUSINESS)).isEqualTo(new MetricValue.Durations(5,
        Duration.ofSeconds((125 + 300 + 2 + 0 + 120) * 60 / 5), Duration.ofMinutes(120),
        Duration.ofMinutes(300), Duration.ofMinutes(300), true));
    assertThat(m.rate(Metric.FUNCTIONAL_ESCALATION_RATE)).isEqualTo(new MetricValue.Rate(0, 5));
    assertThat(m.rate(Metric.HIERARCHICAL_ESCALATION_RATE)).isEqualTo(new MetricValue.Rate(0, 5));
    assertThat(m.mean(Metric.REASSIGNMENTS_PER_INCIDENT)).isEqualTo(new MetricValue.Mean(1, 5));
    Map<String, Long> byChannel = Metrics.compute(repo, MetricsQuery.of(march).withBy(Dimension.CHANNEL))
        .groups().stream().collect(Collectors.toMap(g -> g.key().get(Dimension.CHANNEL),
            g -> g.count(Metric.OPENED)));
    assertThat(byChannel).containsOnly(Map.entry("PHONE", 3L), Map.entry("EMAIL", 1L),
        Map.entry("PORTAL", 1L), Map.entry("WALK_IN", 1L));
  }

  @Test
  void anIncidentAlreadyStored_isRefused_notDuplicated() throws IOException {
    runImport();
    int events = repo.history("INC1").size();
    ImportSummary again = HistoryImport.builder(ColumnMapping.serviceNow()).repository(repo)
        .build().run(export());
    assertThat(again.incidents()).isZero();
    // every row of the six incidents (the 34th is the row out of place)
    assertThat(again.rejectedByReason()).containsEntry("incident already in the store", 33L);
    assertThat(again.rejections()).filteredOn(r -> r.line() == 2).singleElement()
        .satisfies(r -> assertThat(r.message()).contains("INC1 is already in the store"));
    assertThat(repo.history("INC1")).hasSize(events);
  }

  @Test
  void aHeaderWithoutTheRequiredColumns_isRefusedNamingThem() throws IOException {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "ticket,status\nINC1,New\n");
    assertThatThrownBy(() -> HistoryImport.builder(ColumnMapping.serviceNow()).build().run(f))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("line 1").hasMessageContaining("[number, incident_state, sys_updated_at]")
        .hasMessageContaining("columns found: [ticket, status]");
  }

  @Test
  void replayedEvents_neverGoBackInTime() throws IOException {
    runImport();
    for (String id : List.of("INC1", "INC2", "INC3", "INC4", "INC5", "INC6")) {
      List<IncidentEvent> h = repo.history(id);
      for (int i = 1; i < h.size(); i++) {
        assertThat(h.get(i).at()).isAfterOrEqualTo(h.get(i - 1).at());
      }
    }
  }
}
