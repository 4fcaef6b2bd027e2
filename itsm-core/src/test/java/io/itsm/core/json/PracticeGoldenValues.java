package io.itsm.core.json;

import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementApprovalDecided;
import io.itsm.core.announcement.AnnouncementArchived;
import io.itsm.core.announcement.AnnouncementCancelled;
import io.itsm.core.announcement.AnnouncementContent;
import io.itsm.core.announcement.AnnouncementDrafted;
import io.itsm.core.announcement.AnnouncementEnded;
import io.itsm.core.announcement.AnnouncementEvent;
import io.itsm.core.announcement.AnnouncementKind;
import io.itsm.core.announcement.AnnouncementPublished;
import io.itsm.core.announcement.AnnouncementRevised;
import io.itsm.core.announcement.AnnouncementRevision;
import io.itsm.core.announcement.AnnouncementStatus;
import io.itsm.core.announcement.AnnouncementSubmitted;
import io.itsm.core.announcement.AnnouncementText;
import io.itsm.core.announcement.Feedback;
import io.itsm.core.announcement.FeedbackGiven;
import io.itsm.core.announcement.IncidentLinked;
import io.itsm.core.announcement.OutageWindow;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.Approver;
import io.itsm.core.approval.Verdict;
import io.itsm.core.cmdb.AffectedCi;
import io.itsm.core.cmdb.AttributeChange;
import io.itsm.core.cmdb.ChangeApprovalDecided;
import io.itsm.core.cmdb.ChangeCancelled;
import io.itsm.core.cmdb.ChangeEvent;
import io.itsm.core.cmdb.ChangeFailed;
import io.itsm.core.cmdb.ChangeImplemented;
import io.itsm.core.cmdb.ChangePlan;
import io.itsm.core.cmdb.ChangeRequest;
import io.itsm.core.cmdb.ChangeRequested;
import io.itsm.core.cmdb.ChangeStarted;
import io.itsm.core.cmdb.ChangeStatus;
import io.itsm.core.cmdb.ChangeVerified;
import io.itsm.core.cmdb.CiDefinition;
import io.itsm.core.cmdb.CiEvent;
import io.itsm.core.cmdb.CiRegistered;
import io.itsm.core.cmdb.CiRetired;
import io.itsm.core.cmdb.CiStatus;
import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.CiUpdate;
import io.itsm.core.cmdb.CiUpdateSet;
import io.itsm.core.cmdb.CiUpdated;
import io.itsm.core.cmdb.CmdbExport;
import io.itsm.core.cmdb.ConfigurationItem;
import io.itsm.core.cmdb.Criticality;
import io.itsm.core.cmdb.ImpactAnalysis;
import io.itsm.core.cmdb.ImpactAssessment;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.cmdb.RelationAdded;
import io.itsm.core.cmdb.RelationRemoved;
import io.itsm.core.cmdb.RelationType;
import io.itsm.core.cmdb.Risk;
import io.itsm.core.notification.DeliveryAttempt;
import io.itsm.core.notification.DeliveryChannel;
import io.itsm.core.notification.DeliveryTiming;
import io.itsm.core.notification.Notification;
import io.itsm.core.notification.NotificationStatus;
import io.itsm.core.notification.NotificationTemplate;
import io.itsm.core.notification.NotificationTemplates;
import io.itsm.core.notification.QuietHours;
import io.itsm.core.notification.Recipient;
import io.itsm.core.notification.TemplateText;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values the practices' golden files hold ({@link PracticeGoldenJsonTest}): every event type of
 * the CMDB, change requests and announcements, every kind, type, criticality, relation, status and
 * channel, each optional component present in one value and absent in another.
 */
final class PracticeGoldenValues {

  private PracticeGoldenValues() {}

  static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  // ------------------------------------------------------------------ CMDB

