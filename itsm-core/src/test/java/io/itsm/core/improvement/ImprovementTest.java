package io.itsm.core.improvement;

import static io.itsm.core.improvement.Desks.ANNA;
import static io.itsm.core.improvement.Desks.BERT;
import static io.itsm.core.improvement.Desks.LENA;
import static io.itsm.core.improvement.Desks.NINA;
import static io.itsm.core.improvement.Desks.PAUL;
import static io.itsm.core.improvement.Desks.ROOT;
import static io.itsm.core.improvement.Desks.SOFIA;
import static io.itsm.core.improvement.Desks.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.MutableClock;
import io.itsm.core.ServiceDesk;
import io.itsm.core.approval.Verdict;
import io.itsm.core.event.Provenance;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.problem.Problem;
import io.itsm.core.problem.ProblemQuery;
import io.itsm.core.review.ActionQuery;
import io.itsm.core.review.PlannedAction;
import io.itsm.core.review.PostIncidentReview;
import io.itsm.core.review.ReviewCandidate;
import io.itsm.core.review.ReviewQuery;
import io.itsm.core.review.ReviewRequirement;
import io.itsm.core.review.ReviewScope;
import io.itsm.core.survey.Survey;
import io.itsm.core.survey.SurveyPolicy;
import io.itsm.core.survey.SurveyQuery;
import io.itsm.core.survey.SurveyStatus;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The practices wired to one desk: the desk's and the problems' events drive them. */
class ImprovementTest {

  private final MutableClock clock = Desks.clock();
  private final List<ReviewCandidate> candidates = new ArrayList<>();

  private final Improvement improvement = Improvement.builder()
      .surveyPolicy(SurveyPolicy.always())
      .reviewPolicy(c -> {
        candidates.add(c);
        return c.trigger() == ReviewCandidate.Trigger.PROBLEM_KNOWN_ERROR
            ? ReviewRequirement.required(null, Provenance.rule("Known errors are reviewed", "k"))
            : ReviewRequirement.notRequired();
      })
      .build(Desks.desk(clock));
  private final ServiceDesk desk = improvement.desk();

  @Test
  void theDesksEvents_surveyClosedIncidents_andAKnownError_opensAReviewOfItsIncidents() {
    String a = desk.log(ANNA, ticket("Mail bounces", ANNA)).id();
    String b = desk.log(BERT, ticket("Mail bounces too", BERT)).id();
    Desks.resolveAndClose(desk, clock, a);

    Survey s = improvement.surveys().find(ROOT, SurveyQuery.all().withIncident(a)).get(0);
    assertThat(s.status()).isEqualTo(SurveyStatus.SENT);
    assertThat(candidates).extracting(ReviewCandidate::subjectId).containsExactly(a);

    Problem p = improvement.problems().log(LENA, "Mail relay", "", List.of(a, b));
    improvement.problems().startInvestigation(LENA, p.id(), "paul");
    improvement.problems().recordRootCause(PAUL, p.id(), "Size limit");
    improvement.problems().recordWorkaround(PAUL, p.id(), "Send a link instead");
    improvement.problems().declareKnownError(PAUL, p.id());

    PostIncidentReview r = improvement.reviews().find(ROOT, ReviewQuery.all()).get(0);
    assertThat(r.scope()).isEqualTo(new ReviewScope(ReviewScope.Kind.PROBLEM, p.id(),
        List.of(a, b)));
    assertThat(r.requiredBy().orElseThrow().name()).isEqualTo("Known errors are reviewed");
    assertThat(candidates.get(1).incidents()).isEqualTo(2);
    assertThat(candidates.get(1).priority()).contains(io.itsm.core.incident.Priority.P3);
  }

  @Test
  void theExport_holdsEveryRecord_andReadsBackToTheSameStates() {
    String a = desk.log(ANNA, ticket("Network outage", ANNA)).id();
    Desks.resolveAndClose(desk, clock, a);
    improvement.surveys().answer(ANNA, improvement.surveys().waitingFor(ANNA).get(0).id(),
        Map.of("overall", 2, "skill", 4), "slow");
    Problem p = improvement.problems().log(LENA, "Switch firmware", "", List.of(a));
    PostIncidentReview r = improvement.reviews().openForIncident(LENA, a);
    improvement.reviews().recordFindings(LENA, r.id(), "Firmware bug", List.of("No test lab"),
        List.of("Test firmware first"));
    improvement.reviews().planAction(LENA, r.id(), PlannedAction.of("Build a test lab", "paul",
        "network-ops", clock.instant().plus(Duration.ofDays(30))));
    improvement.reviews().submit(LENA, r.id());
    improvement.reviews().decide(SOFIA, r.id(), Verdict.APPROVE, "yes");

    StringWriter out = new StringWriter();
    improvement.exportTo(out);
    String text = out.toString();
    assertThat(text.lines().findFirst().orElseThrow()).startsWith("{\"itsmExport\":1,");
    assertThat(text.lines().toList().get(text.lines().toList().size() - 1))
        .isEqualTo("{\"end\":true,\"records\":4,\"events\":" + improvement.export().eventCount()
            + "}");

    ImprovementExport back = ItsmJson.defaults().improvement().readExport(new StringReader(text));
    assertThat(back).isEqualTo(improvement.export());
    assertThat(back.problemStates()).containsExactly(improvement.problems().get(ROOT, p.id()));
    assertThat(back.reviewStates()).containsExactly(improvement.reviews().get(ROOT, r.id()));
    assertThat(back.actionStates())
        .isEqualTo(improvement.reviews().findActions(ROOT, ActionQuery.all()));
    assertThat(back.surveyStates())
        .isEqualTo(improvement.surveys().find(ROOT, SurveyQuery.all()));
  }

  @Test
  void thePractices_useTheDesksKernel_itsStoresAndIds() {
    io.itsm.core.review.InMemoryReviewRepository store =
        new io.itsm.core.review.InMemoryReviewRepository();
    io.itsm.core.kernel.Kernel kernel = io.itsm.core.kernel.Kernel.ofDefaults()
        .withClock(clock)
        .withIds(prefix -> prefix + "-" + prefix.length())
        .withStore(io.itsm.core.review.ReviewRepository.class, store);
    Improvement onKernel = Improvement.builder().build(Desks.desk(clock).kernel(kernel));
    String a = onKernel.desk().log(ANNA, ticket("Printer jams", ANNA)).id();

    PostIncidentReview r = onKernel.reviews().openForIncident(LENA, a);
    assertThat(r.id()).isEqualTo("PIR-3");
    assertThat(store.find("PIR-3")).contains(r);
    assertThat(onKernel.export().reviews()).hasSize(1);
  }

  @Test
  void tick_expiresSurveys_andRunsTheReviewsDueWork() {
    String a = desk.log(ANNA, ticket("Printer jams", ANNA)).id();
    Desks.resolveAndClose(desk, clock, a);
    clock.advance(Duration.ofDays(8));

    Improvement.TickResult t = improvement.tick();
    assertThat(t.surveys()).extracting(Survey::status).containsExactly(SurveyStatus.EXPIRED);
    assertThat(t.reviews()).isEmpty();
    assertThat(improvement.problems().find(NINA, ProblemQuery.all())).isEmpty();
  }
}
