package io.itsm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.StaleRecordException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.access.Role;
import io.itsm.core.access.RoleBasedAccessPolicy;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementContent;
import io.itsm.core.announcement.AnnouncementKind;
import io.itsm.core.announcement.AnnouncementQuery;
import io.itsm.core.announcement.AnnouncementRepository;
import io.itsm.core.announcement.AnnouncementStatus;
import io.itsm.core.announcement.AnnouncementText;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.announcement.OutageWindow;
import io.itsm.core.approval.Verdict;
import io.itsm.core.cmdb.ChangePlan;
import io.itsm.core.cmdb.ChangeQuery;
import io.itsm.core.cmdb.ChangeRepository;
import io.itsm.core.cmdb.ChangeRequest;
import io.itsm.core.cmdb.ChangeRequests;
import io.itsm.core.cmdb.ChangeStatus;
import io.itsm.core.cmdb.CiAuditQuery;
import io.itsm.core.cmdb.CiDefinition;
import io.itsm.core.cmdb.CiEvent;
import io.itsm.core.cmdb.CiQuery;
import io.itsm.core.cmdb.CiStatus;
import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.CiUpdate;
import io.itsm.core.cmdb.CiUpdateSet;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.cmdb.CmdbRepository;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.cmdb.Criticality;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.cmdb.RelationType;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.kernel.Stores;
import io.itsm.core.notification.Audience;
import io.itsm.core.notification.DeliveryChannel;
import io.itsm.core.notification.DeliverySchedule;
import io.itsm.core.notification.InMemoryRecipientDirectory;
import io.itsm.core.notification.Message;
import io.itsm.core.notification.Notification;
import io.itsm.core.notification.NotificationPolicy;
import io.itsm.core.notification.NotificationQuery;
import io.itsm.core.notification.NotificationRepository;
import io.itsm.core.notification.NotificationRequest;
import io.itsm.core.notification.NotificationStatus;
import io.itsm.core.notification.NotificationSubject;
import io.itsm.core.notification.Notifications;
import io.itsm.core.notification.PendingDelivery;
import io.itsm.core.notification.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the repositories of the CMDB, change requests, announcements and notifications must do,
 * driven through their real facades on one kernel, run against each implementation (in memory, H2,
 * PostgreSQL) by a subclass that says how to make fresh, empty stores.
 */
abstract class PracticeRepositoriesContract {

  static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  static final Actor ADMIN = Actor.of("root", Role.ADMIN);
  static final Actor AGENT = Actor.of("a-sara", Role.AGENT, "service-desk");
  static final Actor DBA = Actor.of("s-dana", Role.SPECIALIST, "dba");
  static final Actor LEAD = Actor.of("l-lars", Role.TEAM_LEAD, "dba");
  static final Actor MANAGER = Actor.of("m-maja", Role.MANAGER);
  static final Actor SENIOR = Actor.of("x-sven", Role.SENIOR_MANAGER);

  MutableClock clock;
  Stores stores;

  /** Fresh, empty stores of the four repositories (and the incidents'). */
  abstract Stores newStores();

  @BeforeEach
  void createStores() {
    clock = MutableClock.at(T0);
    stores = newStores();
  }

  Kernel kernel() {
    return Kernel.ofDefaults().withClock(clock).withStores(stores).withAccessPolicy(
        RoleBasedAccessPolicy.defaults().grant(Role.SPECIALIST, Permission.CMDB_UPDATE));
  }

  <S> S store(Class<S> type) {
    return stores.find(type).orElseThrow();
  }

  /** The orders database behind three services, and a mail service. */
  static Cmdb sample(Cmdb cmdb) {
    cmdb.register(ADMIN, CiDefinition.of("db-orders", CiType.DATABASE, "Orders database")
        .withCriticality(Criticality.BUSINESS_CRITICAL).withSupportTeam("dba")
        .withAttribute("engine", "PostgreSQL 16"));
    cmdb.register(ADMIN, CiDefinition.of("app-shop", CiType.APPLICATION, "Shop application")
        .withSupportTeam("web"));
    for (String s : List.of("svc-webshop", "svc-checkout", "svc-payments", "svc-email")) {
      cmdb.register(ADMIN, CiDefinition.of(s, CiType.BUSINESS_SERVICE, s)
          .withAttribute("users", "100"));
    }
    cmdb.relate(ADMIN, Relation.of("app-shop", RelationType.DEPENDS_ON, "db-orders"));
    cmdb.relate(ADMIN, Relation.of("svc-webshop", RelationType.DEPENDS_ON, "app-shop"));
    cmdb.relate(ADMIN, Relation.of("svc-checkout", RelationType.DEPENDS_ON, "db-orders"));
    cmdb.relate(ADMIN, Relation.of("svc-payments", RelationType.DEPENDS_ON, "db-orders"));
    return cmdb;
  }

