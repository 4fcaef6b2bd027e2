package io.itsm.core.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.RecordNotFoundException;
import io.itsm.core.RecordStateException;
import io.itsm.core.ServiceDesk;
import io.itsm.core.MutableClock;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.approval.Approver;
import io.itsm.core.approval.Verdict;
import io.itsm.core.cmdb.CiDefinition;
import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.cmdb.Criticality;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.cmdb.RelationType;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.Linked;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.LinkType;
import io.itsm.core.incident.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnnouncementsTest {

  static final Actor ADMIN = Actor.of("root", Role.ADMIN);
  static final Actor AGENT = Actor.of("a-sara", Role.AGENT, "service-desk");
  static final Actor LEAD = Actor.of("l-lars", Role.TEAM_LEAD, "service-desk");
  static final Actor MANAGER = Actor.of("m-maja", Role.MANAGER);
  static final Actor SENIOR = Actor.of("x-sven", Role.SENIOR_MANAGER);
  static final Actor USER = Actor.endUser("u-anna");
  static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  private MutableClock clock;
  private Cmdb cmdb;
  private Announcements announcements;
  private final List<String> heard = new ArrayList<>();

  @BeforeEach
  void setUp() {
    clock = MutableClock.at(Instant.parse("2026-11-23T08:00:00Z"));
    cmdb = Cmdb.builder().clock(clock).build();
    cmdb.register(ADMIN, CiDefinition.of("db-orders", CiType.DATABASE, "Orders DB")
        .withCriticality(Criticality.BUSINESS_CRITICAL).withSupportTeam("dba"));
    cmdb.register(ADMIN, CiDefinition.of("app-shop", CiType.APPLICATION, "Shop app"));
    for (String s : List.of("svc-webshop", "svc-checkout", "svc-payments", "svc-email")) {
      cmdb.register(ADMIN, CiDefinition.of(s, CiType.BUSINESS_SERVICE, s).withAttribute("users", "100"));
    }
    cmdb.relate(ADMIN, Relation.of("app-shop", RelationType.DEPENDS_ON, "db-orders"));
    cmdb.relate(ADMIN, Relation.of("svc-webshop", RelationType.DEPENDS_ON, "app-shop"));
    cmdb.relate(ADMIN, Relation.of("svc-checkout", RelationType.DEPENDS_ON, "db-orders"));
    cmdb.relate(ADMIN, Relation.of("svc-payments", RelationType.DEPENDS_ON, "db-orders"));
    announcements = Announcements.builder().clock(clock).cmdb(cmdb)
        .listener((e, a) -> heard.add(e.type())).build();
  }

  static AnnouncementContent outage(Instant start) {
    return AnnouncementContent.of(AnnouncementKind.UNPLANNED_OUTAGE, OutageWindow.from(start, STOCKHOLM),
            "servicedesk@example.com", "en",
            new AnnouncementText("Web shop and checkout unavailable", "The orders database failed",
                "Orders cannot be placed", "Order by phone"))
        .withCis(Set.of("db-orders"))
        .withText("de", new AnnouncementText("Webshop und Kasse nicht verfügbar",
            "Die Bestelldatenbank ist ausgefallen", "Keine Bestellungen möglich", "Bestellen Sie per Telefon"));
  }

  @Test
  void anUnplannedOutage_isApprovedPublishedUpdatedEndedAndArchived() {
    Announcement a = announcements.draft(AGENT, outage(clock.instant()));
    assertThat(a.id()).isEqualTo("ANN-000001");
    assertThat(a.status()).isEqualTo(AnnouncementStatus.DRAFT);
    assertThat(a.reach()).containsExactly("svc-checkout", "svc-payments", "svc-webshop");
    String id = a.id();

    a = announcements.submit(AGENT, id);
    assertThat(a.status()).isEqualTo(AnnouncementStatus.PENDING_APPROVAL);
    assertThat(a.approval().orElseThrow().stages()).hasSize(2);
    AnnouncementSubmitted submitted = (AnnouncementSubmitted) announcements.history(AGENT, id).get(1);
    assertThat(submitted.reasons()).anySatisfy(r -> assertThat(r).contains("needs senior management"));
    announcements.decide(MANAGER, id, Verdict.APPROVE, "");
    a = announcements.decide(SENIOR, id, Verdict.APPROVE, "go");
    assertThat(a.status()).isEqualTo(AnnouncementStatus.APPROVED);
    assertThat(announcements.active(clock.instant())).isEmpty();

    clock.advance(Duration.ofMinutes(5));
    a = announcements.publish(LEAD, id);
    assertThat(a.publishedAt()).contains(clock.instant());
    assertThat(announcements.active(clock.instant())).extracting(Announcement::id).containsExactly(id);
    assertThat(announcements.activeFor("svc-webshop", null, clock.instant())).hasSize(1);
    assertThat(announcements.activeFor(null, "app-shop", clock.instant()))
        .as("through the graph: app-shop's failure reaches the web shop").hasSize(1);
    assertThat(announcements.activeFor("svc-email", null, clock.instant())).isEmpty();

    clock.advance(Duration.ofHours(1));
    AnnouncementContent extended = a.content().withWindow(
        OutageWindow.of(a.content().window().start(), clock.instant().plus(Duration.ofHours(3)), STOCKHOLM));
    a = announcements.revise(LEAD, id, extended, "estimated end: in three hours");
    assertThat(a.revision()).isEqualTo(2);
    AnnouncementRevised revised = (AnnouncementRevised) announcements.history(AGENT, id).get(5);
    assertThat(revised.windowExtended()).as("an open window getting an end is not an extension").isFalse();
    a = announcements.revise(LEAD, id, a.content().withWindow(a.content().window()
        .withEstimatedEnd(clock.instant().plus(Duration.ofHours(5)))), "two more hours");
    assertThat(((AnnouncementRevised) announcements.history(AGENT, id).get(6)).windowExtended()).isTrue();
    assertThat(a.revisions()).extracting(AnnouncementRevision::whatChanged)
        .containsExactly("drafted", "estimated end: in three hours", "two more hours");

    a = announcements.giveFeedback(USER, id, true, "thanks for telling us");
    assertThatThrownBy(() -> announcements.giveFeedback(USER, id, false, ""))
        .hasMessage("user u-anna already gave feedback on announcement ANN-000001");
    a = announcements.end(LEAD, id, "the shop works again");
    assertThat(announcements.active(clock.instant())).isEmpty();
    a = announcements.archive(LEAD, id);
    assertThat(a.status()).isEqualTo(AnnouncementStatus.ARCHIVED);
    assertThat(a.feedback()).singleElement().satisfies(f -> assertThat(f.helpful()).isTrue());
    assertThat(announcements.search(USER, AnnouncementQuery.archive().withService("svc-checkout")
        .withText("bestelldatenbank"))).extracting(Announcement::id).containsExactly(id);
    assertThat(announcements.search(USER, AnnouncementQuery.archive().withService("svc-email"))).isEmpty();
    assertThat(AnnouncementHistory.replay(announcements.history(USER, id))).isEqualTo(a);
    assertThat(heard).containsExactly("AnnouncementDrafted", "AnnouncementSubmitted",
        "AnnouncementApprovalDecided", "AnnouncementApprovalDecided", "AnnouncementPublished",
        "AnnouncementRevised", "AnnouncementRevised", "FeedbackGiven", "AnnouncementEnded",
        "AnnouncementArchived");
  }

  @Test
  void publishing_anUnapprovedAnnouncement_isRefused() {
    String id = announcements.draft(AGENT, outage(clock.instant())).id();
    assertThatThrownBy(() -> announcements.publish(LEAD, id)).isInstanceOf(RecordStateException.class)
        .hasMessage("announcement ANN-000001 is DRAFT: publish is allowed only when APPROVED; submit it"
            + " for approval first");
    announcements.submit(AGENT, id);
    announcements.decide(MANAGER, id, Verdict.APPROVE, "");
    assertThatThrownBy(() -> announcements.publish(LEAD, id))
        .hasMessageContaining("is PENDING_APPROVAL: publish is allowed only when APPROVED; its approval is"
            + " not complete");
    assertThat(announcements.active(clock.instant())).isEmpty();
  }

  @Test
  void aRejection_sendsItBackToDraft() {
    String id = announcements.draft(AGENT, outage(clock.instant())).id();
    announcements.submit(AGENT, id);
    Announcement a = announcements.decide(MANAGER, id, Verdict.REJECT, "add a workaround in Swedish");
    assertThat(a.status()).isEqualTo(AnnouncementStatus.DRAFT);
    a = announcements.revise(AGENT, id, a.content().withText("sv", new AnnouncementText(
        "Webbutiken är nere", "Orderdatabasen har fallerat", "Inga beställningar", "Beställ per telefon")),
        "Swedish text");
    assertThat(announcements.submit(AGENT, id).status()).isEqualTo(AnnouncementStatus.PENDING_APPROVAL);
  }

  @Test
  void badInput_isRefusedAndChangesNothing() {
    assertThatThrownBy(() -> announcements.draft(AGENT, outage(clock.instant())
        .withText("it", new AnnouncementText("Negozio chiuso", "", "", ""))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("announcement language [it] not supported; supported: de, en, es, fr, sv (configure more"
            + " with Announcements.builder().languages(...))");
    assertThatThrownBy(() -> OutageWindow.of(clock.instant(), clock.instant().minusSeconds(60), STOCKHOLM))
        .hasMessageContaining("(the window would end before it starts)");
    assertThatThrownBy(() -> announcements.draft(AGENT, outage(clock.instant()).withCis(Set.of("db-ordres"))))
        .isInstanceOf(RecordNotFoundException.class).hasMessageContaining("did you mean 'db-orders'");
    assertThatThrownBy(() -> announcements.draft(AGENT, AnnouncementContent.of(AnnouncementKind.MAINTENANCE,
        OutageWindow.from(clock.instant(), STOCKHOLM), "x", "en", new AnnouncementText("t", "", "", ""))
        .withServices(Set.of("app-shop"))))
        .hasMessageContaining("app-shop is a APPLICATION in the CMDB, not a business service");
    assertThatThrownBy(() -> AnnouncementContent.of(AnnouncementKind.MAINTENANCE,
        OutageWindow.from(clock.instant(), STOCKHOLM), "x", "en", new AnnouncementText("t", "", "", ""))
        .withServices(Set.of()))
        .hasMessageContaining("must concern at least one service or configuration item");
    assertThat(announcements.search(AGENT, AnnouncementQuery.all())).isEmpty();
    assertThat(heard).isEmpty();
  }

  @Test
  void overlappingWindows_forTheSameServices_areRefused() {
    Instant nine = Instant.parse("2026-11-23T09:00:00Z");
    announcements.draft(AGENT, outage(clock.instant()).withWindow(
        OutageWindow.of(clock.instant(), nine, STOCKHOLM)));
    AnnouncementContent maintenance = AnnouncementContent.of(AnnouncementKind.MAINTENANCE,
            OutageWindow.of(Instant.parse("2026-11-23T08:30:00Z"), Instant.parse("2026-11-23T10:00:00Z"), STOCKHOLM),
            "dba@example.com", "en", new AnnouncementText("Checkout maintenance", "", "", ""))
        .withServices(Set.of("svc-checkout"));
    assertThatThrownBy(() -> announcements.draft(AGENT, maintenance))
        .hasMessage("the window 2026-11-23T08:30:00Z – 2026-11-23T10:00:00Z (Europe/Stockholm) overlaps"
            + " announcement ANN-000001 (UNPLANNED_OUTAGE, DRAFT, 2026-11-23T08:00:00Z –"
            + " 2026-11-23T09:00:00Z (Europe/Stockholm)) for svc-checkout; revise ANN-000001 instead"
            + " (extend its window), or end it first");
    Announcement later = announcements.draft(AGENT, maintenance.withWindow(OutageWindow.of(nine,
        Instant.parse("2026-11-23T10:00:00Z"), STOCKHOLM)));
    assertThat(later.id()).as("touching windows do not overlap").isEqualTo("ANN-000002");
    Announcement feature = announcements.draft(AGENT, AnnouncementContent.of(AnnouncementKind.NEW_FEATURE,
        OutageWindow.from(clock.instant(), STOCKHOLM), "x", "en", new AnnouncementText("Pay by invoice", "", "", ""))
        .withServices(Set.of("svc-checkout")));
    assertThat(feature.id()).as("new features never overlap").isEqualTo("ANN-000003");
  }

  @Test
  void aPlannedOutage_mustBePublishedWithItsLeadTime() {
    AnnouncementPolicy threeDays = (a, reach) -> new PublishingRequirements(
        List.of(new ApprovalStage(List.of(Approver.role(Role.MANAGER)), ApprovalPolicy.any())),
        a.content().kind().isPlanned() ? Duration.ofDays(3) : Duration.ZERO,
        List.of("planned outages are announced three days ahead"));
    Announcements strict = Announcements.builder().clock(clock).policy(threeDays).build();
    AnnouncementContent planned = AnnouncementContent.of(AnnouncementKind.PLANNED_OUTAGE,
            OutageWindow.of(Instant.parse("2026-11-25T20:00:00Z"), Instant.parse("2026-11-25T22:00:00Z"), STOCKHOLM),
            "dba@example.com", "en", new AnnouncementText("Database upgrade", "", "", ""))
        .withServices(Set.of("svc-webshop"));
    String tooSoon = strict.draft(AGENT, planned).id();
    assertThatThrownBy(() -> strict.submit(AGENT, tooSoon))
        .hasMessage("PLANNED_OUTAGE announcement ANN-000001 must be published at least 3 days before its"
            + " window starts (planned outages are announced three days ahead), but the window starts at"
            + " 2026-11-25T20:00:00Z, in 60 hours; move the window later (revise it) and submit again");
    assertThat(strict.get(AGENT, tooSoon).status()).isEqualTo(AnnouncementStatus.DRAFT);
    strict.cancel(LEAD, tooSoon, "moved");
    String ok = strict.draft(AGENT, planned.withWindow(OutageWindow.of(Instant.parse("2026-11-27T20:00:00Z"),
        Instant.parse("2026-11-27T22:00:00Z"), STOCKHOLM))).id();
    strict.submit(AGENT, ok);
    strict.decide(MANAGER, ok, Verdict.APPROVE, "");
    clock.advance(Duration.ofDays(3));
    assertThatThrownBy(() -> strict.publish(LEAD, ok)).hasMessageContaining("in 36 hours");
    assertThat(strict.get(AGENT, ok).status()).isEqualTo(AnnouncementStatus.APPROVED);
  }

  @Test
  void access_draftersDraft_publishersPublish_everyoneReadsWhatIsPublished() {
    assertThatThrownBy(() -> announcements.draft(USER, outage(clock.instant())))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("ANNOUNCEMENT_DRAFT");
    String id = announcements.draft(AGENT, outage(clock.instant())).id();
    assertThatThrownBy(() -> announcements.get(USER, id)).isInstanceOf(RecordNotFoundException.class);
    announcements.submit(AGENT, id);
    announcements.decide(MANAGER, id, Verdict.APPROVE, "");
    announcements.decide(SENIOR, id, Verdict.APPROVE, "");
    assertThatThrownBy(() -> announcements.publish(AGENT, id))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("ANNOUNCEMENT_PUBLISH");
    announcements.publish(LEAD, id);
    assertThat(announcements.get(USER, id).status()).isEqualTo(AnnouncementStatus.PUBLISHED);
    Announcement a = announcements.get(AGENT, id);
    assertThatThrownBy(() -> announcements.revise(AGENT, id, a.content().withContact("x"), "x"))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void incidentsLoggedWhileItIsActive_areLinkedToItAndToTheMajorIncident() {
    AtomicReference<ServiceDesk> deskRef = new AtomicReference<>();
    ServiceDesk desk = ServiceDesk.builder().clock(clock)
        .listener(new AnnouncementLinker(announcements, deskRef::get)).build();
    deskRef.set(desk);
    Incident major = desk.log(AGENT, Ticket.builder().title("Orders database down")
        .description("primary disk failed").configurationItem("db-orders").build());
    Announcement draft = announcements.draftForIncident(AGENT, major, "servicedesk@example.com", STOCKHOLM);
    assertThat(draft.content().kind()).isEqualTo(AnnouncementKind.UNPLANNED_OUTAGE);
    assertThat(draft.content().majorIncidentId()).contains(major.id());
    assertThat(draft.reach()).containsExactly("svc-checkout", "svc-payments", "svc-webshop");
    String id = draft.id();
    announcements.submit(AGENT, id);
    announcements.decide(MANAGER, id, Verdict.APPROVE, "");
    announcements.decide(SENIOR, id, Verdict.APPROVE, "");
    announcements.publish(LEAD, id);

    Incident shop = desk.log(USER, Ticket.builder().title("cannot order").service("svc-webshop")
        .caller(Caller.of("u-anna")).build());
    Incident mail = desk.log(AGENT, Ticket.builder().title("mail slow").service("svc-email").build());
    shop = desk.get(AGENT, shop.id());
    assertThat(shop.links()).containsExactly(new Link(LinkType.RELATED, id), new Link(LinkType.PARENT, major.id()));
    assertThat(desk.history(AGENT, shop.id())).filteredOn(e -> e instanceof Linked).extracting(IncidentEvent::actor)
        .containsOnly("system");
    assertThat(desk.get(AGENT, mail.id()).links()).isEmpty();
    assertThat(announcements.get(AGENT, id).linkedIncidents()).containsExactly(shop.id());
  }
}
