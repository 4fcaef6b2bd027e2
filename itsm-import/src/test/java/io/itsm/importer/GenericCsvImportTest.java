package io.itsm.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.repository.InMemoryIncidentRepository;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any tool's export, described by a column mapping file. */
class GenericCsvImportTest {

  @TempDir Path dir;

  private static final String MAPPING = """
      # a helpdesk tool's export
      column.number=Ticket
      column.state=Status
      column.updated_at=Changed
      column.updated_by=Agent
      column.opened_at=Created
      column.caller=Requester
      column.assignment_group=Queue
      column.priority=Prio
      attribute.site=Site
      date.format=yyyy-MM-dd HH:mm:ss
      date.zone=Europe/Stockholm
      missing=n/a
      state.Open=NEW
      state.Work\\ in\\ Progress=ACTIVE
      state.Pending\\ Customer=AWAITING_USER
      state.Done=RESOLVED
      state.Archived=CLOSED
      state.Withdrawn=CANCELLED
      priority.urgent=P1
      priority.normal=P3
      level.Network=L2
      """;

  @Test
  void aToolsExport_withItsOwnColumnsStatesAndDates_isReplayed() throws IOException {
    Path csv = dir.resolve("tickets.csv");
    Files.writeString(csv, """
        Ticket,Status,Changed,Agent,Created,Requester,Queue,Prio,Site
        T-1,Open,2026-03-02 10:00:00,alice,2026-03-02 09:55:00,bob,Network,normal,HQ
        T-1,Work in Progress,2026-03-02 10:30:00,alice,2026-03-02 09:55:00,bob,Network,urgent,HQ
        T-1,Pending Customer,2026-03-02 11:00:00,alice,2026-03-02 09:55:00,bob,Network,urgent,HQ
        T-1,Work in Progress,2026-03-02 12:00:00,alice,2026-03-02 09:55:00,bob,Network,urgent,HQ
        T-1,Done,2026-03-02 13:00:00,alice,2026-03-02 09:55:00,bob,Network,urgent,HQ
        T-1,Archived,2026-03-03 13:00:00,alice,2026-03-02 09:55:00,bob,Network,urgent,HQ
        T-2,Open,2026-03-02 10:00:00,carol,n/a,dave,n/a,n/a,n/a
        T-2,Withdrawn,2026-03-02 10:05:00,carol,n/a,dave,n/a,n/a,n/a
        """);
    InMemoryIncidentRepository repo = new InMemoryIncidentRepository();
    ImportSummary s = HistoryImport.builder(ColumnMapping.parse(new StringReader(MAPPING), "tool.properties"))
        .repository(repo).build().run(csv);
    assertThat(s.rejected()).isZero();
    assertThat(s.incidents()).isEqualTo(2);
    var t1 = repo.find("T-1").orElseThrow();
    assertThat(t1.status()).isEqualTo(Status.CLOSED);
    // 09:55 in Stockholm (UTC+1 in March) is 08:55 UTC
    assertThat(t1.openedAt()).isEqualTo(Instant.parse("2026-03-02T08:55:00Z"));
    assertThat(t1.assignment().orElseThrow().level()).isEqualTo(SupportLevel.L2);
    assertThat(t1.ticket().attributes()).containsEntry("site", "HQ");
    assertThat(repo.history("T-1")).anySatisfy(e ->
        assertThat(e).isInstanceOfSatisfying(io.itsm.core.event.PutOnHold.class,
            h -> assertThat(h.reason()).isEqualTo(OnHoldReason.AWAITING_USER)));
    assertThat(repo.find("T-2").orElseThrow().status()).isEqualTo(Status.CANCELLED);
  }

  @Test
  void aMappingWithAnUnknownKeyOrValue_isRefusedNamingIt() {
    assertThatThrownBy(() -> ColumnMapping.parse(new StringReader(MAPPING + "colum.x=y\n"), "m.properties"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("column mapping m.properties: unknown key 'colum.x'");
    assertThatThrownBy(() -> ColumnMapping.parse(new StringReader(MAPPING + "state.Parked=PAUSED\n"), "m.properties"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("'state.Parked' maps to 'PAUSED'; allowed: NEW, ACTIVE");
    assertThatThrownBy(() -> ColumnMapping.parse(new StringReader("column.number=n\n"), "m.properties"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("column.state is required");
  }

  @Test
  void theServiceNowMapping_isBuiltIn() {
    ColumnMapping sn = ColumnMapping.serviceNow();
    assertThat(sn.column(ColumnMapping.Field.STATE)).contains("incident_state");
    assertThat(sn.states()).containsEntry("Awaiting User Info", ColumnMapping.SourceState.AWAITING_USER);
    assertThat(sn.missing()).isEqualTo("?");
  }
}