  static AnnouncementContent outage(Instant start) {
    return AnnouncementContent.of(AnnouncementKind.UNPLANNED_OUTAGE,
            OutageWindow.from(start, ZoneOffset.UTC), "desk@example.com", "en",
            new AnnouncementText("Web shop down", "The orders database failed",
                "Orders cannot be placed", "Order by phone"))
        .withCis(Set.of("db-orders"))
        .withText("de", new AnnouncementText("Webshop ausgefallen",
            "Die Bestelldatenbank ist ausgefallen", "Keine Bestellungen", "Per Telefon"));
  }

  static AnnouncementContent maintenance(Instant start) {
    return AnnouncementContent.of(AnnouncementKind.MAINTENANCE,
            OutageWindow.of(start, start.plus(Duration.ofHours(2)), ZoneOffset.UTC),
            "desk@example.com", "en", new AnnouncementText("Mail maintenance", "", "", ""))
        .withServices(Set.of("svc-email"));
  }

  static ChangePlan failover() {
    return ChangePlan.of("Fail over the orders database", "the primary's disk failed")
        .withUpdates(List.of(CiUpdateSet.of("db-orders",
            CiUpdate.set("attributes.primary", "node-b"))));
  }

  // ---------------------------------------------------------------- CMDB

  @Test
  void cmdb_itemsRelationsAndUpdates_areStored_withHistoryAuditAndImpact() {
    Cmdb cmdb = sample(Cmdb.builder().kernel(kernel()).build());
    clock.advance(Duration.ofHours(1));
    cmdb.update(DBA, "db-orders", List.of(CiUpdate.set("attributes.engine", "PostgreSQL 16.4")));
    cmdb.retire(ADMIN, "svc-email", "replaced by the new mail service");
    CmdbRepository repo = store(CmdbRepository.class);

    ConfigurationItem db = repo.find("db-orders").orElseThrow();
    assertThat(db.attributes()).containsEntry("engine", "PostgreSQL 16.4");
    assertThat(db.version()).isEqualTo(2);
    assertThat(repo.find("app-shop").orElseThrow().relations())
        .containsExactly(Relation.of("app-shop", RelationType.DEPENDS_ON, "db-orders"));
    assertThat(repo.history("db-orders")).extracting(e -> e.type() + " #" + e.sequence())
        .containsExactly("CiRegistered #1", "CiUpdated #2");
    assertThat(repo.history("nope")).isEmpty();
    assertThat(repo.find("nope")).isEmpty();
    assertThat(repo.find(CiQuery.all()).stream().map(ConfigurationItem::id))
        .containsExactly("app-shop", "db-orders", "svc-checkout", "svc-email", "svc-payments",
            "svc-webshop");
    assertThat(repo.find(CiQuery.all().withType(CiType.BUSINESS_SERVICE)
            .withStatus(CiStatus.ACTIVE)).stream().map(ConfigurationItem::id))
        .containsExactly("svc-checkout", "svc-payments", "svc-webshop");
    assertThat(repo.find(CiQuery.all().withStatus(CiStatus.RETIRED)))
        .extracting(ConfigurationItem::id).containsExactly("svc-email");
    assertThat(repo.audit(CiAuditQuery.all().withActor("s-dana")))
        .extracting(e -> e.ciId() + " " + e.type()).containsExactly("db-orders CiUpdated");
    assertThat(repo.audit(CiAuditQuery.all().from(T0.plusSeconds(1))))
        .extracting(CiEvent::ciId).containsExactly("db-orders", "svc-email");
    assertThat(cmdb.impactOf(AGENT, "db-orders").services())
        .containsExactly("svc-checkout", "svc-payments", "svc-webshop");
  }

  @Test
  void cmdb_anAppendOnAStaleVersion_isRefused_andStoresNothing() {
    Cmdb cmdb = sample(Cmdb.builder().kernel(kernel()).build());
    CmdbRepository repo = store(CmdbRepository.class);
    ConfigurationItem db = repo.find("db-orders").orElseThrow();
    List<CiEvent> before = repo.history("db-orders");
    cmdb.update(DBA, "db-orders", List.of(CiUpdate.set("location", "dc-south")));
    ConfigurationItem twice = cmdb.get(AGENT, "db-orders");

    List<CiEvent> stale = repo.history("db-orders").subList(1, 2);
    assertThatThrownBy(() -> repo.append(db.version(), stale, twice))
        .isInstanceOf(StaleRecordException.class)
        .hasMessageContaining("configuration item db-orders");
    assertThatThrownBy(() -> repo.append(0, before.subList(0, 1), db))
        .as("registering an existing id").isInstanceOf(StaleRecordException.class);
    assertThat(repo.history("db-orders")).hasSize(2);
    assertThat(repo.find("db-orders").orElseThrow().location()).contains("dc-south");
  }

