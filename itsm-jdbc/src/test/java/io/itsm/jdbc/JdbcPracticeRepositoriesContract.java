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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
}
