package io.itsm.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.DeskConfig;
import io.itsm.core.MutableClock;
import io.itsm.core.RecordNotFoundException;
import io.itsm.core.ServiceDesk;
import io.itsm.core.StaleRecordException;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.access.Role;
import io.itsm.core.access.RoleBasedAccessPolicy;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementContent;
import io.itsm.core.announcement.AnnouncementKind;
import io.itsm.core.announcement.AnnouncementRepository;
import io.itsm.core.announcement.AnnouncementText;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.announcement.InMemoryAnnouncementRepository;
import io.itsm.core.announcement.OutageWindow;
import io.itsm.core.approval.ApprovalExpiredException;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.ApprovalTerms;
import io.itsm.core.approval.Approver;
import io.itsm.core.approval.Verdict;
import io.itsm.core.cmdb.CabPolicy;
import io.itsm.core.cmdb.ChangePlan;
import io.itsm.core.cmdb.ChangeRepository;
import io.itsm.core.cmdb.ChangeRequest;
import io.itsm.core.cmdb.ChangeRequests;
import io.itsm.core.cmdb.ChangeStatus;
import io.itsm.core.cmdb.CiDefinition;
import io.itsm.core.cmdb.CiEvent;
import io.itsm.core.cmdb.CiRegistered;
import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.CiUpdate;
import io.itsm.core.cmdb.CiUpdateSet;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.cmdb.CmdbRepository;
import io.itsm.core.cmdb.InMemoryChangeRepository;
import io.itsm.core.cmdb.InMemoryCmdbRepository;
import io.itsm.core.cmdb.Relation;
import io.itsm.core.cmdb.RelationAdded;
import io.itsm.core.cmdb.RelationType;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.notification.Audience;
import io.itsm.core.notification.DeliverySchedule;
import io.itsm.core.notification.InMemoryNotificationRepository;
import io.itsm.core.notification.InMemoryRecipientDirectory;
import io.itsm.core.notification.NotificationPolicy;
import io.itsm.core.notification.NotificationRepository;
import io.itsm.core.notification.NotificationRequest;
import io.itsm.core.notification.NotificationSubject;
import io.itsm.core.notification.Notifications;
import io.itsm.core.notification.PendingDelivery;
import io.itsm.core.notification.Recipient;
import io.itsm.core.notification.RecipientDirectory;
import io.itsm.core.repository.IncidentNotFoundException;
import io.itsm.core.repository.StaleVersionException;
import io.itsm.core.sla.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The CMDB, change requests, announcements and notifications as practices of one desk: they take
 * the desk's kernel (clock, access policy, ids, approval terms, stores), and their listeners hear
 * each record's events in order.
 */
class PracticesOnKernelTest {

  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  private static final Actor ADMIN = Actor.of("root", Role.ADMIN);
  private static final Actor AGENT = Actor.of("a-sara", Role.AGENT, "service-desk");
  private static final Actor MANAGER = Actor.of("m-maja", Role.MANAGER);

  private static AnnouncementContent outage(Instant start) {
    return AnnouncementContent.of(AnnouncementKind.UNPLANNED_OUTAGE,
            OutageWindow.from(start, ZoneOffset.UTC), "desk@example.com", "en",
            new AnnouncementText("Mail is down", "", "", ""))
        .withServices(Set.of("svc-mail"));
  }

  @Test
  void everyPractice_takesTheKernelsClockIdsAndStores() {
    MutableClock clock = MutableClock.at(T0);
    CmdbRepository items = new InMemoryCmdbRepository();
    ChangeRepository changes = new InMemoryChangeRepository();
    AnnouncementRepository announcements = new InMemoryAnnouncementRepository();
    NotificationRepository notifications = new InMemoryNotificationRepository();
    Kernel kernel = Kernel.ofDefaults().withClock(clock)
        .withStore(CmdbRepository.class, items)
        .withStore(ChangeRepository.class, changes)
        .withStore(AnnouncementRepository.class, announcements)
        .withStore(NotificationRepository.class, notifications);

    Cmdb cmdb = Cmdb.builder().kernel(kernel).build();
    cmdb.register(ADMIN, CiDefinition.of("svc-mail", CiType.BUSINESS_SERVICE, "Mail"));
    ChangeRequest change = ChangeRequests.builder(cmdb).build().request(AGENT,
        ChangePlan.of("Rename mail", "").withUpdates(List.of(
            CiUpdateSet.of("svc-mail", CiUpdate.set("name", "E-mail")))));
    Announcement draft = Announcements.builder().kernel(kernel).cmdb(cmdb).build()
        .draft(AGENT, outage(T0));
    ServiceDesk desk = ServiceDesk.builder().kernel(kernel).build();
    Incident incident = desk.log(AGENT, Ticket.builder().title("No mail").build());

    assertThat(List.of(change.id(), draft.id(), incident.id()))
        .as("one id generator, a counter per prefix")
        .containsExactly("CHG-000001", "ANN-000001", "INC-000001");
    assertThat(items.find("svc-mail")).isPresent();
    assertThat(changes.find(change.id())).contains(change);
    assertThat(announcements.find(draft.id())).contains(draft);
    assertThat(change.requestedAt()).isEqualTo(T0);
    assertThat(cmdb.kernel().clock()).isSameAs(clock);

    Notifications n = Notifications.builder().kernel(kernel).policy(TELL_CALLER)
        .recipients(RecipientDirectory.of(List.of(Recipient.of("u-anna", "Anna"))))
        .build();
    Incident anna = desk.log(AGENT,
        Ticket.builder().title("Mail is slow").caller(Caller.of("u-anna")).build());
    n.record(desk.history(AGENT, anna.id()).get(0), anna);
    assertThat(notifications.find(io.itsm.core.notification.NotificationQuery.all()))
        .as("stored in the kernel's store")
        .hasSize(1);
  }