  // ---------------------------------------------------------------- change requests

  @Test
  void changes_areStoredThroughTheirLifecycle_andFoundByStatusAndItem() {
    Cmdb cmdb = sample(Cmdb.builder().kernel(kernel()).build());
    ChangeRequests changes = ChangeRequests.builder(cmdb).build();
    ChangeRepository repo = store(ChangeRepository.class);

    ChangeRequest c = changes.request(AGENT, failover());
    ChangeRequest other = changes.request(AGENT, ChangePlan.of("Rename mail", "")
        .withUpdates(List.of(CiUpdateSet.of("svc-email", CiUpdate.set("name", "Mail")))));
    assertThat(List.of(c.id(), other.id())).containsExactly("CHG-000001", "CHG-000002");
    for (Actor a : List.of(MANAGER, SENIOR)) {
      if (changes.get(ADMIN, c.id()).status() == ChangeStatus.PENDING_APPROVAL) {
        changes.decide(a, c.id(), Verdict.APPROVE, "go");
      }
    }
    changes.start(DBA, c.id());
    changes.complete(DBA, c.id(), "promoted node-b");
    changes.verify(LEAD, c.id(), "orders flow again");

    assertThat(repo.find(c.id()).orElseThrow().status()).isEqualTo(ChangeStatus.COMPLETED);
    assertThat(repo.find(c.id())).contains(changes.get(ADMIN, c.id()));
    assertThat(repo.history(c.id()).get(0).type()).isEqualTo("ChangeRequested");
    assertThat(repo.history(c.id())).hasSize((int) repo.find(c.id()).orElseThrow().version());
    assertThat(repo.find(ChangeQuery.all())).extracting(ChangeRequest::id)
        .containsExactly("CHG-000001", "CHG-000002");
    assertThat(repo.find(ChangeQuery.all().withStatus(ChangeStatus.COMPLETED)))
        .extracting(ChangeRequest::id).containsExactly("CHG-000001");
    assertThat(repo.find(ChangeQuery.all().withCi("svc-email")))
        .extracting(ChangeRequest::id).containsExactly("CHG-000002");
    assertThat(store(CmdbRepository.class).find("db-orders").orElseThrow().attributes())
        .as("the verified change's update, in the CMDB's store").containsEntry("primary", "node-b");
    assertThat(repo.find("CHG-000404")).isEmpty();
  }

  // ---------------------------------------------------------------- announcements

  @Test
  void announcements_areStoredFromDraftToArchive_andSearchable() {
    Cmdb cmdb = sample(Cmdb.builder().kernel(kernel()).build());
    Announcements announcements = Announcements.builder().kernel(kernel()).cmdb(cmdb).build();
    AnnouncementRepository repo = store(AnnouncementRepository.class);

    Announcement drafted = announcements.draft(AGENT, outage(T0));
    String id = drafted.id();
    String planned = announcements.draft(AGENT, maintenance(T0.plus(Duration.ofDays(10)))).id();
    announcements.submit(AGENT, id);
    announcements.decide(MANAGER, id, Verdict.APPROVE, "");
    announcements.decide(SENIOR, id, Verdict.APPROVE, "go");
    clock.advance(Duration.ofMinutes(5));
    announcements.publish(LEAD, id);

    assertThat(announcements.active(clock.instant())).extracting(Announcement::id)
        .containsExactly(id);
    assertThat(repo.find(AnnouncementQuery.all())).extracting(Announcement::id)
        .as("newest window first").containsExactly(planned, id);
    assertThat(repo.find(AnnouncementQuery.all().withStatuses(Set.of(AnnouncementStatus.DRAFT))))
        .extracting(Announcement::id).containsExactly(planned);

    announcements.end(LEAD, id, "the shop works again");
    Announcement archived = announcements.archive(LEAD, id);

    assertThat(repo.find(id)).contains(archived);
    assertThat(repo.find(id).orElseThrow().content().texts()).containsKeys("en", "de");
    assertThat(repo.history(id)).extracting(e -> e.type()).startsWith("AnnouncementDrafted")
        .endsWith("AnnouncementArchived");
    assertThat(repo.history(id)).hasSize((int) archived.version());
    assertThat(repo.find(AnnouncementQuery.all().withStatuses(Set.of(AnnouncementStatus.ARCHIVED))
        .withService("svc-webshop"))).extracting(Announcement::id).containsExactly(id);
    assertThat(repo.find("ANN-000404")).isEmpty();
    assertThat(repo.history("ANN-000404")).isEmpty();
    assertThatThrownBy(() -> repo.append(0, repo.history(id).subList(0, 1), drafted))
        .isInstanceOf(StaleRecordException.class).hasMessageContaining("announcement " + id);
  }