  static CiDefinition database() {
    return CiDefinition.of("db-orders", CiType.DATABASE, "Orders database")
        .withCriticality(Criticality.BUSINESS_CRITICAL)
        .withOwnerTeam("platform")
        .withSupportTeam("dba")
        .withLocation("dc-north")
        .withAttribute("engine", "PostgreSQL 16")
        .withAttribute("cost center", "4200");
  }

  static CiDefinition minimalDefinition() {
    return CiDefinition.of("srv-db-01", CiType.SERVER, "Database server 1");
  }

  static ConfigurationItem item() {
    return new ConfigurationItem(database(),
        List.of(Relation.of("db-orders", RelationType.RUNS_ON, "srv-db-01"),
            Relation.of("db-orders", RelationType.PART_OF, "cl-orders"),
            Relation.of("db-orders", RelationType.CONNECTED_TO, "nas-01")),
        CiStatus.ACTIVE, at(0), at(90), 5);
  }

  static ConfigurationItem retiredItem() {
    return new ConfigurationItem(minimalDefinition(), List.of(), CiStatus.RETIRED, at(0), at(600),
        2);
  }

  static Map<String, CiEvent> ciEvents() {
    Map<String, CiEvent> m = new LinkedHashMap<>();
    m.put("CiRegistered.json", new CiRegistered("db-orders", 1, at(0), "cmdb-admin", database()));
    m.put("CiRegistered-minimal.json",
        new CiRegistered("srv-db-01", 1, at(0), "cmdb-admin", minimalDefinition()));
    m.put("CiUpdated.json", new CiUpdated("db-orders", 6, at(120), "l-lena",
        List.of(new AttributeChange("attributes.primary", Optional.of("node-a"), Optional.of("node-b")),
            new AttributeChange("location", Optional.of("dc-north"), Optional.empty()),
            new AttributeChange("ownerTeam", Optional.empty(), Optional.of("dba"))),
        Optional.of("CHG-000001")));
    m.put("CiUpdated-direct.json", new CiUpdated("db-orders", 6, at(120), "cmdb-admin",
        List.of(new AttributeChange("criticality", Optional.of("HIGH"),
            Optional.of("BUSINESS_CRITICAL"))), Optional.empty()));
    m.put("CiRetired.json",
        new CiRetired("srv-db-01", 3, at(600), "cmdb-admin", "replaced by srv-db-02"));
    m.put("RelationAdded.json", new RelationAdded("db-orders", 2, at(1), "cmdb-admin",
        Relation.of("db-orders", RelationType.RUNS_ON, "srv-db-01")));
    m.put("RelationRemoved.json", new RelationRemoved("app-shop", 4, at(2), "cmdb-admin",
        Relation.of("app-shop", RelationType.DEPENDS_ON, "db-orders")));
    return m;
  }

  /** A backup of three items: one of every CI type is in {@link #impact()}. */
  static CmdbExport export() {
    Map<String, List<CiEvent>> h = new LinkedHashMap<>();
    h.put("srv-db-01", List.of(
        new CiRegistered("srv-db-01", 1, at(0), "cmdb-admin", minimalDefinition())));
    h.put("db-orders", List.of(
        new CiRegistered("db-orders", 1, at(0), "cmdb-admin", database()),
        new RelationAdded("db-orders", 2, at(1), "cmdb-admin",
            Relation.of("db-orders", RelationType.RUNS_ON, "srv-db-01"))));
    h.put("svc-webshop", List.of(
        new CiRegistered("svc-webshop", 1, at(0), "cmdb-admin",
            CiDefinition.of("svc-webshop", CiType.BUSINESS_SERVICE, "Web shop")
                .withAttribute("users", "12000")),
        new RelationAdded("svc-webshop", 2, at(1), "cmdb-admin",
            Relation.of("svc-webshop", RelationType.DEPENDS_ON, "db-orders")),
        new CiRetired("svc-webshop", 3, at(700), "cmdb-admin", "")));
    return new CmdbExport(at(800), h);
  }

