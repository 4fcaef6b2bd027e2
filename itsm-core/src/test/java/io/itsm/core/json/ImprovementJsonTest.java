package io.itsm.core.json;

import static io.itsm.core.improvement.Desks.ANNA;
import static io.itsm.core.improvement.Desks.BERT;
import static io.itsm.core.improvement.Desks.LENA;
import static io.itsm.core.improvement.Desks.NINA;
import static io.itsm.core.improvement.Desks.PAUL;
import static io.itsm.core.improvement.Desks.ROOT;
import static io.itsm.core.improvement.Desks.SOFIA;
import static io.itsm.core.improvement.Desks.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Verdict;
import io.itsm.core.escalation.EscalationAction;
import io.itsm.core.event.Provenance;
import io.itsm.core.improvement.Desks;
import io.itsm.core.improvement.Improvement;
import io.itsm.core.improvement.ImprovementExport;
import io.itsm.core.improvement.RecordRef;
import io.itsm.core.problem.Problem;
import io.itsm.core.problem.ProblemEvent;
import io.itsm.core.review.PlannedAction;
import io.itsm.core.review.PostIncidentReview;
import io.itsm.core.review.PreventiveActionEvent;
import io.itsm.core.review.ReviewEvent;
import io.itsm.core.review.ReviewQuery;
import io.itsm.core.review.ReviewRequirement;
import io.itsm.core.survey.FollowUpDecision;
import io.itsm.core.survey.Survey;
import io.itsm.core.survey.SurveyAnswered;
import io.itsm.core.survey.SurveyDecision;
import io.itsm.core.survey.SurveyEvent;
import io.itsm.core.survey.SurveyPolicy;
import io.itsm.core.survey.SurveyQuery;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The JSON of problems, reviews, preventive actions and surveys: every event type round-trips,
 * the format of an event, and the errors of bad documents and exports.
 */
class ImprovementJsonTest {

  private static final ImprovementJson JSON = ItsmJson.defaults().improvement();