  // ---------------------------------------------------------------- notifications

  /** Tells the caller of a logged incident. */
  static final NotificationPolicy TELL_CALLER = new NotificationPolicy() {
    @Override
    public List<NotificationRequest> decide(NotificationSubject s) {
      return s.event().type().equals("IncidentLogged") && s.incident().caller().isPresent()
          ? List.of(new NotificationRequest(Audience.CALLER, Optional.empty(), Optional.empty(),
              "incident-logged", "test", "acknowledge"))
          : List.of();
    }

    @Override
    public DeliverySchedule schedule(PendingDelivery pending) {
      return DeliverySchedule.now();
    }

    @Override
    public Set<String> templates() {
      return Set.of("incident-logged");
    }
  };

  @Test
  void notifications_areStoredOncePerEvent_deliveredAndQueryable() {
    List<Message> sent = Collections.synchronizedList(new ArrayList<>());
    Notifications notifications = Notifications.builder().kernel(kernel()).policy(TELL_CALLER)
        .publisher(sent::add)
        .recipients(InMemoryRecipientDirectory.of(List.of(
            Recipient.of("u-anna", "Anna").withAddress(DeliveryChannel.EMAIL, "anna@example.com"),
            Recipient.of("u-bert", "Bert").withAddress(DeliveryChannel.EMAIL, "bert@example.com"))))
        .build();
    try (notifications) {
      ServiceDesk desk = ServiceDesk.builder().kernel(kernel())
          .listener(notifications.incidentListener()).build();
      Incident anna = desk.log(AGENT,
          Ticket.builder().title("Printer jams").caller(Caller.of("u-anna")).build());
      clock.advance(Duration.ofMinutes(1));
      Incident bert = desk.log(AGENT,
          Ticket.builder().title("No mail").caller(Caller.of("u-bert")).build());
      NotificationRepository repo = store(NotificationRepository.class);

      Notification first = repo.find(NotificationQuery.all().about(anna.id())).get(0);
      assertThat(repo.add(first)).as("once per event").isFalse();
      assertThat(notifications.record(desk.history(AGENT, anna.id()).get(0), anna))
          .as("hearing the event again").isEmpty();
      assertThat(repo.find(NotificationQuery.all())).extracting(Notification::subjectId)
          .containsExactly(anna.id(), bert.id());
      assertThat(repo.nextDue()).contains(T0);
      assertThat(repo.due(clock.instant(), 1)).extracting(Notification::subjectId)
          .containsExactly(anna.id());

      assertThat(notifications.deliverDue(clock.instant())).isEqualTo(2);

      assertThat(sent).extracting(Message::address)
          .containsExactlyInAnyOrder("anna@example.com", "bert@example.com");
      assertThat(repo.find(first.id()).orElseThrow().status())
          .isEqualTo(NotificationStatus.DELIVERED);
      assertThat(repo.find(first.id()).orElseThrow().attempts()).hasSize(1);
      assertThat(repo.due(clock.instant(), 10)).isEmpty();
      assertThat(repo.nextDue()).isEmpty();
      assertThat(repo.find(NotificationQuery.all().withRecipient("u-bert")
          .withStatus(NotificationStatus.DELIVERED))).extracting(Notification::subjectId)
          .containsExactly(bert.id());
      assertThat(notifications.deliverDue(clock.instant())).as("nothing sent twice").isZero();
      assertThat(sent).hasSize(2);
      Notification unknown = new Notification("nope", first.source(), first.subjectId(),
          first.eventType(), first.recipientId(), first.channel(), first.address(),
          first.language(), first.template(), first.subject(), first.body(), first.rule(),
          first.reason(), first.createdAt(), first.timing(), first.scheduledBy(), first.dueAt(),
          first.status(), first.attempts());
      assertThatThrownBy(() -> repo.update(unknown))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }
  }
}
