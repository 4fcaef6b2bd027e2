package io.itsm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.announcement.AnnouncementContent;
import io.itsm.core.announcement.AnnouncementKind;
import io.itsm.core.announcement.AnnouncementText;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.announcement.OutageWindow;
import io.itsm.core.approval.Approver;
import io.itsm.core.cmdb.CiDefinition;
import io.itsm.core.cmdb.CiType;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.cmdb.Criticality;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import io.itsm.core.notification.InMemoryRecipientDirectory;
import io.itsm.core.notification.NotificationQuery;
import io.itsm.core.notification.NotificationSubject;
import io.itsm.core.notification.Notifications;
import io.itsm.core.notification.Recipient;
import io.itsm.rules.internal.RuleRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Notification and announcement rule files are contained like triage rule files: what their code
 * may touch is checked at compile time, each decision has a time budget, and a failed decision
 * names the rule and leaves the desk's command stored.
 */
@Timeout(120)
class PracticeRuleSafetyTest {

  static final Actor ADMIN = Actor.of("root", Role.ADMIN);
  static final Actor AGENT = Actor.of("a-sara", Role.AGENT, "service-desk");
  static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  static final String NOTIFY_HEADER = "package team;\nimport io.itsm.rules.facts.*;\n"
      + "global io.itsm.rules.facts.NotificationDecisions notify;\n";

  /** Spins for the caller u-spin until the test releases it: trusted, it calls a test class. */
  static final String SPIN = NOTIFY_HEADER
      + "rule \"Spins for one caller\"\n" // 4
      + "  @template(\"incident-logged\")\n"
      + "  ruleflow-group \"notify\"\n"
      + "when\n"
      + "  NotificationFact(eventType == \"IncidentLogged\", callerId == \"u-spin\")\n"
      + "then\n"
      + "  while (!io.itsm.rules.Latch.released()) { }\n"
      + "end\n";

  @BeforeEach
  void reset() {
    Latch.reset();
  }

  @AfterEach
  void release() {
    Latch.release();
  }

  @Test
  void notifyRuleCodeThatLeavesTheRule_isRefusedAtCompileTime_unlessTrusted() {
    String drl = NOTIFY_HEADER
        + "rule \"Reads the environment\"\n"
        + "  @template(\"incident-logged\")\n"
        + "  ruleflow-group \"notify\"\n"
        + "when\n"
        + "  NotificationFact()\n"
        + "then\n"
        + "  notify.caller(System.getenv(\"HOME\"));\n"
        + "end\n";

    assertThatThrownBy(() -> NotifyEngine.builder().addRules("env.drl", drl).build())
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("env.drl")
        .hasMessageContaining("java.lang.System.getenv");
    assertThat(NotifyEngine.builder().addRules("env.drl", drl).trustRules().build().ruleNames())
        .contains("Reads the environment");
  }

  @Test
  void announcementRuleCodeThatLeavesTheRule_isRefusedAtCompileTime_unlessTrusted() {
    String drl = "package team;\nimport io.itsm.rules.facts.AnnouncementFact;\n"
        + "import io.itsm.core.access.Role;\n"
        + "global io.itsm.rules.facts.AnnouncementDecisions announce;\n"
        + "rule \"Exits\"\n"
        + "when\n"
        + "  AnnouncementFact()\n"
        + "then\n"
        + "  Runtime.getRuntime().halt(1);\n"
        + "end\n";

    assertThatThrownBy(() -> AnnouncementEngine.builder().addRules("halt.drl", drl).build())
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("halt.drl")
        .hasMessageContaining("java.lang.Runtime");
  }

