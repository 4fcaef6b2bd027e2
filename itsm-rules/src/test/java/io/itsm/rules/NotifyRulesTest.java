package io.itsm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.announcement.AnnouncementContent;
import io.itsm.core.announcement.AnnouncementKind;
import io.itsm.core.announcement.AnnouncementText;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.announcement.OutageWindow;
import io.itsm.core.approval.Verdict;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.notification.DeliveryChannel;
import io.itsm.core.notification.DeliveryTiming;
import io.itsm.core.notification.InMemoryRecipientDirectory;
import io.itsm.core.notification.Notification;
import io.itsm.core.notification.NotificationQuery;
import io.itsm.core.notification.Notifications;
import io.itsm.core.notification.QuietHours;
import io.itsm.core.notification.Recipient;
import io.itsm.core.sla.SlaPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of {@code notify.drl}, through a real desk and real notifications. */
class NotifyRulesTest {

  static final NotifyEngine ENGINE = NotifyEngine.withDefaults();
  static final Actor AGENT = Actor.of("a-sara", Role.AGENT, "service-desk");
  static final Actor NILS = Actor.of("a-nils", Role.SPECIALIST, "network-ops");
  static final Actor ANNA = Actor.endUser("u-anna");

  private MutableTestClock clock;
  private Notifications notifications;
  private ServiceDesk desk;

  /** A settable clock (tests move it forward). */
  static final class MutableTestClock extends Clock {
    volatile Instant now;

    MutableTestClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static List<Recipient> people() {
    return List.of(
        Recipient.of("u-anna", "Anna").withAddress(DeliveryChannel.EMAIL, "anna@example.com").withLanguage("de")
            .withZone(ZoneId.of("Europe/Berlin")).withServices(Set.of("svc-webshop")),
        Recipient.of("a-nils", "Nils").withRole(Role.SPECIALIST, "network-ops").withAddress(DeliveryChannel.CHAT, "@nils"),
        Recipient.of("a-olle", "Olle").withRole(Role.SPECIALIST, "network-ops").withAddress(DeliveryChannel.CHAT, "@olle")
            .withDigest(true),
        Recipient.of("l-lena", "Lena").withRole(Role.TEAM_LEAD, "network-ops").withAddress(DeliveryChannel.SMS, "+46701")
            .withQuietHours(QuietHours.of(LocalTime.of(20, 0), LocalTime.of(7, 0))),
        Recipient.of("m-maja", "Maja").withRole(Role.MANAGER).withAddress(DeliveryChannel.EMAIL, "maja@example.com"));
  }

  @BeforeEach
  void setUp() {
    clock = new MutableTestClock(Instant.parse("2026-11-23T09:00:00Z"));
    notifications = Notifications.builder().clock(clock).policy(ENGINE).slaPolicy(SlaPolicy.defaults())
        .recipients(InMemoryRecipientDirectory.of(people()))
        .surveyLinks(i -> Optional.of("https://survey.example.com/" + i.id())).build();
    desk = ServiceDesk.builder().clock(clock).slaPolicy(SlaPolicy.defaults())
        .listener(notifications.incidentListener()).build();
  }

  private List<String> sent(String incident) {
    return notifications.find(NotificationQuery.all().about(incident)).stream()
        .map(n -> n.eventType() + " -> " + n.recipientId() + " " + n.template()).toList();
  }

  private Incident logAndAssign(Priority p) {
    Incident inc = desk.log(ANNA, Ticket.builder().title("VPN drops").build());
    desk.prioritize(AGENT, inc.id(), Impact.MEDIUM, Urgency.MEDIUM, p);
    return desk.assign(AGENT, inc.id(), Assignment.toTeam("network-ops", SupportLevel.L2));
  }

