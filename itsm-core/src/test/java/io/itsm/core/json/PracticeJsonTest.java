package io.itsm.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementContent;
import io.itsm.core.announcement.AnnouncementEvent;
import io.itsm.core.announcement.AnnouncementKind;
import io.itsm.core.announcement.AnnouncementText;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.announcement.OutageWindow;
import io.itsm.core.approval.Verdict;
import io.itsm.core.cmdb.ChangeEvent;
import io.itsm.core.cmdb.ChangePlan;
import io.itsm.core.cmdb.ChangeRequest;
import io.itsm.core.cmdb.ChangeRequests;
import io.itsm.core.cmdb.CiDefinition;
import io.itsm.core.cmdb.CiEvent;
import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.CiUpdate;
import io.itsm.core.cmdb.CiUpdateSet;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.cmdb.CmdbExport;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.cmdb.Criticality;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.cmdb.RelationType;
import io.itsm.core.notification.DeliveryAttempt;
import io.itsm.core.notification.DeliveryChannel;
import io.itsm.core.notification.DeliveryTiming;
import io.itsm.core.notification.Notification;
import io.itsm.core.notification.NotificationStatus;
import io.itsm.core.notification.QuietHours;
import io.itsm.core.notification.Recipient;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every CMDB, change, announcement and notification type written by real commands reads back equal. */
class PracticeJsonTest {

  static final Actor ADMIN = Actor.of("root", Role.ADMIN);
  static final Actor AGENT = Actor.of("a-sara", Role.AGENT);
  static final Actor DBA = Actor.of("s-dana", Role.SPECIALIST, "dba");
  static final Actor MANAGER = Actor.of("m-maja", Role.MANAGER);
  static final Actor SENIOR = Actor.of("x-sven", Role.SENIOR_MANAGER);

  private final ItsmJson json = ItsmJson.defaults();
  private MutableClock clock;
  private Cmdb cmdb;

  @BeforeEach
  void setUp() {
    clock = MutableClock.at(Instant.parse("2026-11-23T08:00:00Z"));
    cmdb = Cmdb.builder().clock(clock).build();
    cmdb.register(ADMIN, CiDefinition.of("db-orders", CiType.DATABASE, "Orders DB")
        .withCriticality(Criticality.BUSINESS_CRITICAL).withSupportTeam("dba").withLocation("dc-1")
        .withAttribute("engine", "PostgreSQL"));
    cmdb.register(ADMIN, CiDefinition.of("svc-webshop", CiType.BUSINESS_SERVICE, "Web shop")
        .withAttribute("users", "100"));
    cmdb.relate(ADMIN, Relation.of("svc-webshop", RelationType.DEPENDS_ON, "db-orders"));
    clock.advance(Duration.ofHours(1));
    cmdb.update(ADMIN, "db-orders", List.of(CiUpdate.set("attributes.engine", "PostgreSQL 17"),
        CiUpdate.clear("location")));
  }

  @Test
  void itemsEventsImpactAndBackups_roundTrip() {
    for (ConfigurationItem ci : cmdb.find(ADMIN, io.itsm.core.cmdb.CiQuery.all())) {
      String text = json.cmdb().writeItem(ci);
      assertThat(json.cmdb().readItem(text)).isEqualTo(ci);
      for (CiEvent e : cmdb.history(ADMIN, ci.id())) {
        assertThat(json.cmdb().readEvent(json.cmdb().writeEvent(e))).isEqualTo(e);
      }
    }
    String impact = json.cmdb().writeImpact(cmdb.impactOf(ADMIN, "db-orders"));
    assertThat(json.cmdb().readImpact(impact)).isEqualTo(cmdb.impactOf(ADMIN, "db-orders"));
    CmdbExport backup = cmdb.export(ADMIN);
    String text = json.cmdb().writeExport(backup);
    assertThat(json.cmdb().readExport(new StringReader(text))).isEqualTo(backup);
    assertThat(text).startsWith("{\"formatVersion\":1,\"exportedAt\":\"2026-11-23T09:00:00Z\",\"items\":[{\"id\":\"db-orders\",\"events\":[{\"type\":\"CiRegistered\",\"ciId\":\"db-orders\",\"sequence\":1,");
    assertThat(json.cmdb().readDefinition("{\"id\":\"x\",\"type\":\"SERVER\",\"name\":\"X\",\"criticality\":\"LOW\"}"))
        .isEqualTo(CiDefinition.of("x", CiType.SERVER, "X").withCriticality(Criticality.LOW));
  }

