package io.itsm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyPreviewCommandTest {

  private static final String TICKET = "{\"title\":\"Outlook crashes when opening attachments\","
      + "\"caller\":{\"id\":\"u-anna\",\"name\":\"Anna\",\"email\":\"anna@example.com\",\"language\":\"de\"}}";

  @Test
  void aTicketsLifecycle_showsEveryNotificationInTheCallersLanguage_andNoneForWorkNotes() {
    Cli r = Cli.runWithStdin(TICKET, "notify-preview", "--input", "-", "--now", "2026-11-23T09:00:00Z");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("#1 IncidentLogged by u-anna\n"
        + "   -> u-anna EMAIL [de] incident-logged: [INC-000001] Wir haben Ihre Anfrage erhalten: Outlook crashes"
        + " when opening attachments\n");
    assertThat(r.out()).contains("#10 CommentAdded by apps-support-agent\n   (no notification)\n")
        .contains("-> u-anna EMAIL [de] incident-resolved: [INC-000001] Gelöst: bitte bestätigen")
        .contains("-> u-anna EMAIL [de] incident-closed-survey");
    assertThat(r.out()).doesNotContain("old image");
  }

  @Test
  void teamRules_addTheirNotifications_andBrokenOnesAreReportedByFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("vip.drl"), """
        // Team rules, stage notify.
        package team;
        import io.itsm.rules.facts.NotificationFact;
        global io.itsm.rules.facts.NotificationDecisions notify;
        rule "Managers hear of every new ticket"
          @template("incident-assigned")
          ruleflow-group "notify"
        when
          NotificationFact(eventType == "Assigned", assignee == null)
        then
          notify.role(io.itsm.core.access.Role.MANAGER, "they asked to");
        end
        """);
    Cli r = Cli.runWithStdin(TICKET, "notify-preview", "--input", "-", "--notify-rules", dir.toString());
    assertThat(r.out()).contains("-> apps-support-manager CHAT [en] incident-assigned")
        .contains("rule 'Managers hear of every new ticket': they asked to");
    Files.writeString(dir.resolve("vip.drl"), Files.readString(dir.resolve("vip.drl")).replace("incident-assigned", "incident-asigned"));
    Cli bad = Cli.runWithStdin(TICKET, "notify-preview", "--input", "-", "--notify-rules", dir.toString());
    assertThat(bad.exitCode()).isEqualTo(ItsmCommand.EXIT_FAILURES);
    assertThat(bad.err()).contains("vip.drl:?:?: rule 'Managers hear of every new ticket' names template 'incident-asigned',"
        + " which does not exist").contains("itsm: notification rules do not compile (1 problem)");
  }

  @Test
  void aBadTicket_isReported() {
    Cli r = Cli.runWithStdin("{\"titel\":\"x\"}", "notify-preview", "--input", "-");
    assertThat(r.exitCode()).isEqualTo(ItsmCommand.EXIT_FAILURES);
    assertThat(r.err()).contains("unknown property 'titel'").contains("did you mean 'title'");
  }
}