  @Test
  void aTicketsLifecycle_tellsTheRightPeopleTheRightThings() {
    Incident inc = logAndAssign(Priority.P3);
    desk.startWork(NILS, inc.id());
    desk.putOnHold(NILS, inc.id(), OnHoldReason.AWAITING_USER, "Which VPN client version do you use?");
    desk.comment(ANNA, inc.id(), "Version 5.3", Visibility.PUBLIC);
    desk.resume(NILS, inc.id(), "");
    desk.comment(NILS, inc.id(), "the caller's laptop is out of warranty", Visibility.INTERNAL);
    desk.comment(NILS, inc.id(), "Please update to 5.4", Visibility.PUBLIC);
    desk.proposeResolution(NILS, inc.id(), "SOLVED_FIXED", "Updated the VPN client to 5.4");
    desk.confirmResolution(ANNA, inc.id());
    assertThat(sent(inc.id())).containsExactly(
        "IncidentLogged -> u-anna incident-logged",
        "Assigned -> a-nils incident-assigned",
        "Assigned -> a-olle incident-assigned",
        "Assigned -> l-lena incident-assigned",
        "PutOnHold -> u-anna incident-awaiting-user",
        "CommentAdded -> a-nils incident-comment",
        "CommentAdded -> a-olle incident-comment",
        "CommentAdded -> l-lena incident-comment",
        "CommentAdded -> u-anna incident-comment",
        "Resolved -> u-anna incident-resolved",
        "Closed -> u-anna incident-closed-survey");
    List<Notification> toAnna = notifications.find(NotificationQuery.all().about(inc.id()).withRecipient("u-anna"));
    assertThat(toAnna).noneMatch(n -> n.body().contains("warranty"));
    assertThat(toAnna.get(0).subject()).isEqualTo("[INC-000001] Wir haben Ihre Anfrage erhalten: VPN drops");
    assertThat(toAnna.get(0).body()).contains("Wir melden uns bis 2026-11-23 ");
    assertThat(toAnna.get(1).body()).contains("Which VPN client version do you use?");
    assertThat(toAnna.get(3).body()).contains("Bitte bestätigen Sie die Lösung").contains("bis 2026-11-30 10:00 Europe/Berlin");
    assertThat(toAnna.get(4).body()).contains("https://survey.example.com/INC-000001");
    assertThat(toAnna.get(0).rule()).isEqualTo(
        "The caller is told the ticket was logged, with its reference and expected response");
  }

  @Test
  void escalations_tellTheCallerThePlan_andTheLeadOrManagerWhy() {
    Incident inc = logAndAssign(Priority.P2);
    desk.escalateFunctionally(AGENT, inc.id(), SupportLevel.L3, "network-ops", "beyond the SOP: BGP flaps");
    desk.escalateHierarchically(AGENT, inc.id(), Role.MANAGER, "customer-facing for two hours");
    List<Notification> esc = notifications.find(NotificationQuery.all().about(inc.id())).stream()
        .filter(n -> n.eventType().equals("Escalated")).toList();
    assertThat(esc).extracting(n -> n.recipientId() + " " + n.template()).containsExactly(
        "u-anna incident-escalated-caller", "l-lena incident-escalated-management",
        "m-maja incident-escalated-management");
    assertThat(esc.get(1).body()).contains("beyond the SOP: BGP flaps");
    assertThat(esc.get(2).body()).contains("customer-facing for two hours");
  }

  @Test
  void slaWarnings_goToTheAssigneeAndTheLead() {
    Incident inc = logAndAssign(Priority.P2);
    desk.assign(AGENT, inc.id(), Assignment.toPerson("network-ops", "a-nils", SupportLevel.L2));
    clock.advance(Duration.ofHours(3));
    desk.tick();
    assertThat(sent(inc.id())).contains("SlaThresholdReached -> a-nils incident-sla-warning",
        "SlaThresholdReached -> l-lena incident-sla-warning");
  }