  @Test
  void changeRequestsAndTheirEvents_roundTrip() {
    ChangeRequests changes = ChangeRequests.builder(cmdb).build();
    ChangePlan plan = ChangePlan.of("Upgrade", "minor").withUpdates(List.of(CiUpdateSet.of("db-orders",
        CiUpdate.set("attributes.engine", "PostgreSQL 17.1")))).withWindow(clock.instant(),
        clock.instant().plusSeconds(3600)).withPreventiveAction("PA-1");
    assertThat(json.cmdb().readPlan(json.cmdb().writePlan(plan))).isEqualTo(plan);
    String id = changes.request(AGENT, plan).id();
    changes.decide(MANAGER, id, Verdict.APPROVE, "");
    changes.decide(SENIOR, id, Verdict.APPROVE, "ok");
    changes.start(DBA, id);
    changes.complete(DBA, id, "done");
    ChangeRequest c = changes.verify(DBA, id, "verified");
    assertThat(json.cmdb().readChange(json.cmdb().writeChange(c))).isEqualTo(c);
    for (ChangeEvent e : changes.history(ADMIN, id)) {
      assertThat(json.cmdb().readChangeEvent(json.cmdb().writeChangeEvent(e))).isEqualTo(e);
    }
  }

  @Test
  void announcementsAndTheirEvents_roundTrip() {
    Announcements announcements = Announcements.builder().clock(clock).cmdb(cmdb).build();
    AnnouncementContent content = AnnouncementContent.of(AnnouncementKind.UNPLANNED_OUTAGE,
            OutageWindow.from(clock.instant(), ZoneId.of("Europe/Stockholm")), "desk@example.com", "en",
            new AnnouncementText("Shop down", "DB failed", "No orders", ""))
        .withCis(Set.of("db-orders")).withText("sv", new AnnouncementText("Butiken nere", "", "", ""))
        .withMajorIncident("INC-000001");
    assertThat(json.announcements().readContent(json.announcements().writeContent(content))).isEqualTo(content);
    String id = announcements.draft(AGENT, content).id();
    announcements.submit(AGENT, id);
    announcements.decide(MANAGER, id, Verdict.APPROVE, "");
    announcements.decide(SENIOR, id, Verdict.APPROVE, "");
    announcements.publish(MANAGER, id);
    announcements.revise(MANAGER, id, content.withWindow(OutageWindow.of(clock.instant(),
        clock.instant().plusSeconds(7200), ZoneId.of("Europe/Stockholm"))), "ends at 11:00");
    announcements.giveFeedback(Actor.endUser("u-anna"), id, false, "too late");
    announcements.linkIncident(id, "INC-000002");
    announcements.end(MANAGER, id, "works again");
    Announcement a = announcements.archive(MANAGER, id);
    assertThat(json.announcements().readAnnouncement(json.announcements().writeAnnouncement(a))).isEqualTo(a);
    assertThat(json.announcements().readList(new StringReader(json.announcements().writeList(List.of(a)))))
        .containsExactly(a);
    for (AnnouncementEvent e : announcements.history(AGENT, id)) {
      assertThat(json.announcements().readEvent(json.announcements().writeEvent(e))).isEqualTo(e);
    }
  }

