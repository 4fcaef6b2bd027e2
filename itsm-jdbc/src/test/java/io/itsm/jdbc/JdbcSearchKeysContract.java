package io.itsm.jdbc;

import static io.itsm.jdbc.PracticeRepositoriesContract.ADMIN;
import static io.itsm.jdbc.PracticeRepositoriesContract.AGENT;
import static io.itsm.jdbc.PracticeRepositoriesContract.DBA;
import static io.itsm.jdbc.PracticeRepositoriesContract.MANAGER;
import static io.itsm.jdbc.PracticeRepositoriesContract.SENIOR;
import static io.itsm.jdbc.PracticeRepositoriesContract.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.StaleRecordException;
import io.itsm.core.access.Permission;
import io.itsm.core.cmdb.AttributeChange;
import io.itsm.core.cmdb.CiEvent;
import io.itsm.core.cmdb.CiUpdated;
import io.itsm.core.cmdb.CmdbRepository;
import java.util.Optional;
import io.itsm.core.access.Role;
import io.itsm.core.access.RoleBasedAccessPolicy;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementContent;
import io.itsm.core.announcement.AnnouncementKind;
import io.itsm.core.announcement.AnnouncementQuery;
import io.itsm.core.announcement.AnnouncementStatus;
import io.itsm.core.announcement.AnnouncementText;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.announcement.InMemoryAnnouncementRepository;
import io.itsm.core.announcement.OutageWindow;
import io.itsm.core.approval.Verdict;
import io.itsm.core.cmdb.ChangePlan;
import io.itsm.core.cmdb.ChangeQuery;
import io.itsm.core.cmdb.ChangeRequest;
import io.itsm.core.cmdb.ChangeRequests;
import io.itsm.core.cmdb.ChangeStatus;
import io.itsm.core.cmdb.CiDefinition;
import io.itsm.core.cmdb.CiQuery;
import io.itsm.core.cmdb.CiStatus;
import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.CiUpdate;
import io.itsm.core.cmdb.CiUpdateSet;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.cmdb.Criticality;
import io.itsm.core.cmdb.InMemoryChangeRepository;
import io.itsm.core.cmdb.InMemoryCmdbRepository;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.cmdb.RelationType;
import io.itsm.core.kernel.Kernel;
import io.itsm.jdbc.internal.Dialect;
import io.itsm.jdbc.internal.Migrations;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search-key index of schema 4 (table {@code itsm_record_key}) on a real database of the
 * subclass's kind: searches of changes, items and announcements that narrow by it return exactly
 * what the in-memory repositories return for the same records; keys follow every write, vanish
 * with a rolled-back one, come back with a restore, and are filled in for records stored by
 * schema 3.
 */
abstract class JdbcSearchKeysContract {

  private static final List<String> TEAMS = List.of("dba", "web", "net", "ops");
  private static final List<String> LOCATIONS = List.of("dc-north", "dc-south", "dc-west");
  private static final List<CiType> TYPES = List.of(CiType.SERVER, CiType.DATABASE,
      CiType.APPLICATION, CiType.VIRTUAL_MACHINE);

  private final List<JdbcStore> opened = new ArrayList<>();
  private MutableClock clock;

  abstract TestDatabase database();

  @BeforeEach
  void startClock() {
    clock = MutableClock.at(T0);
  }

  @AfterEach
  void closeStores() {
    opened.forEach(JdbcStore::close);
  }

  JdbcStore open(String url) {
    JdbcStore s = JdbcStore.open(url);
    opened.add(s);
    return s;
  }

  Kernel kernel(JdbcStore store) {
    return Kernel.ofDefaults().withClock(clock).withStores(store.stores()).withAccessPolicy(
        RoleBasedAccessPolicy.defaults().grant(Role.SPECIALIST, Permission.CMDB_UPDATE));
  }

