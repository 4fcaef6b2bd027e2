package io.itsm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ServiceDesk;
import io.itsm.core.StaleRecordException;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.approval.Verdict;
import io.itsm.core.cmdb.ChangePlan;
import io.itsm.core.cmdb.ChangeRequest;
import io.itsm.core.cmdb.ChangeRequests;
import io.itsm.core.cmdb.AttributeChange;
import io.itsm.core.cmdb.CiEvent;
import io.itsm.core.cmdb.CiQuery;
import io.itsm.core.cmdb.CiUpdate;
import io.itsm.core.cmdb.CiUpdateSet;
import io.itsm.core.cmdb.CiUpdated;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Ticket;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.kernel.Stores;
import io.itsm.core.notification.InMemoryRecipientDirectory;
import io.itsm.core.notification.Notification;
import io.itsm.core.notification.NotificationQuery;
import io.itsm.core.notification.Notifications;
import io.itsm.core.notification.Recipient;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import io.itsm.core.cmdb.CmdbRepository;
import io.itsm.core.notification.NotificationStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The practices' repository contract on a fresh database of the subclass's kind for each test,
 * and what only a database can do: outlive the application, be backed up and restored, be shared
 * by two application instances, and hold a row edited by hand.
 */
abstract class JdbcPracticeRepositoriesContract extends PracticeRepositoriesContract {

  private final List<JdbcStore> opened = new ArrayList<>();
  String url;
  JdbcStore store;

  abstract TestDatabase database();

  JdbcStore open(String jdbcUrl) {
    JdbcStore s = JdbcStore.open(jdbcUrl);
    opened.add(s);
    return s;
  }

  @Override
  Stores newStores() {
    url = database().freshUrl("practices");
    store = open(url);
    return store.stores();
  }

  @AfterEach
  void closeStores() {
    opened.forEach(JdbcStore::close);
  }

  /** The outage story's records: items, a completed change, a published announcement, a notice. */
  void writeTheStory(Kernel kernel) {
    Cmdb cmdb = sample(Cmdb.builder().kernel(kernel).build());
    ChangeRequests changes = ChangeRequests.builder(cmdb).build();
    ChangeRequest c = changes.request(AGENT, failover());
    changes.decide(MANAGER, c.id(), Verdict.APPROVE, "go");
    changes.decide(SENIOR, c.id(), Verdict.APPROVE, "go");
    changes.start(DBA, c.id());
    changes.complete(DBA, c.id(), "promoted node-b");
    changes.verify(LEAD, c.id(), "orders flow again");
    Announcements announcements = Announcements.builder().kernel(kernel).cmdb(cmdb).build();
    String a = announcements.draft(AGENT, outage(T0)).id();
    announcements.submit(AGENT, a);
    announcements.decide(MANAGER, a, Verdict.APPROVE, "");
    announcements.decide(SENIOR, a, Verdict.APPROVE, "");
    announcements.publish(LEAD, a);
    try (Notifications n = Notifications.builder().kernel(kernel).policy(TELL_CALLER)
        .recipients(InMemoryRecipientDirectory.of(List.of(Recipient.of("u-anna", "Anna"))))
        .build()) {
      ServiceDesk desk = ServiceDesk.builder().kernel(kernel).listener(n.incidentListener())
          .build();
      desk.log(AGENT, Ticket.builder().title("Shop down").caller(Caller.of("u-anna")).build());
    }
  }

  @Test
  void aRestartedApplication_readsEveryPracticeBack_andNewIdsGoOnAfterTheStoredOnes() {
    writeTheStory(kernel());
    List<ConfigurationItem> items = store.cmdb().find(CiQuery.all());
    List<CiEvent> dbHistory = store.cmdb().history("db-orders");
    store.close();

    JdbcStore again = open(url);
    Kernel restarted = kernel().withStores(again.stores());
    Cmdb cmdb = Cmdb.builder().kernel(restarted).build();

    assertThat(cmdb.find(ADMIN, CiQuery.all())).isEqualTo(items);
    assertThat(cmdb.history(ADMIN, "db-orders")).isEqualTo(dbHistory);
    assertThat(cmdb.impactOf(AGENT, "db-orders").services())
        .as("the graph index rebuilt from the database")
        .containsExactly("svc-checkout", "svc-payments", "svc-webshop");
    assertThat(cmdb.get(AGENT, "db-orders").attributes()).containsEntry("primary", "node-b");
    assertThat(ChangeRequests.builder(cmdb).build().request(AGENT, ChangePlan.of("Fail back", "")
            .withUpdates(List.of(CiUpdateSet.of("db-orders",
                CiUpdate.set("attributes.primary", "node-a"))))).id())
        .isEqualTo("CHG-000002");
    Announcements announcements = Announcements.builder().kernel(restarted).cmdb(cmdb).build();
    assertThat(announcements.active(clock.instant())).extracting(Announcement::id)
        .containsExactly("ANN-000001");
    assertThat(announcements.draft(AGENT, maintenance(T0.plus(Duration.ofDays(10)))).id())
        .isEqualTo("ANN-000002");
    assertThat(again.notifications().find(NotificationQuery.all()))
        .extracting(Notification::recipientId).containsExactly("u-anna");
  }