  @Test
  void builderSettings_changeTheKernelForOnePracticeOnly() {
    Kernel kernel = Kernel.ofDefaults().withClock(MutableClock.at(T0));
    MutableClock own = MutableClock.at(T0.plusSeconds(3600));

    Cmdb cmdb = Cmdb.builder().kernel(kernel).clock(own).build();
    Announcements announcements = Announcements.builder().kernel(kernel).build();

    assertThat(cmdb.kernel().clock()).isSameAs(own);
    assertThat(announcements.kernel().clock()).isSameAs(kernel.clock());
    assertThat(cmdb.register(ADMIN, CiDefinition.of("x", CiType.SERVER, "X")).registeredAt())
        .isEqualTo(T0.plusSeconds(3600));
  }

  @Test
  void theKernelsAccessPolicy_isCheckedByEveryPractice() {
    RoleBasedAccessPolicy policy = RoleBasedAccessPolicy.defaults()
        .grant(Role.SPECIALIST, Permission.CMDB_UPDATE);
    Kernel kernel = Kernel.ofDefaults().withAccessPolicy(policy);
    Cmdb cmdb = Cmdb.builder().kernel(kernel).build();
    Actor specialist = Actor.of("s-dana", Role.SPECIALIST, "dba");

    cmdb.register(specialist, CiDefinition.of("db-1", CiType.DATABASE, "DB 1"));

    assertThatThrownBy(() -> cmdb.register(AGENT, CiDefinition.of("db-2", CiType.DATABASE, "DB 2")))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> Announcements.builder().kernel(kernel).build()
            .draft(Actor.endUser("u-anna"), outage(T0)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void theKernelsApprovalTerms_setWhenChangeAndAnnouncementApprovalsExpire() {
    MutableClock clock = MutableClock.at(T0);
    ApprovalTerms oneHour = ApprovalTerms.of(List.of(Approver.role(Role.MANAGER)),
        ApprovalPolicy.any()).withDueAfter(Duration.ofHours(1));
    Kernel kernel = Kernel.ofDefaults().withClock(clock)
        .withApprovalTerms(ApprovalSubject.Kind.CONFIGURATION_CHANGE, oneHour)
        .withApprovalTerms(ApprovalSubject.Kind.ANNOUNCEMENT, oneHour);
    Cmdb cmdb = Cmdb.builder().kernel(kernel).build();
    cmdb.register(ADMIN, CiDefinition.of("svc-mail", CiType.BUSINESS_SERVICE, "Mail"));
    ChangeRequests changes = ChangeRequests.builder(cmdb)
        .cabPolicy(CabPolicy.of(oneHour.stages())).build();
    Announcements announcements = Announcements.builder().kernel(kernel).build();

    ChangeRequest c = changes.request(AGENT, ChangePlan.of("Rename", "")
        .withUpdates(List.of(CiUpdateSet.of("svc-mail", CiUpdate.set("name", "E-mail")))));
    String a = announcements.draft(AGENT, outage(T0)).id();
    Announcement submitted = announcements.submit(AGENT, a);
    clock.advance(Duration.ofHours(2));

    assertThat(c.approval().dueAt()).contains(T0.plus(Duration.ofHours(1)));
    assertThat(submitted.approval().orElseThrow().dueAt()).contains(T0.plus(Duration.ofHours(1)));
    assertThatThrownBy(() -> changes.decide(MANAGER, c.id(), Verdict.APPROVE, ""))
        .isInstanceOf(ApprovalExpiredException.class);
    assertThatThrownBy(() -> announcements.decide(MANAGER, a, Verdict.APPROVE, ""))
        .isInstanceOf(ApprovalExpiredException.class);
    assertThat(changes.get(ADMIN, c.id()).status()).isEqualTo(ChangeStatus.PENDING_APPROVAL);
    assertThat(changes.history(ADMIN, c.id())).hasSize(1);
  }

  @Test
  void aListenerRunningACommand_hearsItsEventsAfterTheCurrentOnes_inOrder() {
    List<String> heard = Collections.synchronizedList(new ArrayList<>());
    Cmdb[] ref = new Cmdb[1];
    Cmdb cmdb = Cmdb.builder()
        .listener((e, item) -> {
          if (e instanceof CiRegistered r && r.ciId().equals("app")) {
            ref[0].relate(ADMIN, Relation.of("app", RelationType.DEPENDS_ON, "db"));
          }
        })
        .listener((e, item) -> heard.add(e.type() + " " + e.ciId() + " #" + e.sequence()))
        .build();
    ref[0] = cmdb;
    cmdb.register(ADMIN, CiDefinition.of("db", CiType.DATABASE, "DB"));

    cmdb.register(ADMIN, CiDefinition.of("app", CiType.APPLICATION, "App"));

    assertThat(heard).containsExactly("CiRegistered db #1", "CiRegistered app #1",
        "RelationAdded app #2");
    assertThat(cmdb.get(ADMIN, "app").relations()).hasSize(1);
  }

  @Test
  void aFailingListener_isLoggedAndSkipped_theCommandStaysStored() {
    List<CiEvent> heard = new ArrayList<>();
    Cmdb cmdb = Cmdb.builder()
        .listener((e, item) -> {
          throw new IllegalStateException("listener down");
        })
        .listener((e, item) -> heard.add(e))
        .build();

    cmdb.register(ADMIN, CiDefinition.of("db", CiType.DATABASE, "DB"));

    assertThat(heard).singleElement().isInstanceOf(CiRegistered.class);
    assertThat(cmdb.find(ADMIN, "db")).isPresent();
  }

  @Test
  void oneCatch_coversStaleAndMissingRecordsOfEveryPractice() {
    StaleRecordException incident = new StaleVersionException("INC-000007", 3, 4);
    RecordNotFoundException missing = new IncidentNotFoundException("INC-000404");

    assertThat(incident.getKind()).isEqualTo("incident");
    assertThat(incident.getIncidentId()).contains("INC-000007");
    assertThat(incident).hasMessage("incident INC-000007 was changed concurrently: the update was"
        + " based on version 3, but the stored version is 4; reload the incident and retry the"
        + " command");
    assertThat(missing.getKind()).isEqualTo("incident");
    assertThat(missing.getId()).isEqualTo("INC-000404");
    assertThat(new StaleRecordException("announcement", "ANN-000001", 2, 3))
        .hasMessageEndingWith("reload the announcement and retry the command");
    assertThatThrownBy(() -> ServiceDesk.builder().build().get(AGENT, "INC-000404"))
        .isInstanceOf(RecordNotFoundException.class);
  }

  @Test
  void recipientDirectories_refuseAnIdTwice_asCallerDirectoriesDo() {
    assertThatThrownBy(() -> RecipientDirectory.of(List.of(Recipient.of("u-1", "One"),
            Recipient.of("u-1", "Other"))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("recipient directory: recipient id u-1 appears twice;"
            + " give each recipient once");
    assertThat(InMemoryRecipientDirectory.empty().find("u-1")).isEmpty();
  }

  @Test
  void notifications_takeTheDesksSlaPolicyAndAutoClose_fromItsConfig() {
    MutableClock clock = MutableClock.at(T0);
    DeskConfig config = DeskConfig.custom().clock(clock).slaPolicy(SlaPolicy.defaults())
        .autoCloseAfter(Duration.ofDays(3)).build();
    List<NotificationSubject> seen = new ArrayList<>();
    Notifications n = Notifications.builder().deskConfig(config).policy(new NotificationPolicy() {
      @Override
      public List<NotificationRequest> decide(NotificationSubject s) {
        seen.add(s);
        return List.of();
      }

      @Override
      public DeliverySchedule schedule(PendingDelivery pending) {
        return DeliverySchedule.now();
      }

      @Override
      public Set<String> templates() {
        return Set.of();
      }
    }).build();
    ServiceDesk desk =
        ServiceDesk.of(DeskConfig.from(config).listener(n.incidentListener()).build());

    Incident inc = desk.log(AGENT, Ticket.builder().title("Printer jams").build());
    desk.assign(AGENT, inc.id(), Assignment.toPerson("service-desk", AGENT.id(), SupportLevel.L1));
    desk.startWork(AGENT, inc.id());
    clock.advance(Duration.ofMinutes(30));
    desk.proposeResolution(AGENT, inc.id(), "SOLVED_FIXED", "Cleared the jam");

    assertThat(seen.get(0).responseDue()).as("from the desk's SLA policy").isPresent();
    assertThat(seen).filteredOn(s -> s.event().type().equals("Resolved")).singleElement()
        .satisfies(s -> assertThat(s.confirmBy()).as("the desk's auto-close period")
            .contains(T0.plus(Duration.ofMinutes(30)).plus(Duration.ofDays(3))));
  }

  /** Tells the caller of a logged incident, with the bundled acknowledgement. */
  private static final NotificationPolicy TELL_CALLER = new NotificationPolicy() {
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
}