  /**
   * A CMDB of services, servers, databases and applications across teams and locations; changes
   * touching items in several statuses; announcements of services and items in several statuses.
   */
  void writeAMix(JdbcStore store) {
    Kernel kernel = kernel(store);
    Cmdb cmdb = Cmdb.builder().kernel(kernel).build();
    for (String s : List.of("svc-shop", "svc-mail", "svc-pay")) {
      cmdb.register(ADMIN, CiDefinition.of(s, CiType.BUSINESS_SERVICE, s)
          .withAttribute("users", "50"));
    }
    for (int i = 0; i < 36; i++) {
      CiDefinition d = CiDefinition.of(String.format(Locale.ROOT, "ci-%02d", i), TYPES.get(i % 4),
              "Item " + i)
          .withCriticality(Criticality.values()[i % Criticality.values().length]);
      if (i % 3 != 0) {
        d = d.withOwnerTeam(TEAMS.get(i % TEAMS.size()));
      }
      if (i % 5 != 0) {
        d = d.withSupportTeam(TEAMS.get((i + 1) % TEAMS.size()));
      }
      if (i % 7 != 0) {
        d = d.withLocation(LOCATIONS.get(i % LOCATIONS.size()));
      }
      cmdb.register(ADMIN, d);
      if (i % 6 != 1) {
        cmdb.relate(ADMIN, Relation.of(List.of("svc-shop", "svc-mail", "svc-pay").get(i % 3),
            RelationType.DEPENDS_ON, d.id()));
      }
    }
    clock.advance(Duration.ofMinutes(5));
    // moves: location, support team (retirements at the end)
    for (int i = 0; i < 36; i += 4) {
      cmdb.update(DBA, String.format(Locale.ROOT, "ci-%02d", i), List.of(
          CiUpdate.set(CiUpdate.LOCATION, LOCATIONS.get((i + 1) % LOCATIONS.size())),
          CiUpdate.set(CiUpdate.SUPPORT_TEAM, TEAMS.get((i + 2) % TEAMS.size()))));
    }

    ChangeRequests changes = ChangeRequests.builder(cmdb).build();
    for (int i = 0; i < 24; i++) {
      List<String> cis = List.of(String.format(Locale.ROOT, "ci-%02d", i % 12),
          String.format(Locale.ROOT, "ci-%02d", (i * 5) % 36));
      ChangePlan plan = ChangePlan.of("Change " + i, "work on " + cis);
      plan = i % 2 == 0 ? plan.withAffectedCis(cis)
          : plan.withUpdates(List.of(CiUpdateSet.of(cis.get(0),
              CiUpdate.set("attributes.patch", "p" + i))));
      String id = changes.request(AGENT, plan).id();
      if (i % 4 == 1) {
        changes.cancel(ADMIN, id, "not needed");
      } else if (i % 4 == 2) {
        if (changes.decide(MANAGER, id, Verdict.APPROVE, "go").status()
            == ChangeStatus.PENDING_APPROVAL) {
          changes.decide(SENIOR, id, Verdict.APPROVE, "go");
        }
      }
      clock.advance(Duration.ofMinutes(1));
    }

    Announcements announcements = Announcements.builder().kernel(kernel).cmdb(cmdb).build();
    for (int i = 0; i < 18; i++) {
      AnnouncementContent.Draft draft = AnnouncementContent.of(
              i % 2 == 0 ? AnnouncementKind.MAINTENANCE : AnnouncementKind.UNPLANNED_OUTAGE,
              OutageWindow.of(T0.plus(Duration.ofHours(i * 7L % 30)),
                  T0.plus(Duration.ofHours(i * 7L % 30 + 2)), ZoneOffset.UTC),
              "desk@example.com", "en",
              new AnnouncementText("Notice " + i, "cause " + i, "impact", "wait"));
      AnnouncementContent c = i % 3 == 0
          ? draft.withServices(Set.of(List.of("svc-shop", "svc-mail", "svc-pay").get(i % 3)))
          : draft.withCis(Set.of(String.format(Locale.ROOT, "ci-%02d", i)));
      String id = announcements.draft(AGENT, c).id();
      if (i % 3 == 1) {
        announcements.submit(AGENT, id);
      } else if (i % 6 == 2) {
        announcements.cancel(ADMIN, id, "wrong");
      }
    }
    for (int i = 1; i < 36; i += 6) {
      cmdb.retire(ADMIN, String.format(Locale.ROOT, "ci-%02d", i), "decommissioned");
    }
  }