  /** Every CI type and criticality among the affected items. */
  static ImpactAnalysis impact() {
    List<AffectedCi> affected = new ArrayList<>();
    CiType[] types = CiType.values();
    Criticality[] crit = Criticality.values();
    String via = "stor-array-01";
    for (int i = 0; i < types.length; i++) {
      String id = "ci-" + types[i].name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      affected.add(new AffectedCi(id, "Item " + i, types[i], crit[i % crit.length], 1 + i / 4, via));
      via = id;
    }
    ConfigurationItem failed = new ConfigurationItem(
        CiDefinition.of("stor-array-01", CiType.STORAGE, "Storage array 1")
            .withCriticality(Criticality.HIGH),
        List.of(), CiStatus.ACTIVE, at(0), at(0), 1);
    return new ImpactAnalysis(failed, affected, List.of("ci-business-service"),
        Criticality.BUSINESS_CRITICAL, 12000);
  }

  static ImpactAnalysis impactOfNothing() {
    return new ImpactAnalysis(retiredItem(), List.of(), List.of(), Criticality.LOW, 0);
  }

  // ------------------------------------------------------------------ change requests

  static ChangePlan plan() {
    return ChangePlan.of("Fail over the orders database", "primary disk failed")
        .withAffectedCis(List.of("db-orders", "srv-db-01"))
        .withUpdates(List.of(
            CiUpdateSet.of("db-orders", CiUpdate.set("attributes.primary", "node-b"),
                CiUpdate.clear("location")),
            CiUpdateSet.of("srv-db-01", CiUpdate.set("criticality", "HIGH"))))
        .withRisk(Risk.MEDIUM)
        .withWindow(at(60), at(120))
        .withPreventiveAction("PA-7");
  }

  static ChangePlan minimalPlan() {
    return ChangePlan.of("Rename the shop", "");
  }

  static ImpactAssessment assessment() {
    return new ImpactAssessment(List.of("svc-checkout", "svc-payments", "svc-webshop"),
        Criticality.BUSINESS_CRITICAL, 5, 15200, Risk.HIGH);
  }

  static Approval cab() {
    return Approval.request("CHG-000001-CAB-1",
        new ApprovalSubject(ApprovalSubject.Kind.CONFIGURATION_CHANGE, "CHG-000001"),
        List.of(new ApprovalStage(List.of(Approver.role(Role.MANAGER)), ApprovalPolicy.any()),
            new ApprovalStage(List.of(Approver.role(Role.SENIOR_MANAGER)), ApprovalPolicy.any())),
        "a-sara", at(10), Optional.of(at(10 + 2 * 24 * 60)));
  }

  static Approval cabApproved() {
    return cab()
        .decide(Actor.of("m-maja", Role.MANAGER), Verdict.APPROVE, "", at(20))
        .decide(Actor.of("x-sven", Role.SENIOR_MANAGER), Verdict.APPROVE, "go ahead", at(25));
  }

  static Map<String, ChangeRequest> changes() {
    Map<String, ChangeRequest> m = new LinkedHashMap<>();
    ChangeRequest pending = new ChangeRequest("CHG-000001", plan(), assessment(), Risk.HIGH,
        ChangeStatus.PENDING_APPROVAL, cab(), "a-sara", at(10), at(10), Optional.empty(),
        Optional.empty(), 1);
    m.put("pending.json", pending);
    m.put("completed.pretty.json", new ChangeRequest("CHG-000001", plan(), assessment(), Risk.HIGH,
        ChangeStatus.COMPLETED, cabApproved(), "a-sara", at(10), at(130), Optional.of("s-dana"),
        Optional.of("verified: orders flow again"), 6));
    m.put("failed.json", new ChangeRequest("CHG-000002", minimalPlan(),
        new ImpactAssessment(List.of(), Criticality.LOW, 0, 0, Risk.LOW), Risk.LOW,
        ChangeStatus.FAILED, cabApproved(), "a-sara", at(10), at(40), Optional.of("s-dana"),
        Optional.of("rollback"), 4));
    return m;
  }

