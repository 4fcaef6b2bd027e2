package io.itsm.rules;

import static io.itsm.rules.Tickets.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.announcement.AnnouncementContent;
import io.itsm.core.announcement.AnnouncementKind;
import io.itsm.core.announcement.AnnouncementText;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.announcement.OutageWindow;
import io.itsm.core.approval.Verdict;
import io.itsm.core.cmdb.CiDefinition;
import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.cmdb.RelationType;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of {@code announcements.drl}: triage during a known outage. */
class AnnouncementsRulesTest {

  static final Actor ADMIN = Actor.of("root", Role.ADMIN);
  static final String LOW = "Tickets about an announced outage are of low urgency";
  static final String TAG = "Tickets about an announced outage are tagged known-outage";
  static final Instant START = Tickets.MONDAY_NOON.minusSeconds(3600);

  private Announcements announcements;
  private TriageEngine engine;
  private String id;

  @BeforeEach
  void setUp() {
    Cmdb cmdb = Cmdb.builder().build();
    cmdb.register(ADMIN, CiDefinition.of("db-orders", CiType.DATABASE, "Orders DB"));
    cmdb.register(ADMIN, CiDefinition.of("svc-webshop", CiType.BUSINESS_SERVICE, "Web shop"));
    cmdb.register(ADMIN, CiDefinition.of("svc-email", CiType.BUSINESS_SERVICE, "E-mail"));
    cmdb.relate(ADMIN, Relation.of("svc-webshop", RelationType.DEPENDS_ON, "db-orders"));
    announcements = Announcements.builder().clock(java.time.Clock.fixed(START, ZoneOffset.UTC)).cmdb(cmdb).build();
    id = announcements.draft(ADMIN, AnnouncementContent.of(AnnouncementKind.UNPLANNED_OUTAGE,
        OutageWindow.from(START, ZoneOffset.UTC), "desk", "en",
        new AnnouncementText("Web shop down", "", "", "")).withCis(Set.of("db-orders"))).id();
    announcements.submit(ADMIN, id);
    announcements.decide(Actor.of("m", Role.MANAGER), id, Verdict.APPROVE, "");
    announcements.publish(ADMIN, id);
    engine = TriageEngine.builder().cmdb(cmdb).announcements(announcements).build();
  }

  @Test
  void aTicketAboutAnAnnouncedOutage_isOfLowUrgencyAndTagged() {
    TriageResult r = engine.triage(ticket("cannot order, shop says error").service("svc-webshop")
        .impact(Impact.MEDIUM).urgency(Urgency.HIGH).build());
    assertThat(r.urgency()).contains(Urgency.LOW);
    assertThat(r.priority()).contains(Priority.P4);
    assertThat(r.tags()).contains("known-outage");
    assertThat(r.decision(TriageAttribute.URGENCY).orElseThrow().rule()).isEqualTo(LOW);
    assertThat(r.decision(TriageAttribute.URGENCY).orElseThrow().reason())
        .isEqualTo("known outage: " + id + " (Web shop down) is active; the work is tracked there");
    assertThat(r.contributing(TriageAttribute.URGENCY)).extracting(d -> d.rule())
        .containsExactly("Reported urgency stands", LOW);
  }

  @Test
  void aTicketAboutTheFailedItemItself_matchesToo() {
    assertThat(engine.triage(ticket("db errors").configurationItem("db-orders").build()).tags())
        .contains("known-outage");
  }

  @Test
  void ticketsAboutOtherServices_orBeforeTheWindow_areUntouched() {
    TriageResult mail = engine.triage(ticket("mail slow").service("svc-email").urgency(Urgency.HIGH).build());
    assertThat(mail.urgency()).contains(Urgency.HIGH);
    assertThat(mail.firedRules()).doesNotContain(LOW, TAG);
    TriageResult before = engine.triage(ticket("cannot order").service("svc-webshop").urgency(Urgency.HIGH)
        .openedAt(START.minusSeconds(1)).build());
    assertThat(before.firedRules()).doesNotContain(LOW, TAG);
  }

  @Test
  void anEndedAnnouncement_isNoLongerSeen() {
    announcements.end(ADMIN, id, "fixed");
    assertThat(engine.triage(ticket("cannot order").service("svc-webshop").build()).firedRules())
        .doesNotContain(LOW, TAG);
  }
}