  /** The same records in the in-memory repositories, each with its history and latest state. */
  record InMemory(InMemoryCmdbRepository cmdb, InMemoryChangeRepository changes,
      InMemoryAnnouncementRepository announcements) {
    static InMemory of(JdbcStore store) {
      InMemory m = new InMemory(new InMemoryCmdbRepository(), new InMemoryChangeRepository(),
          new InMemoryAnnouncementRepository());
      for (ConfigurationItem ci : store.cmdb().find(CiQuery.all())) {
        m.cmdb.append(0, store.cmdb().history(ci.id()), ci);
      }
      for (ChangeRequest c : store.changes().find(ChangeQuery.all())) {
        m.changes.append(0, store.changes().history(c.id()), c);
      }
      for (Announcement a : store.announcements().find(AnnouncementQuery.all())) {
        m.announcements.append(0, store.announcements().history(a.id()), a);
      }
      return m;
    }
  }

  static List<CiQuery> ciQueries() {
    List<CiQuery> out = new ArrayList<>(List.of(CiQuery.all(),
        CiQuery.all().withStatus(CiStatus.RETIRED),
        CiQuery.all().withCriticalityAtLeast(Criticality.HIGH),
        CiQuery.all().withCriticalityAtLeast(Criticality.LOW),
        CiQuery.all().withTeam("nobody"),
        CiQuery.all().withLocation("dc-north").withText("item 1"),
        CiQuery.all().withType(CiType.BUSINESS_SERVICE)));
    for (String team : TEAMS) {
      out.add(CiQuery.all().withTeam(team));
      out.add(CiQuery.all().withTeam(team).withStatus(CiStatus.ACTIVE));
      out.add(CiQuery.all().withTeam(team).withType(CiType.SERVER));
    }
    for (String location : LOCATIONS) {
      out.add(CiQuery.all().withLocation(location));
      out.add(CiQuery.all().withLocation(location).withCriticalityAtLeast(Criticality.MEDIUM));
    }
    for (CiType type : TYPES) {
      out.add(CiQuery.all().withType(type));
      out.add(CiQuery.all().withType(type).withStatus(CiStatus.ACTIVE)
          .withCriticalityAtLeast(Criticality.BUSINESS_CRITICAL));
    }
    return out;
  }

  static List<ChangeQuery> changeQueries() {
    List<ChangeQuery> out = new ArrayList<>(List.of(ChangeQuery.all(),
        ChangeQuery.all().withStatus(ChangeStatus.CANCELLED), ChangeQuery.all().withCi("nope")));
    for (int i = 0; i < 36; i += 3) {
      String ci = String.format(Locale.ROOT, "ci-%02d", i);
      out.add(ChangeQuery.all().withCi(ci));
      out.add(ChangeQuery.all().withCi(ci).withStatus(ChangeStatus.CANCELLED));
      out.add(ChangeQuery.all().withCi(ci).withStatus(ChangeStatus.PENDING_APPROVAL));
    }
    return out;
  }