  /** A desk on which every event type of the four practices happens. */
  private static ImprovementExport everything() {
    MutableClock clock = Desks.clock();
    SurveyPolicy surveyPolicy = new SurveyPolicy() {
      @Override
      public SurveyDecision decide(io.itsm.core.survey.SurveyCandidate c) {
        return c.callerId().orElse("").equals("anna")
            ? SurveyDecision.ask(Provenance.rule("Anna is asked", "always"))
            : SurveyDecision.skip(Provenance.rule("Others are not", "never"));
      }

      @Override
      public Optional<FollowUpDecision> followUp(Survey s) {
        return Optional.of(new FollowUpDecision(Role.TEAM_LEAD,
            Provenance.rule("Every answer is followed up", "test")));
      }
    };
    Improvement imp = Improvement.builder()
        .surveyPolicy(surveyPolicy)
        .reviewPolicy(c -> ReviewRequirement.notRequired())
        .reviewApprovalTerms(io.itsm.core.kernel.Kernel.defaultApprovals()
            .get(io.itsm.core.approval.ApprovalSubject.Kind.INCIDENT_REPORT)
            .withDueAfter(Duration.ofDays(2)))
        .actionEscalation((a, now) -> List.of(EscalationAction.notifyRole(Role.TEAM_LEAD,
            "Overdue goes to the lead", a.id() + " overdue")))
        .build(Desks.desk(clock));
    ServiceDesk desk = imp.desk();
    String a = desk.log(ANNA, ticket("Network outage", ANNA)).id();
    String b = desk.log(BERT, ticket("Network outage too", BERT)).id();
    String c = desk.log(ANNA, ticket("Printer jams", ANNA)).id();
    Desks.resolveAndClose(desk, clock, a);
    Desks.resolveAndClose(desk, clock, b);
    Desks.resolveAndClose(desk, clock, c);
    List<Survey> sent = imp.surveys().waitingFor(ANNA);
    imp.surveys().answer(ANNA, sent.get(0).id(), Map.of("overall", 1, "communication", 2),
        "nobody told me anything");
    imp.surveys().closeFollowUp(LENA, sent.get(0).id(), "called her back");

    Problem p = imp.problems().log(LENA, "Core switch", "", List.of(a));
    imp.problems().linkIncident(LENA, p.id(), b);
    imp.problems().startInvestigation(LENA, p.id(), "paul");
    imp.problems().recordRootCause(PAUL, p.id(), "PSU");
    imp.problems().recordWorkaround(PAUL, p.id(), "Reboot");
    imp.problems().declareKnownError(PAUL, p.id());
    imp.problems().resolve(PAUL, p.id(), "PSU replaced", RecordRef.change("CHG-1"));
    imp.problems().close(LENA, p.id(), null);

    PostIncidentReview cancelled = imp.reviews().openForIncident(LENA, c);
    imp.reviews().cancel(LENA, cancelled.id(), "not needed");
    PostIncidentReview r = imp.reviews().openForIncident(LENA, a);
    imp.reviews().reassemble(LENA, r.id());
    imp.reviews().recordFindings(LENA, r.id(), "PSU", List.of("no spare"), List.of("stock spares"));
    Instant now = clock.instant();
    imp.reviews().planAction(LENA, r.id(), PlannedAction.of("Spares", "paul", "network-ops",
        now.plus(Duration.ofDays(5))).withImplementedBy(RecordRef.problem(p.id())));
    imp.reviews().planAction(LENA, r.id(), PlannedAction.of("Drop me", "paul", "network-ops",
        now.plus(Duration.ofDays(5))));
    imp.reviews().dropAction(LENA, r.id(), "Drop me", "duplicate");
    imp.reviews().planAction(LENA, r.id(), PlannedAction.of("Monitoring", "nina", "network-ops",
        now.plus(Duration.ofDays(1))));
    imp.reviews().submit(LENA, r.id());
    clock.advance(Duration.ofDays(3));
    imp.tick();
    imp.reviews().planAction(LENA, r.id(), PlannedAction.of("Monitoring", "nina", "network-ops",
        clock.instant().plus(Duration.ofDays(1))));
    imp.reviews().submit(LENA, r.id());
    imp.reviews().decide(SOFIA, r.id(), Verdict.APPROVE, "");
    imp.reviews().startAction(PAUL, "PA-000001");
    imp.reviews().linkAction(PAUL, "PA-000001", RecordRef.article("KB-7"));
    imp.reviews().reassignAction(LENA, "PA-000001", "nina", "network-ops", "");
    imp.reviews().rescheduleAction(NINA, "PA-000001", clock.instant().plus(Duration.ofDays(9)),
        "supplier late");
    clock.advance(Duration.ofDays(2));
    imp.tick();
    imp.reviews().completeAction(NINA, "PA-000001", "spares in stock");
    imp.reviews().cancelAction(LENA, "PA-000002", "covered by PA-000001");
    clock.advance(Duration.ofDays(8));
    imp.tick();
    return imp.export();
  }