  @Test
  void notificationsAndRecipients_roundTrip() {
    Notification n = new Notification("incident/INC-1#1/u-a/incident-logged/EMAIL", "incident/INC-1#1", "INC-1",
        "IncidentLogged", "u-a", DeliveryChannel.EMAIL, "a@example.com", "sv", "incident-logged", "Hej", "Body",
        "A rule", "because", clock.instant(), DeliveryTiming.LATER, Optional.of("Quiet hours"),
        clock.instant().plusSeconds(60), NotificationStatus.PENDING,
        List.of(new DeliveryAttempt(clock.instant(), Optional.of("timeout"))));
    assertThat(json.notifications().readNotification(json.notifications().writeNotification(n))).isEqualTo(n);
    Recipient r = Recipient.of("u-a", "Anna").withAddress(DeliveryChannel.SMS, "+46").withLanguage("sv")
        .withZone(ZoneId.of("Europe/Stockholm")).withRole(Role.TEAM_LEAD, "dba").withServices(Set.of("svc-webshop"))
        .withQuietHours(QuietHours.of(LocalTime.of(22, 0), LocalTime.of(7, 0))).withDigest(true);
    assertThat(json.notifications().readRecipients(new StringReader(json.notifications().writeRecipients(List.of(r)))))
        .containsExactly(r);
  }

  @Test
  void badDocuments_nameThePathAndWhatIsAllowed() {
    assertThatThrownBy(() -> json.cmdb().readDefinition("{\"id\":\"x\",\"type\":\"SERVR\",\"name\":\"X\",\"criticality\":\"LOW\"}"))
        .isInstanceOf(JsonFormatException.class).hasMessageContaining("type: 'SERVR' is not one of BUSINESS_SERVICE,");
    assertThatThrownBy(() -> json.cmdb().readEvent("{\"type\":\"CiExploded\"}"))
        .hasMessageContaining("type: 'CiExploded' is not one of CiRegistered, CiUpdated, CiRetired,"
            + " RelationAdded, RelationRemoved");
    assertThatThrownBy(() -> json.cmdb().readDefinition("{\"id\":\"bad id\",\"type\":\"SERVER\",\"name\":\"X\",\"criticality\":\"LOW\"}"))
        .hasMessageContaining("configuration item id must be letters, digits");
    assertThatThrownBy(() -> json.announcements().readContent("{\"kind\":\"MAINTENANCE\",\"services\":[\"s\"],"
        + "\"window\":{\"start\":\"2026-11-23T10:00:00Z\",\"estimatedEnd\":\"2026-11-23T09:00:00Z\",\"zone\":\"UTC\"},"
        + "\"contact\":\"c\",\"channels\":[\"EMAIL\"],\"defaultLanguage\":\"en\",\"texts\":{\"en\":{\"title\":\"t\"}}}"))
        .hasMessageContaining("window would end before it starts");
    assertThatThrownBy(() -> json.announcements().readContent("{\"kind\":\"MAINTENANCE\",\"services\":[\"s\"],"
        + "\"window\":{\"start\":\"2026-11-23T10:00:00Z\",\"zone\":\"Mars/Olympus\"},"
        + "\"contact\":\"c\",\"channels\":[\"FAX\"],\"defaultLanguage\":\"en\",\"texts\":{\"en\":{\"title\":\"t\"}}}"))
        .hasMessageContaining("window.zone: 'Mars/Olympus' is not a time zone");
    assertThatThrownBy(() -> json.notifications().readTemplates("{\"defaultLanguage\":\"en\",\"languages\":[\"en\"],"
        + "\"templates\":[{\"name\":\"digest\",\"event\":\"Digest\",\"texts\":{\"en\":{\"subject\":\"{digest.cont}\",\"body\":\"\"}}}]}"))
        .hasMessageContaining("uses unknown field {digest.cont} for Digest (did you mean {digest.count}?)");
  }