  static Map<String, ChangeEvent> changeEvents() {
    String id = "CHG-000001";
    Map<String, ChangeEvent> m = new LinkedHashMap<>();
    m.put("ChangeRequested.json",
        new ChangeRequested(id, 1, at(10), "a-sara", plan(), assessment(), Risk.HIGH, cab()));
    m.put("ChangeApprovalDecided.json", new ChangeApprovalDecided(id, 3, at(25), "x-sven",
        cabApproved(), Verdict.APPROVE, "go ahead"));
    m.put("ChangeApprovalDecided-without-comment.json", new ChangeApprovalDecided(id, 2, at(20),
        "m-maja", cab().decide(Actor.of("m-maja", Role.MANAGER), Verdict.APPROVE, "", at(20)),
        Verdict.APPROVE, ""));
    m.put("ChangeStarted.json", new ChangeStarted(id, 4, at(60), "s-dana", "promoting node-b"));
    m.put("ChangeStarted-without-note.json", new ChangeStarted(id, 4, at(60), "s-dana", ""));
    m.put("ChangeImplemented.json",
        new ChangeImplemented(id, 5, at(90), "s-dana", "promoted node-b"));
    m.put("ChangeVerified.json", new ChangeVerified(id, 6, at(130), "l-lena", "orders flow again",
        List.of("db-orders", "srv-db-01")));
    m.put("ChangeFailed.json", new ChangeFailed("CHG-000002", 4, at(40), "s-dana", "rollback"));
    m.put("ChangeCancelled.json",
        new ChangeCancelled("CHG-000003", 2, at(15), "a-sara", "no longer needed"));
    return m;
  }

  // ------------------------------------------------------------------ announcements

  static AnnouncementContent content() {
    return AnnouncementContent.of(AnnouncementKind.UNPLANNED_OUTAGE,
            OutageWindow.of(at(5), at(125), BERLIN), "+49 30 1234 5678", "en",
            new AnnouncementText("Web shop unavailable", "The orders database failed.",
                "Orders cannot be placed.", "Call us to order by phone."))
        .withCis(Set.of("db-orders"))
        .withText("de", new AnnouncementText("Webshop nicht verf\u00fcgbar",
            "Die Bestelldatenbank ist ausgefallen.", "", ""))
        .withChannels(Set.of(DeliveryChannel.PORTAL, DeliveryChannel.EMAIL, DeliveryChannel.SMS,
            DeliveryChannel.CHAT, DeliveryChannel.PUSH))
        .withMajorIncident("INC-000001");
  }

  static AnnouncementContent minimalContent(AnnouncementKind kind) {
    return AnnouncementContent.of(kind, OutageWindow.from(at(60 * 24), ZoneOffset.UTC),
            "desk@example.com", "sv", new AnnouncementText("Underh\u00e5ll", "", "", ""))
        .withServices(Set.of("svc-mail"));
  }

  static Approval announcementApproval() {
    return Approval.request("ANN-000001-APR-1",
        new ApprovalSubject(ApprovalSubject.Kind.ANNOUNCEMENT, "ANN-000001"),
        List.of(new ApprovalStage(List.of(Approver.role(Role.MANAGER)), ApprovalPolicy.any())),
        "a-sara", at(6), Optional.empty());
  }

  static Approval announcementApproved() {
    return announcementApproval()
        .decide(Actor.of("m-maja", Role.MANAGER), Verdict.APPROVE, "", at(7));
  }

  static List<String> reach() {
    return List.of("svc-checkout", "svc-payments", "svc-webshop");
  }

  /** The full announcement, archived. */
  static Announcement archived() {
    return new Announcement("ANN-000001", content(), reach(), AnnouncementStatus.ARCHIVED,
        List.of(new AnnouncementRevision(1, at(5), "a-sara", "drafted"),
            new AnnouncementRevision(2, at(65), "l-lena", "window extended to 11:05")),
        Optional.of(announcementApproved()), Duration.ZERO, "a-sara", at(5), at(200),
        Optional.of(at(8)), Optional.of(at(180)),
        List.of(new Feedback("u-anna", at(30), true, "thanks"),
            new Feedback("u-bert", at(31), false, "")),
        List.of("INC-000002", "INC-000003"), 12);
  }

