package io.itsm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Verdict;
import io.itsm.core.event.Provenance;
import io.itsm.core.improvement.Improvement;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Ticket;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.review.PlannedAction;
import io.itsm.core.review.PostIncidentReview;
import io.itsm.core.review.PreventiveAction;
import io.itsm.core.review.ReviewRequirement;
import io.itsm.rules.ActionEscalationEngine;
import io.itsm.rules.TriageEngine;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code itsm reviews} and {@code itsm actions} on an export written by the library. */
class ImprovementCommandsTest {

  private static final Actor LEAD = Actor.of("lena", Role.TEAM_LEAD, "network-ops");

  @TempDir Path dir;
  private Path export;

  /** Two reviews: one approved with an overdue action escalated to the team lead, one draft. */
  @BeforeEach
  void writeExport() throws IOException {
    MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T08:00:00Z"));
    Improvement imp = Improvement.builder()
        .reviewPolicy(c -> ReviewRequirement.required(c.at().plus(Duration.ofDays(5)),
            Provenance.rule("Everything is reviewed", "test")))
        .actionEscalation(ActionEscalationEngine.withDefaults())
        .build(ServiceDesk.builder().clock(clock).triagePolicy(TriageEngine.withDefaults()));
    ServiceDesk desk = imp.desk();
    for (String title : List.of("VPN down for the whole office", "Printer jams")) {
      String id = desk.log(Actor.endUser("anna"), Ticket.builder().title(title)
          .caller(Caller.of("anna")).build()).id();
      Actor agent = Actor.of("agent", Role.AGENT, desk.get(LEAD, id).team().orElseThrow());
      desk.startWork(agent, id);
      clock.advance(Duration.ofHours(1));
      desk.proposeResolution(agent, id, "SOLVED_FIXED", "fixed");
      if (desk.get(LEAD, id).approval().isPresent()) {
        desk.decideApproval(Actor.of("m", Role.MANAGER), id, Verdict.APPROVE, "");
      }
    }
    String first = "PIR-000001";
    imp.reviews().recordFindings(LEAD, first, "Expired certificate", List.of(), List.of());
    imp.reviews().planAction(LEAD, first, PlannedAction.of("Monitor certificate expiry", "nina",
        "network-ops", clock.instant().plus(Duration.ofDays(2))));
    imp.reviews().planAction(LEAD, first, PlannedAction.of("Renew all certificates", "paul",
        "network-ops", clock.instant().plus(Duration.ofDays(20))));
    imp.reviews().submit(LEAD, first);
    imp.reviews().decide(Actor.of("sofia", Role.SENIOR_MANAGER), first, Verdict.APPROVE, "");
    clock.advance(Duration.ofDays(3));
    imp.tick();
    StringWriter out = new StringWriter();
    imp.exportTo(out);
    export = Files.writeString(dir.resolve("improvement.jsonl"), out.toString());
  }

  @Test
  void reviews_listsEachReview_withItsStatusDueTimeApprovalAndActions() {
    Cli r = Cli.run("reviews", "--export", export.toString());

    assertThat(r.exitCode()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).startsWith("review       status            scope");
    assertThat(lines.get(1)).startsWith("PIR-000001   APPROVED          INCIDENT INC-000001")
        .contains("2026-03-07 09:00 UTC").contains("APPROVED   0/2");
    assertThat(lines.get(2)).startsWith("PIR-000002   DRAFT").contains("Printer jams");
    assertThat(lines.get(3)).isEqualTo("2 reviews (export of 2026-03-05 10:00 UTC)");
    assertThat(Cli.run("reviews", "--export", export.toString(), "--status", "DRAFT").out())
        .contains("PIR-000002").doesNotContain("PIR-000001").contains("1 review DRAFT");
  }

  @Test
  void actions_listsTheOpenActions_howLongOverdue_andWhoWasTold() {
    Cli r = Cli.run("actions", "--export", export.toString());

    assertThat(r.exitCode()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(1)).startsWith("PA-000001  OPEN         2026-03-04 10:00 UTC  1 d 0 h")
        .contains("nina").contains("PIR-000001").contains("TEAM_LEAD")
        .endsWith("Monitor certificate expiry");
    assertThat(lines.get(2)).startsWith("PA-000002  OPEN").contains(" -  ");
    assertThat(lines.get(3)).isEqualTo("2 open preventive actions, 1 overdue at 2026-03-05 10:00"
        + " UTC");
    assertThat(Cli.run("actions", "--export", export.toString(), "--overdue").out())
        .contains("PA-000001").doesNotContain("PA-000002");
    assertThat(Cli.run("actions", "--export", export.toString(), "--owner", "paul",
        "--at", "2026-03-30T00:00:00Z").out())
        .contains("PA-000002").doesNotContain("PA-000001")
        .contains("1 open preventive action, 1 overdue at 2026-03-30 00:00 UTC");
  }

  @Test
  void json_writesEachRecordInTheDocumentedFormat() {
    Cli reviews = Cli.run("reviews", "--export", export.toString(), "--json");
    Cli actions = Cli.run("actions", "--export", export.toString(), "--json");

    PostIncidentReview r = ItsmJson.defaults().improvement()
        .readReview(reviews.out().lines().findFirst().orElseThrow());
    assertThat(r.id()).isEqualTo("PIR-000001");
    PreventiveAction a = ItsmJson.defaults().improvement()
        .readAction(actions.out().lines().findFirst().orElseThrow());
    assertThat(a.escalations()).hasSize(1);
  }

  @Test
  void theExportIsReadFromStandardInput_withADash() throws IOException {
    Cli r = Cli.runWithStdin(Files.readString(export), "reviews", "--export", "-");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("2 reviews");
  }

  @Test
  void badExports_andBadOptions_exitWithTheirCodes() throws IOException {
    Path damaged = Files.writeString(dir.resolve("damaged.jsonl"),
        Files.readString(export).replace("\"aggregate\":\"review\"", "\"aggregate\":\"reveiw\""));

    Cli bad = Cli.run("reviews", "--export", damaged.toString());
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).startsWith("itsm: " + damaged + " line ")
        .contains("aggregate: 'reveiw' is not one of problem, review, preventive-action, survey");
    Cli missing = Cli.run("actions", "--export", dir.resolve("nope.jsonl").toString());
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.err()).contains("cannot read export").contains("no such file");
    assertThat(Cli.run("reviews").exitCode()).isEqualTo(2);
    assertThat(Cli.run("reviews", "--export", export.toString(), "--demo").exitCode())
        .isEqualTo(2);
    Cli status = Cli.run("reviews", "--export", export.toString(), "--status", "DONE");
    assertThat(status.exitCode()).isEqualTo(2);
    assertThat(status.err()).contains("DRAFT, PENDING_APPROVAL, APPROVED, CLOSED, CANCELLED");
  }
}