  @Test
  void aBackup_carriesEveryPracticesRecords_andRestoresThemOnAFreshDatabase() {
    writeTheStory(kernel());
    StringWriter backup = new StringWriter();

    TransferCount exported = store.exportTo(backup);

    assertThat(exported.records()).as("6 items, 1 change, 1 announcement, 1 notification")
        .isEqualTo(9);
    assertThat(backup.toString()).contains("\"aggregate\":\"configuration-item\"",
        "\"aggregate\":\"change-request\"", "\"aggregate\":\"announcement\"",
        "\"aggregate\":\"notification\"");
    JdbcStore copy = open(database().freshUrl("practices-restored"));
    assertThat(copy.importFrom(new StringReader(backup.toString()))).isEqualTo(exported);
    assertThat(copy.cmdb().find(CiQuery.all())).isEqualTo(store.cmdb().find(CiQuery.all()));
    assertThat(copy.cmdb().history("db-orders")).isEqualTo(store.cmdb().history("db-orders"));
    assertThat(copy.changes().find("CHG-000001")).isEqualTo(store.changes().find("CHG-000001"));
    assertThat(copy.changes().history("CHG-000001"))
        .isEqualTo(store.changes().history("CHG-000001"));
    assertThat(copy.announcements().find("ANN-000001"))
        .isEqualTo(store.announcements().find("ANN-000001"));
    assertThat(copy.announcements().history("ANN-000001"))
        .isEqualTo(store.announcements().history("ANN-000001"));
    assertThat(copy.notifications().find(NotificationQuery.all()))
        .isEqualTo(store.notifications().find(NotificationQuery.all()));
  }

  @Test
  void twoApplicationInstances_updatingOneItemFromOneVersion_oneWins_theOtherStoresNothing() {
    Cmdb cmdb = sample(Cmdb.builder().kernel(kernel()).build());
    JdbcStore other = open(url);
    ConfigurationItem db = store.cmdb().find("db-orders").orElseThrow();
    long v = db.version();
    CiEvent mine = new CiUpdated("db-orders", v + 1, T0, "s-dana", List.of(new AttributeChange(
        "location", Optional.empty(), Optional.of("dc-north"))), Optional.empty());
    CiEvent theirs = new CiUpdated("db-orders", v + 1, T0, "l-lars", List.of(new AttributeChange(
        "location", Optional.empty(), Optional.of("dc-south"))), Optional.empty());
    ConfigurationItem next = new ConfigurationItem(db.definition(), db.relations(), db.status(),
        db.registeredAt(), T0, v + 1);

    store.cmdb().append(v, List.of(mine), next);

    assertThatThrownBy(() -> other.cmdb().append(v, List.of(theirs), next))
        .isInstanceOf(StaleRecordException.class)
        .hasMessageContaining("configuration item db-orders");
    assertThat(other.cmdb().history("db-orders")).last().isEqualTo(mine);
    assertThat(cmdb.update(DBA, "db-orders", List.of(CiUpdate.set("location", "dc-west")))
        .version()).isEqualTo(v + 2);
  }