  /** One announcement per status; every kind among them. */
  static List<Announcement> everyStatus() {
    AnnouncementKind[] kinds = AnnouncementKind.values();
    AnnouncementStatus[] statuses = AnnouncementStatus.values();
    List<Announcement> out = new ArrayList<>();
    for (int i = 0; i < statuses.length; i++) {
      AnnouncementStatus s = statuses[i];
      boolean past = s.ordinal() >= AnnouncementStatus.PUBLISHED.ordinal()
          && s != AnnouncementStatus.CANCELLED;
      out.add(new Announcement(String.format("ANN-%06d", 10 + i),
          minimalContent(kinds[i % kinds.length]), List.of("svc-mail"), s,
          List.of(new AnnouncementRevision(1, at(i), "a-sara", "drafted")),
          s == AnnouncementStatus.DRAFT ? Optional.empty() : Optional.of(announcementApproval()),
          Duration.ofHours(72), "a-sara", at(i), at(i + 1),
          past ? Optional.of(at(i + 1)) : Optional.empty(),
          s == AnnouncementStatus.ENDED || s == AnnouncementStatus.ARCHIVED
              ? Optional.of(at(i + 1)) : Optional.empty(),
          List.of(), List.of(), 1 + i));
    }
    return out;
  }

  static Map<String, AnnouncementEvent> announcementEvents() {
    String id = "ANN-000001";
    Map<String, AnnouncementEvent> m = new LinkedHashMap<>();
    m.put("AnnouncementDrafted.json", new AnnouncementDrafted(id, 1, at(5), "a-sara", content(),
        reach()));
    m.put("AnnouncementRevised.json", new AnnouncementRevised(id, 6, at(65), "l-lena",
        content().withWindow(OutageWindow.of(at(5), at(185), BERLIN)), reach(), 2,
        "window extended to 11:05", true));
    m.put("AnnouncementRevised-draft.json", new AnnouncementRevised("ANN-000011", 2, at(3),
        "a-sara", minimalContent(AnnouncementKind.MAINTENANCE), List.of(), 2, "typo", false));
    m.put("AnnouncementSubmitted.json", new AnnouncementSubmitted(id, 2, at(6), "a-sara",
        announcementApproval(), Duration.ofDays(3),
        List.of("'Announcements are approved by a manager': every announcement",
            "'Planned outages are announced three days ahead': users plan their work")));
    m.put("AnnouncementSubmitted-no-lead-time.json", new AnnouncementSubmitted(id, 2, at(6),
        "a-sara", announcementApproval(), Duration.ZERO, List.of()));
    m.put("AnnouncementApprovalDecided.json", new AnnouncementApprovalDecided(id, 3, at(7),
        "m-maja", announcementApproved(), Verdict.APPROVE, ""));
    m.put("AnnouncementApprovalDecided-rejected.json", new AnnouncementApprovalDecided(id, 3,
        at(7), "m-maja", announcementApproval().decide(Actor.of("m-maja", Role.MANAGER),
            Verdict.REJECT, "say when it ends", at(7)), Verdict.REJECT, "say when it ends"));
    m.put("AnnouncementPublished.json", new AnnouncementPublished(id, 4, at(8), "l-lena"));
    m.put("AnnouncementEnded.json",
        new AnnouncementEnded(id, 10, at(180), "l-lena", "The web shop works again."));
    m.put("AnnouncementEnded-without-note.json",
        new AnnouncementEnded(id, 10, at(180), "l-lena", ""));
    m.put("AnnouncementArchived.json", new AnnouncementArchived(id, 11, at(200), "l-lena"));
    m.put("AnnouncementCancelled.json",
        new AnnouncementCancelled("ANN-000016", 2, at(9), "l-lena", "duplicate of ANN-000001"));
    m.put("FeedbackGiven.json", new FeedbackGiven(id, 7, at(30), "u-anna",
        new Feedback("u-anna", at(30), true, "thanks")));
    m.put("IncidentLinked.json", new IncidentLinked(id, 5, at(12), "system", "INC-000002"));
    return m;
  }

