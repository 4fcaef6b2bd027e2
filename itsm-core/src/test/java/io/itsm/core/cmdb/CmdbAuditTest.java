package io.itsm.core.cmdb;

import static io.itsm.core.cmdb.CmdbFixtures.ADMIN;
import static io.itsm.core.cmdb.CmdbFixtures.AGENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CmdbAuditTest {

  private static final Actor ANN = Actor.of("ann", Role.ADMIN);

  private MutableClock clock;
  private Cmdb cmdb;
  private Instant afterSetup;

  @BeforeEach
  void setUp() {
    clock = CmdbFixtures.clock();
    cmdb = CmdbFixtures.sample(Cmdb.builder().clock(clock).build());
    clock.advance(Duration.ofDays(1));
    afterSetup = clock.instant();
    cmdb.update(ANN, "db-orders", List.of(CiUpdate.set("attributes.engine", "PostgreSQL 17")));
    clock.advance(Duration.ofHours(2));
    cmdb.update(ADMIN, "app-shop", List.of(CiUpdate.set("supportTeam", "web-platform")));
    clock.advance(Duration.ofHours(2));
    cmdb.update(ANN, "db-orders", List.of(CiUpdate.set("criticality", "HIGH")));
  }

  @Test
  void audit_byActorAndTime_listsWhoChangedWhatWhen() {
    List<CiAuditEntry> entries = cmdb.audit(AGENT, CiAuditQuery.all().withActor("ann").from(afterSetup));
    assertThat(entries).extracting(CiAuditEntry::toString).containsExactly(
        "2026-11-24T08:00:00Z ann db-orders attributes.engine: PostgreSQL 16 → PostgreSQL 17",
        "2026-11-24T12:00:00Z ann db-orders criticality: BUSINESS_CRITICAL → HIGH");
  }

  @Test
  void audit_byItemAndField() {
    assertThat(cmdb.audit(AGENT, CiAuditQuery.all().withCi("db-orders").withField("criticality")))
        .singleElement().satisfies(e -> {
          assertThat(e.before()).contains("BUSINESS_CRITICAL");
          assertThat(e.after()).contains("HIGH");
          assertThat(e.sequence()).isEqualTo(4);
        });
    assertThat(cmdb.audit(AGENT, CiAuditQuery.all().withCi("db-orders").to(afterSetup)))
        .extracting(CiAuditEntry::field).containsExactly("registered", "relation");
  }

  @Test
  void audit_showsRelationsAndRetirement() {
    cmdb.retire(ADMIN, "svc-email", "replaced");
    assertThat(cmdb.audit(AGENT, CiAuditQuery.all().withCi("svc-email")))
        .extracting(e -> e.field() + " " + e.before().orElse("-") + " " + e.after().orElse("-"))
        .containsExactly("registered - BUSINESS_SERVICE E-mail", "relation - DEPENDS_ON app-mail",
            "relation DEPENDS_ON app-mail -", "status ACTIVE RETIRED");
  }

  @Test
  void export_thenImportIntoAnEmptyCmdb_givesTheSameItemsHistoriesAndImpact() {
    CmdbExport backup = cmdb.export(AGENT);
    assertThat(backup.size()).isEqualTo(10);
    Cmdb restored = Cmdb.builder().build();
    assertThat(restored.importFrom(ADMIN, backup)).isEqualTo(10);
    for (ConfigurationItem ci : cmdb.find(AGENT, CiQuery.all())) {
      assertThat(restored.get(AGENT, ci.id())).isEqualTo(ci);
      assertThat(restored.history(AGENT, ci.id())).isEqualTo(cmdb.history(AGENT, ci.id()));
    }
    assertThat(restored.impactOf(AGENT, "db-orders")).isEqualTo(cmdb.impactOf(AGENT, "db-orders"));
    assertThat(restored.audit(AGENT, CiAuditQuery.all())).isEqualTo(cmdb.audit(AGENT, CiAuditQuery.all()));
  }

  @Test
  void import_intoACmdbThatHoldsItems_isRefused() {
    CmdbExport backup = cmdb.export(AGENT);
    assertThatThrownBy(() -> cmdb.importFrom(ADMIN, backup)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("restored into an empty CMDB, but this one holds 10 items");
  }

  @Test
  void import_ofABackupWithARelationToAMissingItem_isRefusedAndStoresNothing() {
    CmdbExport backup = cmdb.export(AGENT);
    java.util.Map<String, List<CiEvent>> partial = new java.util.TreeMap<>(backup.histories());
    partial.remove("srv-db-01");
    partial.remove("net-core-sw");
    Cmdb target = Cmdb.builder().build();
    assertThatThrownBy(() -> target.importFrom(ADMIN, new CmdbExport(backup.exportedAt(), partial)))
        .hasMessage("the backup's relation db-orders RUNS_ON srv-db-01 names an item the backup does not"
            + " hold: srv-db-01");
    assertThat(target.find(AGENT, CiQuery.all())).isEmpty();
  }

  @Test
  void import_ofAHistoryThatDoesNotReplay_isRefused() {
    CiRegistered first = new CiRegistered("x", 1, clock.instant(), "root", CiDefinition.of("x", CiType.OTHER, "X"));
    CiUpdated skipped = new CiUpdated("x", 3, clock.instant(), "root",
        List.of(new AttributeChange("name", Optional.of("X"), Optional.of("Y"))), Optional.empty());
    Cmdb target = Cmdb.builder().build();
    assertThatThrownBy(() -> target.importFrom(ADMIN,
        new CmdbExport(clock.instant(), java.util.Map.of("x", List.of(first, skipped)))))
        .hasMessage("the backup's history of x does not replay: event CiUpdated of x must have sequence 2,"
            + " but had 3");
    assertThat(target.find(AGENT, CiQuery.all())).isEmpty();
  }
}