  private static Set<String> permitted(Class<?> family) {
    return Arrays.stream(family.getPermittedSubclasses()).map(Class::getSimpleName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyEventType_andEveryRecord_roundTrips() {
    ImprovementExport all = everything();

    Set<String> types = new TreeSet<>();
    for (List<ProblemEvent> h : all.problems()) {
      for (ProblemEvent e : h) {
        types.add(e.type());
        assertThat(JSON.readProblemEvent(JSON.writeEvent(e))).isEqualTo(e);
      }
    }
    assertThat(types).isEqualTo(permitted(ProblemEvent.class));
    types.clear();
    for (List<ReviewEvent> h : all.reviews()) {
      for (ReviewEvent e : h) {
        types.add(e.type());
        assertThat(JSON.readReviewEvent(JSON.writeEvent(e))).isEqualTo(e);
      }
    }
    assertThat(types).isEqualTo(permitted(ReviewEvent.class));
    types.clear();
    for (List<PreventiveActionEvent> h : all.actions()) {
      for (PreventiveActionEvent e : h) {
        types.add(e.type());
        assertThat(JSON.readActionEvent(JSON.writeEvent(e))).isEqualTo(e);
      }
    }
    assertThat(types).isEqualTo(permitted(PreventiveActionEvent.class));
    types.clear();
    for (List<SurveyEvent> h : all.surveys()) {
      for (SurveyEvent e : h) {
        types.add(e.type());
        assertThat(JSON.readSurveyEvent(JSON.writeEvent(e))).isEqualTo(e);
      }
    }
    assertThat(types).isEqualTo(permitted(SurveyEvent.class));

    all.problemStates().forEach(x -> assertThat(JSON.readProblem(JSON.writeProblem(x))).isEqualTo(x));
    all.reviewStates().forEach(x -> assertThat(JSON.readReview(JSON.writeReview(x))).isEqualTo(x));
    all.actionStates().forEach(x -> assertThat(JSON.readAction(JSON.writeAction(x))).isEqualTo(x));
    all.surveyStates().forEach(x -> assertThat(JSON.readSurvey(JSON.writeSurvey(x))).isEqualTo(x));
    StringWriter out = new StringWriter();
    JSON.writeExport(out, all);
    assertThat(JSON.readExport(new StringReader(out.toString()))).isEqualTo(all);
  }

  @Test
  void anEvent_isWrittenWithItsTypeFirst_andPropertiesInComponentOrder() {
    SurveyAnswered e = new SurveyAnswered("SRV-000001", 2, Instant.parse("2026-03-02T12:00:00Z"),
        "anna", Map.of("skill", 4, "overall", 2), "");

    assertThat(JSON.writeEvent(e)).isEqualTo("{\"type\":\"SurveyAnswered\",\"surveyId\":"
        + "\"SRV-000001\",\"sequence\":2,\"at\":\"2026-03-02T12:00:00Z\",\"actor\":\"anna\","
        + "\"scores\":{\"overall\":2,\"skill\":4},\"comment\":\"\"}");
    assertThat(JSON.readSurveyEvent("{\"type\":\"SurveyAnswered\",\"surveyId\":\"SRV-000001\","
        + "\"sequence\":2,\"at\":\"2026-03-02T12:00:00Z\",\"actor\":\"anna\",\"scores\":"
        + "{\"overall\":2,\"skill\":4}}")).isEqualTo(e);
  }

  @Test
  void badEvents_nameThePath_andTheAllowedValues() {
    assertThatThrownBy(() -> JSON.readReviewEvent("{\"type\":\"ReviewApprove\",\"reviewId\":\"x\"}"))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("type: 'ReviewApprove' is not one of ReviewOpened,")
        .hasMessageContaining("did you mean 'ReviewApproved'?");
    assertThatThrownBy(() -> JSON.readActionEvent("{\"type\":\"PreventiveActionCancelled\","
        + "\"actionId\":\" \",\"sequence\":1,\"at\":\"2026-03-02T12:00:00Z\",\"actor\":\"a\","
        + "\"reason\":\"r\"}"))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("actionId: must not be blank");
    assertThatThrownBy(() -> JSON.readProblemEvent("{\"type\":\"ProblemResolved\","
        + "\"problemId\":\"PRB-1\",\"sequence\":3,\"at\":\"2026-03-02T12:00:00Z\",\"actor\":\"a\","
        + "\"resolution\":\"x\",\"fix\":{\"kind\":\"CHANGES\",\"id\":\"CHG-1\"}}"))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("fix.kind: 'CHANGES' is not one of INCIDENT, PROBLEM, CHANGE,"
            + " KNOWLEDGE_ARTICLE, REVIEW");
    assertThatThrownBy(() -> JSON.readSurveyEvent("{\"type\":\"SurveyExpired\",\"surveyId\":"
        + "\"SRV-1\",\"sequence\":2,\"actor\":\"system\"}"))
        .isInstanceOf(JsonFormatException.class).hasMessageContaining("at: required, but missing");
  }

  @Test
  void badExports_nameTheLine_andWhatIsWrong() {
    String header = "{\"itsmExport\":1}\n";
    String survey = "{\"aggregate\":\"survey\",\"id\":\"SRV-1\",\"events\":[{\"type\":"
        + "\"SurveyExpired\",\"surveyId\":\"SRV-1\",\"sequence\":1,\"at\":"
        + "\"2026-03-02T12:00:00Z\",\"actor\":\"system\"}]}\n";

    assertThatThrownBy(() -> JSON.readExport(new StringReader(header
        + "{\"aggregate\":\"reviews\",\"id\":\"x\",\"events\":[]}\n")))
        .isInstanceOf(JsonFormatException.class)
        .hasMessage("aggregate: 'reviews' is not one of problem, review, preventive-action, survey,"
            + " incident (line 2, column 1)");
    assertThatThrownBy(() -> JSON.readExport(new StringReader(header + survey
        + "{\"end\":true,\"records\":1,\"events\":1}\n")))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("the history does not replay: the history of survey SRV-1 must start"
            + " with SurveySent or SurveySkipped, but started with SurveyExpired (line 2");
    assertThatThrownBy(() -> JSON.readExport(new StringReader(header)))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("the export is truncated: it ends without the trailer");
    assertThatThrownBy(() -> JSON.readExport(new StringReader("{\"itsmStor\":1}\n")))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("the first line must be the header");
    assertThatThrownBy(() -> JSON.readExport(new StringReader(header
        + "{\"end\":true,\"records\":2,\"events\":9}\n")))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("the trailer counts 2 records and 9 events, but the export holds 0"
            + " records and 0 events");
  }

  @Test
  void aStoreBackup_isRead_fromItsRecordLines_skippingIncidentsAndOtherPractices() {
    ImprovementExport all = everything();
    StringBuilder backup = new StringBuilder(
        "{\"itsmStore\":1,\"schemaVersion\":\"2\",\"database\":\"H2 2.4\"}\n");
    backup.append("{\"aggregate\":\"incident\",\"id\":\"INC-000001\",\"events\":[{}]}\n");
    backup.append("{\"aggregate\":\"knowledge-article\",\"id\":\"KB-000001\",\"version\":1,"
        + "\"state\":{},\"events\":[{\"sequence\":1,\"payload\":{}}]}\n");
    for (List<ReviewEvent> h : all.reviews()) {
      backup.append(backupLine("review", h.get(0).reviewId(),
          h.stream().map(JSON::writeEvent).toList()));
    }
    for (List<PreventiveActionEvent> h : all.actions()) {
      backup.append(backupLine("preventive-action", h.get(0).actionId(),
          h.stream().map(JSON::writeEvent).toList()));
    }
    backup.append("{\"end\":true,\"incidents\":1,\"events\":99,\"records\":9}\n");

    ImprovementExport read = JSON.readExport(new StringReader(backup.toString()));
    assertThat(read.reviews()).isEqualTo(all.reviews());
    assertThat(read.actions()).isEqualTo(all.actions());
    assertThat(read.problems()).isEmpty();
    assertThat(read.exportedAt()).isEmpty();
  }

  @Test
  void aStoreBackupsRecordLine_withABadPayload_namesTheLineAndTheEvent() {
    ImprovementExport all = everything();
    List<ReviewEvent> h = all.reviews().get(0);
    List<String> payloads = new java.util.ArrayList<>(h.stream().map(JSON::writeEvent).toList());
    payloads.set(1, "{\"type\":\"ReviewNonsense\"}");
    String backup = "{\"itsmStore\":1}\n" + backupLine("review", h.get(0).reviewId(), payloads)
        + "{\"end\":true,\"incidents\":0,\"events\":0,\"records\":1}\n";

    assertThatThrownBy(() -> JSON.readExport(new StringReader(backup)))
        .isInstanceOf(JsonFormatException.class)
        .hasMessageContaining("events[1].payload")
        .hasMessageContaining("ReviewNonsense")
        .hasMessageContaining("line 2");
  }

  /** A record line as a store backup writes it: its events wrapped, their payloads objects. */
  private static String backupLine(String aggregate, String id, List<String> payloads) {
    StringBuilder line = new StringBuilder("{\"aggregate\":\"" + aggregate + "\",\"id\":\"" + id
        + "\",\"version\":" + payloads.size() + ",\"status\":\"X\",\"updatedAt\":"
        + "\"2026-03-02T08:00:00Z\",\"state\":{},\"events\":[");
    for (int i = 0; i < payloads.size(); i++) {
      line.append(i == 0 ? "" : ",").append("{\"sequence\":").append(i + 1)
          .append(",\"type\":\"T\",\"at\":\"2026-03-02T08:00:00Z\",\"actor\":\"a\",\"payload\":")
          .append(payloads.get(i)).append('}');
    }
    return line.append("]}\n").toString();
  }

}