  @Test
  void aStateRowEditedByHand_failsReadingThatItemOnly_namingIt() throws Exception {
    sample(Cmdb.builder().kernel(kernel()).build());
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE itsm_record SET state = "
            + (database() == TestDatabase.POSTGRES ? "CAST(? AS JSONB)" : "?")
            + " WHERE aggregate_type = 'configuration-item' AND id = 'db-orders'")) {
      ps.setString(1, "{\"definition\":{\"id\":\"db-orders\",\"type\":\"TOASTER\"}}");
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }

    assertThatThrownBy(() -> store.cmdb().find("db-orders"))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("the stored state of configuration item db-orders cannot be read")
        .hasMessageContaining("restore the record from a backup");
    assertThat(store.cmdb().find("app-shop")).isPresent();
    assertThat(store.cmdb().history("db-orders")).isNotEmpty();
  }

  // ------------------------------------------- several items in one transaction (schema 3)

  /** An update of one attribute of an item, numbered on from {@code version}. */
  static CmdbRepository.Append locationOf(ConfigurationItem ci, long version, String location) {
    CiEvent e = new CiUpdated(ci.id(), version + 1, T0, "s-dana", List.of(new AttributeChange(
        "location", Optional.empty(), Optional.of(location))), Optional.empty());
    return new CmdbRepository.Append(version, List.of(e), new ConfigurationItem(ci.definition(),
        ci.relations(), ci.status(), ci.registeredAt(), T0, version + 1));
  }

  @Test
  void cmdb_aWriteOfSeveralItems_failingOnTheSecond_storesNoneOfThem() {
    sample(Cmdb.builder().kernel(kernel()).build());
    JdbcCmdbRepository repo = store.cmdb();
    ConfigurationItem app = repo.find("app-shop").orElseThrow();
    ConfigurationItem db = repo.find("db-orders").orElseThrow();
    ConfigurationItem mail = repo.find("svc-email").orElseThrow();
    List<CiEvent> dbHistory = repo.history("db-orders");

    assertThatThrownBy(() -> repo.appendAll(List.of(locationOf(app, app.version(), "dc-north"),
            locationOf(db, db.version() - 1, "dc-north"),
            locationOf(mail, mail.version(), "dc-north"))))
        .isInstanceOf(StaleRecordException.class)
        .hasMessageContaining("configuration item db-orders");

    assertThat(repo.find("app-shop")).as("written before the stale one, rolled back")
        .contains(app);
    assertThat(repo.history("app-shop")).hasSize((int) app.version());
    assertThat(repo.find("db-orders")).contains(db);
    assertThat(repo.history("db-orders")).isEqualTo(dbHistory);
    assertThat(repo.find("svc-email")).contains(mail);

    repo.appendAll(List.of(locationOf(app, app.version(), "dc-north"),
        locationOf(mail, mail.version(), "dc-north")));
    assertThat(repo.find("app-shop").orElseThrow().version()).isEqualTo(app.version() + 1);
    assertThat(repo.find("svc-email").orElseThrow().version()).isEqualTo(mail.version() + 1);
  }

  // ------------------------------------------------ ids from the store (schema 3)

  @Test
  void twoApplicationInstances_draftingAndRequestingAtOnce_neverGetTheSameId() throws Exception {
    Cmdb cmdbA = sample(Cmdb.builder().kernel(kernel()).build());
    JdbcStore other = open(url);
    Kernel kernelB = kernel().withStores(other.stores());
    Cmdb cmdbB = Cmdb.builder().kernel(kernelB).build();
    List<Announcements> announcements = List.of(
        Announcements.builder().kernel(kernel()).cmdb(cmdbA).build(),
        Announcements.builder().kernel(kernelB).cmdb(cmdbB).build());
    List<ChangeRequests> changes = List.of(ChangeRequests.builder(cmdbA).build(),
        ChangeRequests.builder(cmdbB).build());
    int each = 12;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<String>>> done = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int instance = t;
        done.add(pool.submit(() -> {
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            Instant start = T0.plus(Duration.ofDays(1 + instance * 100L + i));
            ids.add(announcements.get(instance).draft(AGENT, maintenance(start)).id());
            ids.add(changes.get(instance).request(AGENT, failover()).id());
          }
          return ids;
        }));
      }
      Set<String> ids = new HashSet<>();
      for (Future<List<String>> f : done) {
        ids.addAll(f.get(2, TimeUnit.MINUTES));
      }
      assertThat(ids).as("every id once").hasSize(4 * each);
      assertThat(store.announcements().count()).isEqualTo(2L * each);
      assertThat(store.changes().count()).isEqualTo(2L * each);
      assertThat(ids).contains("ANN-000001", "ANN-0000" + (2 * each), "CHG-000001",
          "CHG-0000" + (2 * each));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anAnnouncementPublishedByAnotherInstance_isActiveHereAfterReloadPublished() {
    Cmdb cmdbA = sample(Cmdb.builder().kernel(kernel()).build());
    Kernel kernelB = kernel().withStores(open(url).stores());
    Announcements here = Announcements.builder().kernel(kernelB)
        .cmdb(Cmdb.builder().kernel(kernelB).build()).build();
    Announcements there = Announcements.builder().kernel(kernel()).cmdb(cmdbA).build();
    String a = there.draft(AGENT, outage(T0)).id();
    there.submit(AGENT, a);
    there.decide(MANAGER, a, Verdict.APPROVE, "");
    there.decide(SENIOR, a, Verdict.APPROVE, "");
    there.publish(LEAD, a);
    assertThat(here.active(T0)).as("the published list is kept per instance").isEmpty();

    here.reloadPublished();

    assertThat(here.active(T0)).extracting(Announcement::id).containsExactly(a);
    assertThat(here.activeFor("svc-webshop", null, T0)).extracting(Announcement::id)
        .containsExactly(a);
  }

  // ---------------------------------------------- due notifications by index (schema 3)

  static Notification copy(Notification n, String id, Instant due) {
    return new Notification(id, n.source(), n.subjectId(), n.eventType(), n.recipientId(),
        n.channel(), n.address(), n.language(), n.template(), n.subject(), n.body(), n.rule(),
        n.reason(), n.createdAt(), n.timing(), n.scheduledBy(), due, n.status(), n.attempts());
  }

  @Test
  void notifications_dueOnes_areReadThroughTheDueIndex_soonestFirst_alsoRowsWithoutADueTime()
      throws Exception {
    try (Notifications n = Notifications.builder().kernel(kernel()).policy(TELL_CALLER)
        .recipients(InMemoryRecipientDirectory.of(List.of(Recipient.of("u-anna", "Anna"))))
        .build()) {
      ServiceDesk.builder().kernel(kernel()).listener(n.incidentListener()).build()
          .log(AGENT, Ticket.builder().title("Shop down").caller(Caller.of("u-anna")).build());
    }
    JdbcNotificationRepository repo = store.notifications();
    Notification first = repo.find(NotificationQuery.all()).get(0);
    assertThat(first.status()).isEqualTo(NotificationStatus.PENDING);
    repo.add(copy(first, "n-later", T0.plus(Duration.ofHours(1))));
    repo.add(copy(first, "n-soon", T0.plus(Duration.ofMinutes(10))));

    assertThat(repo.nextDue()).contains(first.dueAt());
    assertThat(repo.due(T0.plus(Duration.ofMinutes(15)), 10)).extracting(Notification::id)
        .containsExactly(first.id(), "n-soon");
    assertThat(repo.due(T0.plus(Duration.ofHours(2)), 2)).extracting(Notification::id)
        .containsExactly(first.id(), "n-soon");

    try (Connection c = store.dataSource().getConnection()) {
      if (database() == TestDatabase.POSTGRES) {
        c.createStatement().execute("ANALYZE itsm_record");
        c.createStatement().execute("SET enable_seqscan = off");
      }
      try (PreparedStatement ps = c.prepareStatement("EXPLAIN SELECT id FROM itsm_record"
          + " WHERE aggregate_type = 'notification' AND status = 'PENDING'"
          + " AND due_at <= CURRENT_TIMESTAMP ORDER BY due_at, id FETCH FIRST 10 ROWS ONLY");
          ResultSet rs = ps.executeQuery()) {
        StringBuilder plan = new StringBuilder();
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
        assertThat(plan.toString().toLowerCase(java.util.Locale.ROOT)).contains("itsm_record_due");
      }
      if (database() == TestDatabase.POSTGRES) {
        c.createStatement().execute("RESET enable_seqscan");
      }
      // rows written before schema 3, or restored from a backup, have no due time
      assertThat(c.createStatement().executeUpdate("UPDATE itsm_record SET due_at = NULL"
          + " WHERE aggregate_type = 'notification'")).isEqualTo(3);
    }

    assertThat(repo.due(T0.plus(Duration.ofHours(2)), 10)).extracting(Notification::id)
        .containsExactly(first.id(), "n-soon", "n-later");
    try (Connection c = store.dataSource().getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM itsm_record"
            + " WHERE aggregate_type = 'notification' AND due_at IS NULL")) {
      rs.next();
      assertThat(rs.getLong(1)).as("their due time is set when first read").isZero();
    }

    Notification delivered = new Notification(first.id(), first.source(), first.subjectId(),
        first.eventType(), first.recipientId(), first.channel(), first.address(),
        first.language(), first.template(), first.subject(), first.body(), first.rule(),
        first.reason(), first.createdAt(), first.timing(), first.scheduledBy(), first.dueAt(),
        NotificationStatus.DELIVERED, first.attempts());
    repo.update(delivered);
    assertThat(repo.nextDue()).contains(T0.plus(Duration.ofMinutes(10)));
    assertThat(repo.due(T0.plus(Duration.ofHours(2)), 10)).extracting(Notification::id)
        .containsExactly("n-soon", "n-later");
  }
}
