package io.itsm.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ServiceDesk;
import io.itsm.core.MutableClock;
import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.sla.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationsTest {

  static final Actor AGENT = Actor.of("a-sara", Role.AGENT, "service-desk");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /**
   * A plain-Java policy, as an application without rules would write: logged → acknowledge the
   * caller; every comment → tell the caller (the desk must still refuse internal notes); resolved →
   * the caller; everything at once, except for recipients in quiet hours (later) or wanting a
   * digest.
   */
  static final NotificationPolicy POLICY = new NotificationPolicy() {
    @Override
    public List<NotificationRequest> decide(NotificationSubject s) {
      String type = s.event().type();
      return switch (type) {
        case "IncidentLogged" -> List.of(req(Audience.CALLER, "incident-logged"));
        case "CommentAdded" -> List.of(req(Audience.CALLER, "incident-comment"));
        case "Assigned" -> List.of(req(Audience.TEAM, "incident-assigned"));
        default -> List.of();
      };
    }

    private NotificationRequest req(Audience a, String template) {
      return new NotificationRequest(a, Optional.empty(), Optional.empty(), template, "test rule", "because");
    }

    @Override
    public DeliverySchedule schedule(PendingDelivery p) {
      if (p.inQuietHours()) {
        return new DeliverySchedule(DeliveryTiming.LATER, p.quietHoursEnd(), Optional.of("quiet"), "quiet hours");
      }
      if (p.recipient().digest()) {
        return new DeliverySchedule(DeliveryTiming.DIGEST, Optional.empty(), Optional.of("digest"), "wants a digest");
      }
      return DeliverySchedule.now();
    }

    @Override
    public Set<String> templates() {
      return Set.of("incident-logged", "incident-comment", "incident-assigned");
    }
  };

  private MutableClock clock;
  private final List<Message> sent = Collections.synchronizedList(new ArrayList<>());
  private Notifications notifications;
  private ServiceDesk desk;

  @BeforeEach
  void setUp() {
    clock = MutableClock.at(Instant.parse("2026-11-23T08:00:00Z"));
    notifications = Notifications.builder().clock(clock).policy(POLICY).publisher(sent::add)
        .slaPolicy(SlaPolicy.defaults())
        .recipients(InMemoryRecipientDirectory.of(List.of(
            Recipient.of("u-bert", "Bert").withAddress(DeliveryChannel.EMAIL, "bert@example.com")
                .withLanguage("de").withZone(BERLIN),
            Recipient.of("a-nils", "Nils").withRole(Role.AGENT, "network-ops")
                .withAddress(DeliveryChannel.CHAT, "@nils").withDigest(true),
            Recipient.of("a-owl", "Owl").withRole(Role.AGENT, "network-ops")
                .withAddress(DeliveryChannel.SMS, "+46700000000")
                .withQuietHours(QuietHours.of(LocalTime.of(22, 0), LocalTime.of(7, 0))))))
        .build();
    desk = ServiceDesk.builder().clock(clock).listener(notifications.incidentListener()).build();
  }

  @AfterEach
  void tearDown() {
    notifications.close();
  }

  private Incident log(String callerId, String language) {
    Caller c = Caller.of(callerId).withName("Anna").withEmail(callerId + "@example.com").withLanguage(language);
    return desk.log(AGENT, Ticket.builder().title("Printer jams").caller(c).build());
  }

  @Test
  void theCaller_isAcknowledgedInTheirLanguage_withTheResponseDueTime() {
    Incident inc = log("u-bert", null);
    List<Notification> n = notifications.find(NotificationQuery.all().about(inc.id()));
    assertThat(n).singleElement().satisfies(x -> {
      assertThat(x.recipientId()).isEqualTo("u-bert");
      assertThat(x.language()).as("from the directory").isEqualTo("de");
      assertThat(x.channel()).isEqualTo(DeliveryChannel.EMAIL);
      assertThat(x.subject()).isEqualTo("[INC-000001] Wir haben Ihre Anfrage erhalten: Printer jams");
      assertThat(x.body()).contains("Hallo Bert,").contains("Wir melden uns bis 2026-11-23 ")
          .contains("Europe/Berlin").doesNotContain("{");
    });
    assertThat(notifications.deliverDue()).isEqualTo(1);
    assertThat(sent).singleElement().satisfies(m -> assertThat(m.address()).isEqualTo("bert@example.com"));
  }

  @Test
  void aLanguageWithoutTemplateText_fallsBackToTheDefault() {
    Incident inc = log("u-carla", "it");
    assertThat(notifications.find(NotificationQuery.all().about(inc.id()))).singleElement().satisfies(x -> {
      assertThat(x.language()).isEqualTo("en");
      assertThat(x.address()).as("from the incident's caller").isEqualTo("u-carla@example.com");
      assertThat(x.subject()).startsWith("[INC-000001] We received your request");
    });
  }

  @Test
  void theCaller_isNeverToldAboutInternalWorkNotes_evenWhenARuleAsks() {
    Incident inc = log("u-bert", null);
    desk.comment(AGENT, inc.id(), "caller's manager is difficult, be careful", Visibility.INTERNAL);
    desk.comment(AGENT, inc.id(), "We are on it", Visibility.PUBLIC);
    List<Notification> all = notifications.find(NotificationQuery.all().about(inc.id()));
    assertThat(all).extracting(Notification::template).containsExactly("incident-logged", "incident-comment");
    assertThat(all.get(1).body()).contains("We are on it");
    assertThat(all).noneMatch(n -> n.body().contains("difficult"));
    IncidentEvent internal = desk.history(AGENT, inc.id()).stream()
        .filter(e -> e instanceof CommentAdded c && c.visibility() == Visibility.INTERNAL).findFirst().orElseThrow();
    assertThat(notifications.preview(internal, desk.get(AGENT, inc.id()))).isEmpty();
  }

  @Test
  void hearingAnEventTwice_sendsNothingTwice() {
    Incident inc = log("u-bert", null);
    IncidentEvent logged = desk.history(AGENT, inc.id()).get(0);
    assertThat(notifications.record(logged, inc)).isEmpty();
    notifications.deliverDue();
    notifications.deliverDue();
    assertThat(notifications.record(logged, inc)).isEmpty();
    assertThat(sent).hasSize(1);
  }

  @Test
  void aFailedDelivery_isRetriedWithBackOff_andEveryAttemptIsRecorded() {
    List<Instant> tried = new ArrayList<>();
    Notifications flaky = Notifications.builder().clock(clock).policy(POLICY)
        .retryPolicy(new RetryPolicy(3, Duration.ofMinutes(1), 2, Duration.ofHours(1)))
        .publisher(m -> {
          tried.add(clock.instant());
          throw new IllegalStateException("mail server down");
        }).build();
    ServiceDesk d = ServiceDesk.builder().clock(clock).listener(flaky.incidentListener()).build();
    d.log(AGENT, Ticket.builder().title("x").caller(Caller.of("u-x").withEmail("x@example.com")).build());
    assertThat(flaky.deliverDue()).isZero();
    Notification n = flaky.find(NotificationQuery.all()).get(0);
    assertThat(n.status()).isEqualTo(NotificationStatus.PENDING);
    assertThat(n.dueAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
    clock.advance(Duration.ofSeconds(30));
    assertThat(flaky.deliverDue()).as("not due yet").isZero();
    clock.advance(Duration.ofSeconds(30));
    flaky.deliverDue();
    assertThat(flaky.find(NotificationQuery.all()).get(0).dueAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
    clock.advance(Duration.ofMinutes(2));
    flaky.deliverDue();
    n = flaky.find(NotificationQuery.all()).get(0);
    assertThat(n.status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(n.attempts()).hasSize(3).allSatisfy(a -> assertThat(a.error()).hasValueSatisfying(
        e -> assertThat(e).contains("mail server down")));
    assertThat(tried).containsExactly(Instant.parse("2026-11-23T08:00:00Z"),
        Instant.parse("2026-11-23T08:01:00Z"), Instant.parse("2026-11-23T08:03:00Z"));
    clock.advance(Duration.ofHours(1));
    assertThat(flaky.deliverDue()).isZero();
    assertThat(tried).hasSize(3);
  }

  @Test
  void delivery_runsOnTheWorker_neverBlockingTheCommand() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch delivered = new CountDownLatch(1);
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    Notifications slow = Notifications.builder().policy(POLICY).publisher(m -> {
      threads.add(Thread.currentThread().getName());
      release.await();
      delivered.countDown();
    }).build();
    slow.startWorker();
    try {
      ServiceDesk d = ServiceDesk.builder().listener(slow.incidentListener()).build();
      Incident inc = d.log(AGENT, Ticket.builder().title("x").caller(Caller.of("u-x").withEmail("x@example.com")).build());
      assertThat(inc.id()).as("the command returned while the publisher is blocked").isEqualTo("INC-000001");
      assertThat(delivered.getCount()).isEqualTo(1);
      release.countDown();
      assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(threads).containsOnly("itsm-notifications");
    } finally {
      release.countDown();
      slow.close();
    }
  }

  @Test
  void quietHoursDelayARecipient_andDigestsCollectRoutineUpdatesIntoOneMessage() {
    clock.advance(Duration.ofHours(15)); // 23:00 UTC, midnight in Stockholm: Owl's quiet hours (UTC zone)
    Incident inc = desk.log(AGENT, Ticket.builder().title("Router down").build());
    desk.assign(AGENT, inc.id(), Assignment.toTeam("network-ops", SupportLevel.L2));
    desk.comment(AGENT, inc.id(), "x", Visibility.PUBLIC);
    List<Notification> assigned = notifications.find(NotificationQuery.all().about(inc.id()));
    assertThat(assigned).extracting(Notification::recipientId).containsExactly("a-nils", "a-owl");
    Notification nils = assigned.get(0);
    Notification owl = assigned.get(1);
    assertThat(nils.timing()).isEqualTo(DeliveryTiming.DIGEST);
    assertThat(nils.dueAt()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
    assertThat(owl.timing()).isEqualTo(DeliveryTiming.LATER);
    assertThat(owl.scheduledBy()).contains("quiet");
    assertThat(owl.dueAt()).isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));
    assertThat(notifications.deliverDue()).isZero();

    Incident second = desk.log(AGENT, Ticket.builder().title("Switch down").build());
    desk.assign(AGENT, second.id(), Assignment.toTeam("network-ops", SupportLevel.L2));
    clock.advance(Duration.ofHours(8)); // 07:00
    assertThat(notifications.deliverDue()).isEqualTo(2);
    assertThat(sent).extracting(Message::recipientId).containsOnly("a-owl");
    clock.advance(Duration.ofHours(1)); // 08:00: the digest
    assertThat(notifications.deliverDue()).isEqualTo(1);
    Message digest = sent.get(2);
    assertThat(digest.recipientId()).isEqualTo("a-nils");
    assertThat(digest.notificationIds()).hasSize(2);
    assertThat(digest.subject()).isEqualTo("Your service desk digest: 2 updates");
    assertThat(digest.body()).contains("- [INC-000001] Assigned to network-ops: Router down")
        .contains("- [INC-000002] Assigned to network-ops: Switch down");
    assertThat(notifications.find(NotificationQuery.all().withRecipient("a-nils")))
        .allSatisfy(n -> assertThat(n.status()).isEqualTo(NotificationStatus.DELIVERED));
  }

  @Test
  void aPolicyAskingForAMissingTemplate_isRefusedWhenBuilt() {
    NotificationPolicy typo = new NotificationPolicy() {
      @Override
      public List<NotificationRequest> decide(NotificationSubject s) {
        return List.of();
      }

      @Override
      public DeliverySchedule schedule(PendingDelivery p) {
        return DeliverySchedule.now();
      }

      @Override
      public Set<String> templates() {
        return Set.of("incident-resolved", "incident-reslved");
      }
    };
    assertThatThrownBy(() -> Notifications.builder().policy(typo).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("uses templates that do not exist: [incident-reslved]");
  }
}