  @Test
  void quietHoursHoldRoutineNotifications_butNotUrgentOnes_andDigestsCollectRoutineUpdates() {
    clock.now = Instant.parse("2026-11-23T21:00:00Z"); // Lena's quiet hours (UTC)
    Incident routine = logAndAssign(Priority.P4);
    Notification lena = notifications.find(NotificationQuery.all().about(routine.id()).withRecipient("l-lena")).get(0);
    assertThat(lena.timing()).isEqualTo(DeliveryTiming.LATER);
    assertThat(lena.dueAt()).isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));
    assertThat(lena.scheduledBy()).contains("Routine notifications wait until the recipient's quiet hours end");
    Notification olle = notifications.find(NotificationQuery.all().about(routine.id()).withRecipient("a-olle")).get(0);
    assertThat(olle.timing()).isEqualTo(DeliveryTiming.DIGEST);
    Incident urgent = logAndAssign(Priority.P1);
    assertThat(notifications.find(NotificationQuery.all().about(urgent.id())))
        .filteredOn(n -> n.eventType().equals("Assigned"))
        .allSatisfy(n -> assertThat(n.timing()).isEqualTo(DeliveryTiming.NOW));
  }

  @Test
  void duringAKnownOutage_theCallerGetsTheAnnouncementInTheirLanguage() {
    Announcements announcements = Announcements.builder().clock(clock).build();
    String id = announcements.draft(AGENT, AnnouncementContent.of(AnnouncementKind.UNPLANNED_OUTAGE,
            OutageWindow.from(clock.instant().minusSeconds(600), ZoneId.of("Europe/Berlin")), "+49 30 1234", "en",
            new AnnouncementText("Web shop down", "Orders database failed", "No orders", "Order by phone"))
        .withServices(Set.of("svc-webshop"))
        .withText("de", new AnnouncementText("Webshop ausgefallen", "Bestelldatenbank ausgefallen",
            "Keine Bestellungen", "Bestellen Sie per Telefon"))).id();
    announcements.submit(AGENT, id);
    announcements.decide(Actor.of("m", Role.MANAGER), id, Verdict.APPROVE, "");
    announcements.publish(Actor.of("l", Role.TEAM_LEAD), id);
    Notifications withOutages = Notifications.builder().clock(clock).policy(ENGINE)
        .recipients(InMemoryRecipientDirectory.of(people())).announcements(announcements).build();
    ServiceDesk d = ServiceDesk.builder().clock(clock).listener(withOutages.incidentListener()).build();
    Incident inc = d.log(ANNA, Ticket.builder().title("shop broken").service("svc-webshop").build());
    assertThat(withOutages.find(NotificationQuery.all().about(inc.id()))).singleElement().satisfies(n -> {
      assertThat(n.template()).isEqualTo("incident-known-outage");
      assertThat(n.subject()).isEqualTo("[INC-000001] Bekannte Störung: Webshop ausgefallen");
      assertThat(n.body()).contains("Umgehung: Bestellen Sie per Telefon").contains("Kontakt: +49 30 1234");
    });
  }

  @Test
  void aTeamRuleAskingToTellTheCallerAboutWorkNotes_isStoppedByTheDesk() {
    NotifyEngine leaky = NotifyEngine.builder().addRules("leaky.drl", """
        // Team rules, stage notify.
        package team;
        import io.itsm.rules.facts.NotificationFact;
        global io.itsm.rules.facts.NotificationDecisions notify;
        rule "Tell the caller about every comment"
          @template("incident-comment")
          ruleflow-group "notify"
        when
          NotificationFact(eventType == "CommentAdded")
        then
          notify.caller("every comment");
        end
        """).build();
    Notifications n = Notifications.builder().clock(clock).policy(leaky)
        .recipients(InMemoryRecipientDirectory.of(people())).build();
    ServiceDesk d = ServiceDesk.builder().clock(clock).listener(n.incidentListener()).build();
    Incident inc = d.log(ANNA, Ticket.builder().title("x").build());
    d.assign(AGENT, inc.id(), Assignment.toTeam("network-ops", SupportLevel.L2));
    d.comment(NILS, inc.id(), "secret work note", Visibility.INTERNAL);
    d.comment(NILS, inc.id(), "public answer", Visibility.PUBLIC);
    assertThat(n.find(NotificationQuery.all().withRecipient("u-anna")))
        .extracting(Notification::template).containsOnlyOnce("incident-comment")
        .allSatisfy(t -> assertThat(t).isNotNull());
    assertThat(n.find(NotificationQuery.all().withRecipient("u-anna"))).noneMatch(x -> x.body().contains("secret"));
  }

  @Test
  void rulesThatNameNoTemplate_anUnknownOne_orNoStage_areRefusedAtLoad() {
    String header = "package team;\nimport io.itsm.rules.facts.*;\nglobal io.itsm.rules.facts.NotificationDecisions notify;\n";
    assertThatThrownBy(() -> NotifyEngine.builder().addRules("a.drl", header
        + "rule \"No template\" ruleflow-group \"notify\" when NotificationFact() then notify.caller(\"x\"); end\n").build())
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("a.drl:?:?: rule 'No template' (stage notify) must name the template it sends: @template(\"name\")");
    assertThatThrownBy(() -> NotifyEngine.builder().addRules("b.drl", header
        + "rule \"Typo\" @template(\"incident-reslved\") ruleflow-group \"notify\" when NotificationFact() then"
        + " notify.caller(\"x\"); end\n").build())
        .hasMessageContaining("rule 'Typo' names template 'incident-reslved', which does not exist; templates: ");
    assertThatThrownBy(() -> NotifyEngine.builder().addRules("c.drl", header
        + "rule \"Stageless\" when NotificationFact() then notify.caller(\"x\"); end\n").build())
        .hasMessageContaining("rule 'Stageless' must name its stage: ruleflow-group \"notify\" or \"schedule\"");
    assertThatThrownBy(() -> NotifyEngine.builder().addRules("d.drl", header
        + "rule \"Scheduler\" @template(\"digest\") ruleflow-group \"schedule\" when DeliveryFact() then"
        + " notify.digest(\"x\"); end\n").build())
        .hasMessageContaining("rule 'Scheduler' (stage schedule) decides when, not what: remove its @template");
  }

  @Test
  void everyDefaultRule_firesInTheseScenarios() {
    NotifyEngine engine = NotifyEngine.withDefaults();
    Notifications n = Notifications.builder().clock(clock).policy(engine).slaPolicy(SlaPolicy.defaults())
        .recipients(InMemoryRecipientDirectory.of(people())).surveyLinks(i -> Optional.of("https://s/" + i.id())).build();
    ServiceDesk d = ServiceDesk.builder().clock(clock).slaPolicy(SlaPolicy.defaults()).listener(n.incidentListener()).build();
    Incident inc = d.log(ANNA, Ticket.builder().title("VPN").build());
    d.prioritize(AGENT, inc.id(), Impact.LOW, Urgency.LOW, Priority.P4);
    d.assign(AGENT, inc.id(), Assignment.toTeam("network-ops", SupportLevel.L2));
    d.comment(ANNA, inc.id(), "any news?", Visibility.PUBLIC);
    d.assign(AGENT, inc.id(), Assignment.toPerson("network-ops", "a-nils", SupportLevel.L2));
    d.comment(ANNA, inc.id(), "any news?", Visibility.PUBLIC);
    d.startWork(NILS, inc.id());
    d.putOnHold(NILS, inc.id(), OnHoldReason.AWAITING_USER, "which client?");
    d.resume(NILS, inc.id(), "");
    d.comment(NILS, inc.id(), "try this", Visibility.PUBLIC);
    d.escalateFunctionally(AGENT, inc.id(), SupportLevel.L3, "network-ops", "hard");
    d.escalateHierarchically(AGENT, inc.id(), Role.MANAGER, "long");
    clock.advance(Duration.ofDays(30));
    d.tick();
    d.proposeResolution(Actor.of("x", Role.ADMIN), inc.id(), "SOLVED_FIXED", "done");
    d.confirmResolution(ANNA, inc.id());
    clock.now = Instant.parse("2027-01-01T23:00:00Z");
    d.log(ANNA, Ticket.builder().title("late").build());
    Incident night = d.log(AGENT, Ticket.builder().title("night").build());
    d.assign(AGENT, night.id(), Assignment.toTeam("network-ops", SupportLevel.L2));
    engine.ruleFireCounts().forEach((rule, count) -> {
      if (!rule.equals("During a known outage the caller gets the announcement instead")) {
        assertThat(count).as(rule).isPositive();
      }
    });
    assertThat(engine.ruleNames()).hasSize(17);
  }
}