  @Test
  void aContainedTeamRule_mayUseTheAnnouncementKindAndCriticality_itsFactsCarry() {
    AnnouncementEngine engine = AnnouncementEngine.builder().addRules("team.drl", """
        package team;
        import io.itsm.core.access.Role;
        import io.itsm.core.announcement.AnnouncementKind;
        import io.itsm.core.cmdb.Criticality;
        import io.itsm.rules.facts.AnnouncementFact;
        global io.itsm.rules.facts.AnnouncementDecisions announce;
        rule "Critical maintenance needs senior management"
          ruleflow-group "publish"
        when
          AnnouncementFact(kind == AnnouncementKind.MAINTENANCE,
              highestCriticality == Criticality.BUSINESS_CRITICAL)
        then
          announce.approvedBy(Role.SENIOR_MANAGER, "critical maintenance");
        end
        """).build();
    Cmdb cmdb = Cmdb.builder().build();
    cmdb.register(ADMIN, CiDefinition.of("svc-shop", CiType.BUSINESS_SERVICE, "Shop")
        .withCriticality(Criticality.BUSINESS_CRITICAL));
    Announcements announcements = Announcements.builder()
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).cmdb(cmdb).policy(engine).build();
    Instant start = NOW.plus(Duration.ofDays(7));
    String id = announcements.draft(ADMIN, AnnouncementContent.of(AnnouncementKind.MAINTENANCE,
            OutageWindow.of(start, start.plus(Duration.ofHours(2)), ZoneOffset.UTC), "desk", "en",
            new AnnouncementText("Shop maintenance", "", "", ""))
        .withServices(Set.of("svc-shop"))).id();

    assertThat(announcements.submit(ADMIN, id).approval().orElseThrow().stages())
        .extracting(st -> st.approvers().get(0))
        .containsExactly(Approver.role(Role.MANAGER), Approver.role(Role.SENIOR_MANAGER));
  }

  @Test
  void aNotifyRuleThatDoesNotReturn_failsItsDecision_namingTheRule_theDesksCommandStays() {
    NotifyEngine engine = NotifyEngine.builder().withoutDefaults().addRules("spin.drl", SPIN)
        .trustRules().timeBudget(Duration.ofMillis(100)).build();
    Notifications notifications = Notifications.builder().policy(engine)
        .recipients(InMemoryRecipientDirectory.of(List.of(Recipient.of("u-anna", "Anna"))))
        .build();
    ServiceDesk desk =
        ServiceDesk.builder().listener(notifications.incidentListener()).build();
    for (int i = 0; i <= RuleRunner.WARMUP_RUNS; i++) { // past the warm-up budget
      desk.log(AGENT, Ticket.builder().title("warm " + i).build());
    }

    Incident spin = desk.log(AGENT,
        Ticket.builder().title("Spins").caller(Caller.of("u-spin")).build());

    assertThat(desk.get(AGENT, spin.id())).as("the command is stored").isNotNull();
    assertThat(notifications.find(NotificationQuery.all().about(spin.id()))).isEmpty();
    NotificationSubject subject = new NotificationSubject(desk.history(AGENT, spin.id()).get(0),
        spin, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    RuleExecutionException e =
        catchThrowableOfType(RuleExecutionException.class, () -> engine.decide(subject));
    assertThat(e.getRules()).containsExactly("Spins for one caller");
    assertThat(e.getMessage()).contains("time budget of 100 ms", "spin.drl:4", spin.id());
    Latch.release();
  }

  @Test
  void budgetsAndStuckLimits_areValidated() {
    assertThatThrownBy(() -> NotifyEngine.builder().timeBudget(Duration.ZERO))
        .isInstanceOf(ValidationException.class).hasMessageContaining("timeBudget");
    assertThatThrownBy(() -> NotifyEngine.builder().maxStuckRuns(0))
        .isInstanceOf(ValidationException.class).hasMessageContaining("maxStuckRuns");
    assertThatThrownBy(() -> AnnouncementEngine.builder().timeBudget(Duration.ofMillis(-1)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("timeBudget");
    assertThatThrownBy(() -> AnnouncementEngine.builder().maxStuckRuns(0))
        .isInstanceOf(ValidationException.class).hasMessageContaining("maxStuckRuns");
  }
}