  static List<AnnouncementQuery> announcementQueries() {
    List<AnnouncementQuery> out = new ArrayList<>(List.of(AnnouncementQuery.all(),
        AnnouncementQuery.all().withStatuses(Set.of(AnnouncementStatus.DRAFT,
            AnnouncementStatus.CANCELLED)),
        AnnouncementQuery.all().withKind(AnnouncementKind.MAINTENANCE),
        AnnouncementQuery.all().withService("svc-none")));
    for (String s : List.of("svc-shop", "svc-mail", "svc-pay")) {
      out.add(AnnouncementQuery.all().withService(s));
      out.add(AnnouncementQuery.all().withService(s).withStatuses(
          Set.of(AnnouncementStatus.DRAFT, AnnouncementStatus.PENDING_APPROVAL)));
      out.add(AnnouncementQuery.all().withService(s).withKind(AnnouncementKind.UNPLANNED_OUTAGE)
          .between(T0, T0.plus(Duration.ofHours(12))));
      out.add(AnnouncementQuery.all().withService(s).withCi("ci-04"));
    }
    for (int i = 0; i < 18; i += 2) {
      String ci = String.format(Locale.ROOT, "ci-%02d", i);
      out.add(AnnouncementQuery.all().withCi(ci));
      out.add(AnnouncementQuery.all().withCi(ci).withStatuses(Set.of(AnnouncementStatus.DRAFT)));
    }
    return out;
  }

  void assertSameAsInMemory(JdbcStore store, InMemory memory) {
    for (CiQuery q : ciQueries()) {
      assertThat(store.cmdb().find(q)).as("%s", q).isEqualTo(memory.cmdb().find(q));
    }
    for (ChangeQuery q : changeQueries()) {
      assertThat(store.changes().find(q)).as("%s", q).isEqualTo(memory.changes().find(q));
    }
    for (AnnouncementQuery q : announcementQueries()) {
      assertThat(store.announcements().find(q)).as("%s", q)
          .isEqualTo(memory.announcements().find(q));
    }
  }

  // ---------------------------------------------------------------- results

  @Test
  void searchesByKey_returnExactlyWhatTheInMemoryRepositoriesReturn_inTheSameOrder() {
    JdbcStore store = open(database().freshUrl("keys_mix"));
    writeAMix(store);
    InMemory memory = InMemory.of(store);

    assertThat(memory.cmdb().find(CiQuery.all().withTeam("dba"))).as("the mix has matches")
        .hasSizeGreaterThan(5);
    assertThat(memory.changes().find(ChangeQuery.all().withCi("ci-00"))).hasSizeGreaterThan(1);
    assertThat(memory.announcements().find(AnnouncementQuery.all().withService("svc-shop")))
        .hasSizeGreaterThan(3);
    assertSameAsInMemory(store, memory);
  }