  @Test
  void badValues_ofThePractices_nameTheirPath() {
    assertThatThrownBy(() -> json.cmdb().readDefinition(
        "{\"id\":\"x\",\"type\":\"SERVER\",\"name\":\"X\",\"criticality\":\"LOW\",\"atributes\":{}}"))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("unknown property 'atributes' at $; known properties: id, type, name,")
        .hasMessageContaining("did you mean 'attributes'?");
    assertThatThrownBy(() -> json.cmdb().readDefinition("{\"id\":\"x\",\"type\":\"SERVER\",\"name\":\"X\"}"))
        .hasMessageStartingWith("criticality: required, but missing");
    assertThatThrownBy(() -> json.cmdb().readExport("{\"formatVersion\":1,\"exportedAt\":\"2026-11-23T10:00:00Z\","
        + "\"items\":[{\"id\":\"a\",\"events\":[" + RETIRED + "]},{\"id\":\"a\",\"events\":[" + RETIRED + "]}]}"))
        .isInstanceOfSatisfying(JsonFormatException.class, e -> assertThat(e.getPath()).isEqualTo("$.items[1]"))
        .hasMessageStartingWith("items[1] is the history of a, which appears twice in the backup");
    assertThatThrownBy(() -> json.announcements().readEvent("{\"type\":\"AnnouncementSubmitted\","
        + "\"announcementId\":\"A\",\"sequence\":1,\"at\":\"2026-11-23T10:00:00Z\",\"actor\":\"x\",\"leadTime\":\"3 days\"}"))
        .hasMessageStartingWith("leadTime: '3 days' is not an ISO-8601 duration such as PT72H or P3D");
    assertThatThrownBy(() -> json.announcements().readContent("{\"kind\":\"MAINTENANCE\",\"services\":[\"s\"],"
        + "\"window\":{\"start\":\"2026-11-23T10:00:00Z\",\"zone\":5},\"contact\":\"c\",\"channels\":[\"EMAIL\"],"
        + "\"defaultLanguage\":\"en\",\"texts\":{\"en\":{\"title\":\"t\"}}}"))
        .hasMessageStartingWith("window.zone: expected a time zone such as Europe/Stockholm, but was a number 5");
    assertThatThrownBy(() -> json.announcements().readContent("{\"kind\":\"MAINTENANCE\",\"services\":[\"s\"],"
        + "\"window\":{\"start\":\"2026-11-23T10:00:00Z\",\"zone\":\"UTC\"},\"contact\":\"c\",\"channels\":[\"FAX\"],"
        + "\"defaultLanguage\":\"en\",\"texts\":{\"en\":{\"title\":\"t\"}}}"))
        .hasMessageStartingWith("channels[0]: 'FAX' is not one of EMAIL, PORTAL, SMS, CHAT, PUSH");
    assertThatThrownBy(() -> json.notifications().readRecipients("{\"formatVersion\":1,\"recipients\":[{\"id\":\"u\","
        + "\"name\":\"U\",\"quietHours\":{\"from\":\"25:00\",\"to\":\"07:00\"}}]}"))
        .hasMessageStartingWith("recipients[0].quietHours.from: '25:00' is not a time of day such as 22:00");
    assertThatThrownBy(() -> json.notifications().readRecipients("{\"formatVersion\":1,\"recipients\":[{\"id\":\"u\","
        + "\"name\":\"U\",\"addresses\":{\"FAX\":\"1\"}}]}"))
        .hasMessageStartingWith("recipients[0].addresses: 'FAX' is not one of EMAIL, PORTAL, SMS, CHAT, PUSH");
    assertThatThrownBy(() -> json.notifications().readRecipients("{\"formatVersion\":2,\"recipients\":[]}"))
        .hasMessageStartingWith("formatVersion: this reader understands format version 1, but the document has 2");
  }

  @Test
  void recipientFiles_defaultZoneAndDigest_whenLeftOut() {
    Recipient r = json.notifications().readRecipients("{\"recipients\":[{\"id\":\"u\",\"name\":\"U\"}]}").get(0);

    assertThat(r.zone()).isEqualTo(java.time.ZoneOffset.UTC);
    assertThat(r.digest()).isFalse();
  }

  private static final String RETIRED =
      "{\"type\":\"CiRetired\",\"ciId\":\"a\",\"sequence\":1,\"at\":\"2026-11-23T10:00:00Z\",\"actor\":\"x\"}";

  static Instant at(String s) {
    return Instant.parse(s);
  }
}
