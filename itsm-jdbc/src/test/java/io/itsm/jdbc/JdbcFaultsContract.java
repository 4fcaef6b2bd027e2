package io.itsm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeBase;
import io.itsm.core.knowledge.KnowledgeHit;
import io.itsm.core.knowledge.event.ArticleSuggested;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.core.repository.UnreadableRecordException;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.rules.knowledge.KnowledgeIndex;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Faults on a real database: a connection killed in the middle of a command, a payload edited by
 * hand, a schema newer than the library; and the statements each command costs.
 */
abstract class JdbcFaultsContract {

  static final Actor ADMIN = Actor.of("root", Role.ADMIN);
  static final Actor ANNA = Actor.endUser("anna");
  static final Actor NILS = Actor.of("nils", Role.SPECIALIST, "network-ops");

  private final List<AutoCloseable> open = new ArrayList<>();

  abstract TestDatabase database();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(4);
    HikariDataSource ds = new HikariDataSource(config);
    open.add(ds);
    return ds;
  }

  /**
   * A pool over instrumented connections: statements are counted and a connection can be killed
   * beneath the pool, as a network failure or an administrator would.
   */
  HikariDataSource instrumentedPool(InstrumentedDataSource raw) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(raw);
    config.setMaximumPoolSize(4);
    HikariDataSource ds = new HikariDataSource(config);
    open.add(ds);
    return ds;
  }

  InstrumentedDataSource instrumented(String hint) {
    String url = database().freshUrl(hint);
    return new InstrumentedDataSource(new UrlDataSource(url));
  }

  JdbcStore store(javax.sql.DataSource ds) {
    JdbcStore store = JdbcStore.open(ds);
    open.add(store);
    return store;
  }

  Incident assigned(ServiceDesk desk) {
    Incident inc = desk.log(ANNA, Ticket.builder().title("VPN drops").build());
    desk.assign(ADMIN, inc.id(), Assignment.toPerson("network-ops", "nils", SupportLevel.L2));
    return desk.startWork(NILS, inc.id());
  }

  // ---------------------------------------------------------------- a connection dies mid-command

  @Test
  void aConnectionKilledBetweenTheEventsAndTheState_leavesNeitherHalf_andARetrySucceeds() {
    InstrumentedDataSource ds = instrumented("kill_update");
    JdbcStore store = store(instrumentedPool(ds));
    ServiceDesk desk = ServiceDesk.builder().repository(store.incidents()).build();
    Incident inc = assigned(desk);
    List<IncidentEvent> before = desk.history(ADMIN, inc.id());

    ds.armOnce(sql -> sql.startsWith("UPDATE itsm_incident"), database()::killSession);
    assertThatThrownBy(() -> desk.comment(NILS, inc.id(), "rebooted the router", Visibility.PUBLIC))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("could not store 1 event of incident " + inc.id())
        .hasMessageContaining("the transaction was rolled back and nothing was stored: the command can"
            + " be retried");
    assertThat(ds.fired()).isTrue();
    assertThat(ds.executed).anyMatch(s -> s.startsWith("INSERT INTO itsm_event"));

    assertThat(desk.history(ADMIN, inc.id())).isEqualTo(before);
    assertThat(desk.get(ADMIN, inc.id())).isEqualTo(inc);
    assertThat(eventRows(ds, inc.id())).isEqualTo(before.size());

    Incident after = desk.comment(NILS, inc.id(), "rebooted the router", Visibility.PUBLIC);
    assertThat(after.version()).isEqualTo(inc.version() + 1);
    assertThat(desk.history(ADMIN, inc.id())).filteredOn(CommentAdded.class::isInstance).hasSize(1);
  }

  @Test
  void aConnectionKilledWhileLoggingANewIncident_storesNoPartOfIt_andARetrySucceeds() {
    InstrumentedDataSource ds = instrumented("kill_insert");
    JdbcStore store = store(instrumentedPool(ds));
    ServiceDesk desk = ServiceDesk.builder().repository(store.incidents()).build();

    ds.armOnce(sql -> sql.startsWith("INSERT INTO itsm_incident"), database()::killSession);
    assertThatThrownBy(() -> desk.log(ANNA, Ticket.builder().title("Printer jams").build()))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("nothing was stored");
    assertThat(desk.find(ADMIN, IncidentQuery.all())).isEmpty();
    assertThat(eventRows(ds, "INC-000001")).isZero();

    Incident retried = desk.log(ANNA, Ticket.builder().title("Printer jams").build());
    assertThat(desk.find(ADMIN, IncidentQuery.all())).containsExactly(retried);
    assertThat(desk.history(ADMIN, retried.id())).hasSize(1);
  }

  @Test
  void aConnectionKilledOnTheSecondSuggestedArticle_recordsNoSuggestion_andARetryRecordsEachOnce() {
    InstrumentedDataSource ds = instrumented("kill_suggest");
    JdbcStore store = store(instrumentedPool(ds));
    ServiceDesk desk = ServiceDesk.builder().build();
    List<KnowledgeEvent> heard = Collections.synchronizedList(new ArrayList<>());
    try (KnowledgeIndex index = KnowledgeIndex.inMemory()) {
      KnowledgeBase kb = KnowledgeBase.builder().repository(store.knowledge()).desk(desk)
          .index(index).listener((e, a) -> heard.add(e)).build();
      List<KnowledgeArticle> articles = List.of(
          KnowledgeRepositoryContract.published(kb, KnowledgeRepositoryContract.vpn()),
          KnowledgeRepositoryContract.published(kb, KnowledgeRepositoryContract.printer()));
      Incident inc = desk.log(ANNA, Ticket.builder().title("VPN disconnects every few minutes")
          .description("and the printers jam when printing A3").build());
      heard.clear();
      List<List<KnowledgeEvent>> before = articles.stream()
          .map(a -> store.knowledge().history(a.id())).toList();

      AtomicInteger stateWrites = new AtomicInteger();
      ds.armOnce(sql -> sql.startsWith("UPDATE itsm_record")
          && stateWrites.incrementAndGet() == 2, database()::killSession);
      assertThatThrownBy(() -> kb.suggest(KnowledgeRepositoryContract.AGENT, inc, 5))
          .isInstanceOf(JdbcStoreException.class)
          .hasMessageContaining("one of 2 knowledge articles written together")
          .hasMessageContaining("the transaction was rolled back and nothing was stored");
      assertThat(ds.fired()).isTrue();

      assertThat(articles.stream().map(a -> store.knowledge().history(a.id())).toList())
          .as("the first article's events and state row were written, then rolled back")
          .isEqualTo(before);
      for (KnowledgeArticle a : articles) {
        assertThat(store.knowledge().find(a.id())).contains(a);
        assertThat(eventRows(ds, a.id())).isEqualTo((int) a.version());
      }
      assertThat(heard).isEmpty();

      List<KnowledgeHit> hits = kb.suggest(KnowledgeRepositoryContract.AGENT, inc, 5);
      assertThat(hits).hasSize(2);
      for (KnowledgeArticle a : articles) {
        assertThat(store.knowledge().history(a.id()))
            .filteredOn(ArticleSuggested.class::isInstance).hasSize(1);
      }
      assertThat(heard).hasSize(2).allMatch(ArticleSuggested.class::isInstance);
    }
  }

  static int eventRows(javax.sql.DataSource ds, String id) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM itsm_event WHERE aggregate_id = ?")) {
      ps.setString(1, id);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- a payload edited by hand

  @Test
  void aPayloadEditedByHand_isReportedWithIncidentAndSequence_andTheRestOfTheStoreKeepsWorking() throws Exception {
    String url = database().freshUrl("hand_edited");
    Instant start = Instant.parse("2026-03-02T08:00:00Z");
    java.time.Clock clock = java.time.Clock.fixed(start, java.time.ZoneOffset.UTC);
    JdbcStore before = store(pool(url));
    ServiceDesk first = ServiceDesk.builder().repository(before.incidents()).clock(clock).build();
    Incident broken = assigned(first);
    Incident healthy = assigned(first);
    first.comment(NILS, broken.id(), "first look", Visibility.PUBLIC);
    // edited by hand; the store opened next (a restart, another instance) reads the edited row
    try (Connection c = before.dataSource().getConnection(); Statement s = c.createStatement()) {
      int n = s.executeUpdate("UPDATE itsm_event SET payload = '{\"type\": \"CommentAdded\", \"incidentId\": \""
          + broken.id() + "\", \"sequence\": 2, \"at\": \"yesterday\", \"actor\": \"x\"}'"
          + " WHERE aggregate_id = '" + broken.id() + "' AND sequence_no = 2");
      assertThat(n).isEqualTo(1);
    }
    JdbcStore store = store(pool(url));
    ServiceDesk desk = ServiceDesk.builder().repository(store.incidents()).slaPolicy(SlaPolicy.defaults())
        .clock(clock).build();

    assertThatThrownBy(() -> desk.history(ADMIN, broken.id()))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageStartingWith("event #2 of incident " + broken.id() + " cannot be read")
        .hasMessageContaining("sequence_no 2")
        .satisfies(e -> assertThat(((UnreadableRecordException) e).getSequence()).hasValue(2));

    // the state row is intact: the incident can still be read and worked
    assertThat(desk.get(ADMIN, broken.id()).version()).isEqualTo(4);
    assertThat(desk.comment(NILS, broken.id(), "still works", Visibility.PUBLIC).version()).isEqualTo(5);
    // other incidents, queries and due work are unaffected
    desk.comment(NILS, healthy.id(), "fine", Visibility.PUBLIC);
    assertThat(desk.history(ADMIN, healthy.id())).hasSize(4);
    assertThat(desk.find(ADMIN, IncidentQuery.all())).hasSize(2);
    List<Incident> ticked = desk.tick(start.plus(Duration.ofDays(30)));
    assertThat(ticked).extracting(Incident::id).containsExactly(healthy.id());

    List<StoreProblem> problems = store.check();
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.incidentId()).isEqualTo(broken.id());
      assertThat(p.sequence()).isEqualTo(2);
      assertThat(p.problem()).contains("at");
    });
    assertThatThrownBy(() -> store.exportTo(new StringWriter()))
        .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("event #2 of incident " + broken.id());
  }

  @Test
  void aStateRowThatNoLongerParses_isRebuiltFromTheEvents() throws Exception {
    String url = database().freshUrl("bad_state");
    Incident inc;
    try (JdbcStore before = JdbcStore.open(url)) {
      inc = assigned(ServiceDesk.builder().repository(before.incidents()).build());
      try (Connection c = before.dataSource().getConnection(); Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE itsm_incident SET state = '{\"formatVersion\": 1, \"id\": \"" + inc.id()
            + "\"}' WHERE id = '" + inc.id() + "'");
      }
    }
    JdbcStore store = store(pool(url));
    ServiceDesk desk = ServiceDesk.builder().repository(store.incidents()).build();
    assertThat(desk.get(ADMIN, inc.id())).isEqualTo(inc);
    assertThat(desk.find(ADMIN, IncidentQuery.all())).containsExactly(inc);
    assertThat(store.check()).singleElement().satisfies(p -> {
      assertThat(p.incidentId()).isEqualTo(inc.id());
      assertThat(p.sequence()).isZero();
      assertThat(p.problem()).startsWith("the state row does not parse");
    });
    // the next command writes a sound state row again
    desk.comment(NILS, inc.id(), "ok", Visibility.PUBLIC);
    assertThat(store.check()).isEmpty();
  }

  // ---------------------------------------------------------------- schema versions

  @Test
  void aDatabaseWithANewerSchema_isRefused_withAMessageSayingSo() throws Exception {
    String url = database().freshUrl("newer_schema");
    try (JdbcStore first = JdbcStore.open(url)) {
      assertThat(first.schemaVersion()).isEqualTo(JdbcStore.latestSchemaVersion());
      try (Connection c = first.dataSource().getConnection(); Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO \"itsm_schema_history\" (\"installed_rank\", \"version\","
            + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"installed_on\","
            + " \"execution_time\", \"success\") VALUES (99, '99',"
            + " 'knowledge articles', 'SQL', 'V99__knowledge_articles.sql', 0, 'itsm-jdbc 9.0',"
            + " CURRENT_TIMESTAMP, 1, TRUE)");
      }
    }
    assertThatThrownBy(() -> JdbcStore.open(url))
        .isInstanceOf(StoreSchemaException.class)
        .hasMessageContaining("schema is at version 99")
        .hasMessageContaining("newer than this itsm-jdbc knows (up to version " + JdbcStore.latestSchemaVersion() + ")")
        .hasMessageContaining("an older one must not write to it")
        .satisfies(e -> assertThat(((StoreSchemaException) e).getDatabaseVersion()).contains("99"));
  }

  @Test
  void validateMode_refusesADatabaseWithoutTheSchema_andAcceptsAMigratedOne() {
    String url = database().freshUrl("validate");
    assertThatThrownBy(() -> JdbcStore.builder(url).schemaMode(SchemaMode.VALIDATE).build())
        .isInstanceOf(StoreSchemaException.class)
        .hasMessageContaining("schema is absent")
        .hasMessageContaining("SchemaMode.VALIDATE");
    JdbcStore.open(url).close();
    try (JdbcStore validated = JdbcStore.builder(url).schemaMode(SchemaMode.VALIDATE).build()) {
      assertThat(validated.schemaVersion()).isEqualTo(JdbcStore.latestSchemaVersion());
    }
  }

  @Test
  void aDatabaseThatHoldsOtherTables_getsTheSchemaBesideThem() throws Exception {
    String url = database().freshUrl("shared_schema");
    try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id INT PRIMARY KEY)");
    }
    try (JdbcStore store = JdbcStore.open(url)) {
      ServiceDesk desk = ServiceDesk.builder().repository(store.incidents()).build();
      assertThat(desk.log(ANNA, Ticket.builder().title("x").build()).id()).isEqualTo("INC-000001");
    }
  }

  // ---------------------------------------------------------------- statements per command

  @Test
  void eachCommand_runsAFixedNumberOfStatements_whateverTheHistoryLength() {
    InstrumentedDataSource ds = instrumented("statements");
    JdbcStore store = store(instrumentedPool(ds));
    ServiceDesk desk = ServiceDesk.builder().repository(store.incidents()).build();
    Incident inc = assigned(desk);
    for (int i = 0; i < 30; i++) {
      desk.comment(NILS, inc.id(), "note " + i, Visibility.INTERNAL);
    }

    ds.executed.clear();
    desk.log(ANNA, Ticket.builder().title("Printer jams").build());
    assertThat(ds.executed).as("log: %s", ds.executed).satisfiesExactly(
        s -> assertThat(s).isEqualTo(store.dialect().nextIncidentNumber()),
        s -> assertThat(s).startsWith("INSERT INTO itsm_event"),
        s -> assertThat(s).startsWith("INSERT INTO itsm_incident"));

    ds.executed.clear();
    desk.assign(ADMIN, inc.id(), Assignment.toPerson("network-ops", "nils", SupportLevel.L3));
    assertThat(ds.executed).as("assign: %s", ds.executed).hasSize(3);

    ds.executed.clear();
    desk.comment(NILS, inc.id(), "one more", Visibility.PUBLIC);
    assertThat(ds.executed).hasSize(3);
    assertThat(ds.executed.get(0)).startsWith("SELECT version, CASE WHEN version = ? THEN NULL ELSE state END");
    assertThat(ds.executed.get(1)).startsWith("INSERT INTO itsm_event");
    assertThat(ds.executed.get(2)).startsWith("UPDATE itsm_incident");

    ds.executed.clear();
    desk.proposeResolution(NILS, inc.id(), "SOLVED_FIXED", "done");
    assertThat(ds.executed).as("resolve: %s", ds.executed).hasSize(3);

    ds.executed.clear();
    desk.history(ADMIN, inc.id());
    desk.find(ADMIN, IncidentQuery.all().withTeam("network-ops"));
    assertThat(ds.executed).as("reads: %s", ds.executed).hasSize(3);
  }
}