  @Test
  void aSearchByKey_readsThroughTheKeyIndex_notEveryRecord() throws Exception {
    String url = database().freshUrl("keys_used");
    JdbcStore store = open(url);
    writeAMix(store);
    List<ChangeRequest> byCi = store.changes().find(ChangeQuery.all().withCi("ci-03"));
    assertThat(byCi).isNotEmpty();
    String victim = byCi.get(0).id();

    // without its key rows a change is no longer found by item, but still by status
    execute(store, "DELETE FROM itsm_record_key WHERE aggregate_type = 'change-request'"
        + " AND record_id = '" + victim + "'");
    assertThat(store.changes().find(ChangeQuery.all().withCi("ci-03")))
        .extracting(ChangeRequest::id).doesNotContain(victim)
        .hasSize(byCi.size() - 1);
    assertThat(store.changes().find(ChangeQuery.all())).extracting(ChangeRequest::id)
        .contains(victim);

    try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
      if (database() == TestDatabase.POSTGRES) {
        s.execute("ANALYZE itsm_record_key");
        s.execute("ANALYZE itsm_record");
        s.execute("SET enable_seqscan = off");
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = s.executeQuery("EXPLAIN SELECT r.id, r.state FROM itsm_record_key k"
          + " JOIN itsm_record r ON r.aggregate_type = k.aggregate_type AND r.id = k.record_id"
          + " WHERE k.aggregate_type = 'change-request' AND k.key_name = 'ci'"
          + " AND k.key_value = 'ci-03' AND r.status = 'CANCELLED' ORDER BY r.id")) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      assertThat(plan.toString().toLowerCase(Locale.ROOT)).as("%s", plan)
          .contains("itsm_record_key_lookup");
      if (database() == TestDatabase.POSTGRES) {
        s.execute("RESET enable_seqscan");
      }
    }
  }

  // ---------------------------------------------------------------- keys follow the writes

  @Test
  void anItemMovedToAnotherLocationAndTeam_isFoundOnlyUnderTheNewOnes() throws Exception {
    JdbcStore store = open(database().freshUrl("keys_moved"));
    Cmdb cmdb = Cmdb.builder().kernel(kernel(store)).build();
    cmdb.register(ADMIN, CiDefinition.of("srv-1", CiType.SERVER, "Server 1")
        .withLocation("dc-north").withSupportTeam("net"));
    cmdb.register(ADMIN, CiDefinition.of("srv-2", CiType.SERVER, "Server 2")
        .withLocation("dc-north").withSupportTeam("net"));
    assertThat(store.cmdb().find(CiQuery.all().withLocation("dc-north")))
        .extracting(ConfigurationItem::id).containsExactly("srv-1", "srv-2");

    cmdb.update(DBA, "srv-1", List.of(CiUpdate.set(CiUpdate.LOCATION, "dc-south"),
        CiUpdate.set(CiUpdate.SUPPORT_TEAM, "ops")));

    assertThat(store.cmdb().find(CiQuery.all().withLocation("dc-north")))
        .extracting(ConfigurationItem::id).containsExactly("srv-2");
    assertThat(store.cmdb().find(CiQuery.all().withLocation("dc-south")))
        .extracting(ConfigurationItem::id).containsExactly("srv-1");
    assertThat(store.cmdb().find(CiQuery.all().withTeam("net")))
        .extracting(ConfigurationItem::id).containsExactly("srv-2");
    assertThat(store.cmdb().find(CiQuery.all().withTeam("ops")))
        .extracting(ConfigurationItem::id).containsExactly("srv-1");
    assertThat(keys(store, "configuration-item", "srv-1"))
        .containsExactly("criticality=MEDIUM", "location=dc-south", "team=ops", "type=SERVER");
  }

  @Test
  void anAnnouncementRevisedToAnotherService_isFoundOnlyUnderTheNewOne() throws Exception {
    JdbcStore store = open(database().freshUrl("keys_revised"));
    Kernel kernel = kernel(store);
    Announcements announcements = Announcements.builder().kernel(kernel).build();
    AnnouncementContent mail = AnnouncementContent.of(AnnouncementKind.MAINTENANCE,
            OutageWindow.of(T0, T0.plus(Duration.ofHours(2)), ZoneOffset.UTC), "desk@example.com",
            "en", new AnnouncementText("Maintenance", "", "", ""))
        .withServices(Set.of("svc-mail"));
    String id = announcements.draft(AGENT, mail).id();
    assertThat(store.announcements().find(AnnouncementQuery.all().withService("svc-mail")))
        .extracting(Announcement::id).containsExactly(id);

    announcements.revise(AGENT, id, mail.withServices(Set.of("svc-shop")).withCis(Set.of("db-1")),
        "wrong service");

    assertThat(store.announcements().find(AnnouncementQuery.all().withService("svc-mail")))
        .isEmpty();
    assertThat(store.announcements().find(AnnouncementQuery.all().withService("svc-shop")))
        .extracting(Announcement::id).containsExactly(id);
    assertThat(store.announcements().find(AnnouncementQuery.all().withCi("db-1")))
        .extracting(Announcement::id).containsExactly(id);
    assertThat(keys(store, "announcement", id)).containsExactly("ci=db-1", "service=svc-shop");
  }

  @Test
  void aRolledBackWriteOfSeveralItems_leavesNoKeyRowsBehind() throws Exception {
    JdbcStore store = open(database().freshUrl("keys_rollback"));
    Cmdb cmdb = Cmdb.builder().kernel(kernel(store)).build();
    cmdb.register(ADMIN, CiDefinition.of("srv-1", CiType.SERVER, "Server 1")
        .withLocation("dc-south"));
    cmdb.register(ADMIN, CiDefinition.of("srv-2", CiType.SERVER, "Server 2")
        .withLocation("dc-south"));
    JdbcCmdbRepository repo = store.cmdb();
    ConfigurationItem one = repo.find("srv-1").orElseThrow();
    ConfigurationItem two = repo.find("srv-2").orElseThrow();
    List<String> before = allKeyRows(store);

    assertThatThrownBy(() -> repo.appendAll(List.of(locationOf(one, one.version(), "dc-north"),
            locationOf(two, two.version() - 1, "dc-north"))))
        .isInstanceOf(StaleRecordException.class);

    assertThat(allKeyRows(store)).isEqualTo(before);
    assertThat(repo.find(CiQuery.all().withLocation("dc-north"))).isEmpty();
    assertThat(repo.find(CiQuery.all().withLocation("dc-south")))
        .extracting(ConfigurationItem::id).containsExactly("srv-1", "srv-2");

    repo.appendAll(List.of(locationOf(one, one.version(), "dc-north"),
        locationOf(two, two.version(), "dc-north")));
    assertThat(repo.find(CiQuery.all().withLocation("dc-north")))
        .extracting(ConfigurationItem::id).containsExactly("srv-1", "srv-2");
    assertThat(repo.find(CiQuery.all().withLocation("dc-south"))).isEmpty();
  }

  // ---------------------------------------------------------------- backups

  @Test
  void aRestoredBackup_getsTheKeysOfItsRecords_andAFailedRestoreLeavesNone() throws Exception {
    JdbcStore store = open(database().freshUrl("keys_backup"));
    writeAMix(store);
    StringWriter backup = new StringWriter();
    store.exportTo(backup);
    String text = backup.toString();

    JdbcStore damaged = open(database().freshUrl("keys_backup_damaged"));
    String truncated = text.substring(0, text.lastIndexOf("{\"end\""));
    assertThatThrownBy(() -> damaged.importFrom(new StringReader(truncated)))
        .hasMessageContaining("truncated");
    assertThat(allKeyRows(damaged)).isEmpty();

    JdbcStore copy = open(database().freshUrl("keys_backup_copy"));
    copy.importFrom(new StringReader(text));
    assertThat(allKeyRows(copy)).isEqualTo(allKeyRows(store)).isNotEmpty();
    assertSameAsInMemory(copy, InMemory.of(store));
  }

  // ---------------------------------------------------------------- schema 3 to 4

  @Test
  void recordsStoredBySchema3_areFoundByKeyAfterTheMigration_andTheBackfillRunsOnce()
      throws Exception {
    JdbcStore source = open(database().freshUrl("keys_source"));
    writeAMix(source);
    InMemory memory = InMemory.of(source);

    String url = database().freshUrl("keys_schema3");
    UrlDataSource old = new UrlDataSource(url);
    Dialect dialect;
    try (Connection c = old.getConnection()) {
      dialect = Dialect.of(c);
    }
    Flyway.configure(Migrations.class.getClassLoader()).dataSource(old)
        .locations(dialect.migrations()).table(Migrations.HISTORY_TABLE)
        .baselineOnMigrate(true).baselineVersion("0").target("3").load().migrate();
    try (Connection from = source.dataSource().getConnection(); Connection to = old.getConnection()) {
      copyRows(from, to, "itsm_event", dialect);
      copyRows(from, to, "itsm_record", dialect);
      try (Statement s = to.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT MAX(\"version\") FROM \"" + Migrations.HISTORY_TABLE + "\"")) {
        rs.next();
        assertThat(rs.getString(1)).as("the database is at schema 3").isEqualTo("3");
      }
    }

    JdbcStore migrated = open(url);

    assertThat(migrated.schemaVersion()).isEqualTo("4");
    assertThat(count(migrated, "itsm_record_key_backfill")).isZero();
    assertThat(allKeyRows(migrated)).isEqualTo(allKeyRows(source));
    assertSameAsInMemory(migrated, memory);
    assertThat(migrated.cmdb().records().backfillKeys()).as("nothing left to do").isZero();

    // a second instance opening the migrated database leaves the keys as they are
    JdbcStore again = open(url);
    assertThat(allKeyRows(again)).isEqualTo(allKeyRows(source));
    assertSameAsInMemory(again, memory);
  }

  @Test
  void whileTheBackfillIsPending_searchesReadEveryRecord_andStayExact() throws Exception {
    String url = database().freshUrl("keys_pending");
    JdbcStore store = open(url);
    writeAMix(store);
    InMemory memory = InMemory.of(store);
    // as if the records had been stored by schema 3 and another instance were filling them in
    execute(store, "DELETE FROM itsm_record_key");
    execute(store, "INSERT INTO itsm_record_key_backfill (aggregate_type) VALUES"
        + " ('configuration-item'), ('change-request'), ('announcement')");
    try (Connection lock = store.dataSource().getConnection()) {
      lock.setAutoCommit(false);
      try (Statement s = lock.createStatement()) {
        s.executeQuery("SELECT aggregate_type FROM itsm_record_key_backfill FOR UPDATE").close();
      }
      JdbcStore waiting = open(url);
      assertThat(count(waiting, "itsm_record_key_backfill")).as("left to the lock holder")
          .isEqualTo(3);
      assertSameAsInMemory(waiting, memory);
      lock.rollback();
    }
    JdbcStore later = open(url);
    assertThat(count(later, "itsm_record_key_backfill")).isZero();
    assertThat(later.cmdb().records().backfillKeys()).as("done when it opened").isZero();
    assertThat(allKeyRows(later)).hasSizeGreaterThan(100);
    assertSameAsInMemory(later, memory);
  }

  // ---------------------------------------------------------------- helpers

  /** An item moved to another location, numbered on from {@code version}. */
  static CmdbRepository.Append locationOf(ConfigurationItem ci, long version, String location) {
    CiEvent e = new CiUpdated(ci.id(), version + 1, T0, "s-dana", List.of(new AttributeChange(
        CiUpdate.LOCATION, ci.location(), Optional.of(location))), Optional.empty());
    return new CmdbRepository.Append(version, List.of(e), new ConfigurationItem(
        ci.definition().withLocation(location), ci.relations(), ci.status(), ci.registeredAt(),
        T0, version + 1));
  }

  static void copyRows(Connection from, Connection to, String table, Dialect dialect)
      throws SQLException {
    try (Statement s = from.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
      }
      String values = String.join(", ", columns.stream().map(c -> (c.equals("state")
          || c.equals("payload")) ? dialect.jsonParameter() : "?").toList());
      try (PreparedStatement ins = to.prepareStatement("INSERT INTO " + table + " ("
          + String.join(", ", columns) + ") VALUES (" + values + ")")) {
        while (rs.next()) {
          for (int i = 1; i <= columns.size(); i++) {
            String c = columns.get(i - 1);
            if (c.equals("state") || c.equals("payload")) {
              ins.setString(i, rs.getString(i));
            } else {
              ins.setObject(i, rs.getObject(i));
            }
          }
          ins.addBatch();
        }
        ins.executeBatch();
      }
    }
  }

  static void execute(JdbcStore store, String sql) throws SQLException {
    try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  static long count(JdbcStore store, String table) throws SQLException {
    try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** A record's keys as {@code name=value}, sorted. */
  static List<String> keys(JdbcStore store, String type, String id) throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT key_name, key_value FROM itsm_record_key"
            + " WHERE aggregate_type = ? AND record_id = ?")) {
      ps.setString(1, type);
      ps.setString(2, id);
      TreeSet<String> out = new TreeSet<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1) + "=" + rs.getString(2));
        }
      }
      return List.copyOf(out);
    }
  }

  /** Every key row as {@code type id name=value}, sorted. */
  static List<String> allKeyRows(JdbcStore store) throws SQLException {
    try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT aggregate_type, record_id, key_name, key_value"
            + " FROM itsm_record_key")) {
      TreeSet<String> out = new TreeSet<>();
      while (rs.next()) {
        out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + "="
            + rs.getString(4));
      }
      return List.copyOf(out);
    }
  }
}