  // ------------------------------------------------------------------ notifications

  static Notification notification() {
    return new Notification("incident/INC-000001#1/u-anna/incident-logged/EMAIL",
        "incident/INC-000001#1", "INC-000001", "IncidentLogged", "u-anna", DeliveryChannel.EMAIL,
        "anna@example.com", "de", "incident-logged",
        "[INC-000001] Wir haben Ihre Anfrage erhalten", "Hallo Anna,\n\nwir melden uns bis 10:00.",
        "The caller is told the ticket was logged, with its reference and expected response",
        "acknowledge the new ticket", at(0), DeliveryTiming.LATER,
        Optional.of("Routine notifications wait until the recipient's quiet hours end"), at(60),
        NotificationStatus.FAILED,
        List.of(new DeliveryAttempt(at(60), Optional.of("SMTP 421 try later")),
            new DeliveryAttempt(at(61), Optional.of("SMTP 421 try later"))));
  }

  static Notification delivered() {
    return new Notification("announcement/ANN-000001#4/u-bert/announcement-published/SMS",
        "announcement/ANN-000001#4", "ANN-000001", "AnnouncementPublished", "u-bert",
        DeliveryChannel.SMS, "+4670000000", "en", "announcement-published",
        "Web shop unavailable", "Orders cannot be placed.", "announcements", "", at(8),
        DeliveryTiming.NOW, Optional.empty(), at(8), NotificationStatus.DELIVERED,
        List.of(new DeliveryAttempt(at(8), Optional.empty())));
  }

  static Notification pendingDigest() {
    return new Notification("incident/INC-000004#3/u-tom/incident-assigned/PORTAL",
        "incident/INC-000004#3", "INC-000004", "Assigned", "u-tom", DeliveryChannel.PORTAL,
        "u-tom", "fr", "incident-assigned", "[INC-000004] Assign\u00e9", "-",
        "The team is told", "new ticket", at(3), DeliveryTiming.DIGEST,
        Optional.of("Recipients who want a digest get routine updates in it"), at(24 * 60),
        NotificationStatus.PENDING, List.of());
  }

  static NotificationTemplates templates() {
    return NotificationTemplates.of("en", List.of("en", "de", "sv"), List.of(
        new NotificationTemplate("incident-resolved", "Resolved", Map.of(
            "en", new TemplateText("[{incident.id}] Resolved: please confirm",
                "Hello {recipient.name},\n\nwe have resolved {incident.id}:\n\n{resolution.steps}"
                    + "\n\nPlease confirm by {confirmBy}."),
            "de", new TemplateText("[{incident.id}] Gel\u00f6st: bitte best\u00e4tigen",
                "Hallo {recipient.name},\n\nbitte best\u00e4tigen Sie bis {confirmBy}."))),
        new NotificationTemplate("digest", "Digest", Map.of(
            "en", new TemplateText("Your {digest.count} updates", "{digest.items}")))));
  }

  static List<Recipient> recipients() {
    return List.of(
        Recipient.of("u-anna", "Anna Berg")
            .withAddress(DeliveryChannel.EMAIL, "anna@example.com")
            .withAddress(DeliveryChannel.SMS, "+4670000001")
            .withLanguage("de")
            .withZone(BERLIN)
            .withRole(Role.TEAM_LEAD, "dba", "web")
            .withServices(Set.of("svc-webshop", "svc-checkout"))
            .withQuietHours(QuietHours.of(LocalTime.of(22, 0), LocalTime.of(7, 30)))
            .withDigest(true),
        new Recipient("u-min", "Min", Optional.empty(), ZoneOffset.UTC,
            Map.of(DeliveryChannel.CHAT, "@min", DeliveryChannel.PUSH, "device-9"), Set.of(),
            Set.of(), Set.of(), Optional.empty(), false));
  }
}
