package io.itsm.core.survey;

import static io.itsm.core.improvement.Desks.ANNA;
import static io.itsm.core.improvement.Desks.BERT;
import static io.itsm.core.improvement.Desks.LENA;
import static io.itsm.core.improvement.Desks.NINA;
import static io.itsm.core.improvement.Desks.ROOT;
import static io.itsm.core.improvement.Desks.resolveAndClose;
import static io.itsm.core.improvement.Desks.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ItsmException;
import io.itsm.core.MutableClock;
import io.itsm.core.RecordStateException;
import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.access.Role;
import io.itsm.core.event.CloseReason;
import io.itsm.core.event.Provenance;
import io.itsm.core.improvement.Desks;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Ticket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Satisfaction surveys: the decision per closed incident, answers, follow-ups, expiry, access. */
class SurveysTest {

  private final MutableClock clock = Desks.clock();
  private final List<SurveyCandidate> asked = new ArrayList<>();

  /** Asks P1/P2 and reopened incidents; an overall score of 1 or 2 needs the team lead. */
  private final SurveyPolicy policy = new SurveyPolicy() {
    @Override
    public SurveyDecision decide(SurveyCandidate c) {
      asked.add(c);
      if (c.priority().map(p -> p.compareTo(Priority.P2) <= 0).orElse(false)
          || c.reopenCount() > 0) {
        return new SurveyDecision(true, Optional.of(SurveyChannel.PORTAL),
            Provenance.rule("Every P1 and P2 is surveyed", "a " + c.priority().orElseThrow()),
            List.of(Provenance.rule("One in ten of the rest", "not sampled")));
      }
      return SurveyDecision.skip(Provenance.rule("One in ten of the rest", "not sampled"));
    }

    @Override
    public Optional<FollowUpDecision> followUp(Survey answered) {
      return answered.score().filter(s -> s <= 2).map(s -> new FollowUpDecision(Role.TEAM_LEAD,
          Provenance.rule("A low score is followed up", "overall " + s)));
    }
  };

  private final Surveys surveys = Surveys.builder().clock(clock).policy(policy).build();
  private final ServiceDesk desk = Desks.desk(clock).listener(surveys.incidentListener()).build();

  private Survey closed(String title) {
    String id = desk.log(ANNA, ticket(title, ANNA)).id();
    resolveAndClose(desk, clock, id);
    return surveys.find(ROOT, SurveyQuery.all().withIncident(id)).get(0);
  }

  @Test
  void closedP1_isSurveyed_onThePolicysChannel_andTheCallerAnswers() {
    Survey sent = closed("Network outage in building B");

    assertThat(sent.status()).isEqualTo(SurveyStatus.SENT);
    assertThat(sent.callerId()).contains("anna");
    assertThat(sent.channel()).contains(SurveyChannel.PORTAL);
    assertThat(sent.priority()).contains(Priority.P1);
    assertThat(sent.team()).contains("network-ops");
    assertThat(sent.questions()).isEqualTo(Questionnaire.defaults().questions());
    assertThat(sent.dueAt()).contains(sent.createdAt().plus(Surveys.DEFAULT_ANSWER_WITHIN));
    assertThat(sent.decidedBy().name()).isEqualTo("Every P1 and P2 is surveyed");
    assertThat(sent.overruled()).extracting(Provenance::name).containsExactly("One in ten of the rest");
    assertThat(surveys.waitingFor(ANNA)).containsExactly(sent);

    clock.advance(Duration.ofHours(5));
    Survey answered = surveys.answer(ANNA, sent.id(), Map.of("overall", 4, "skill", 5), " Quick ");

    assertThat(answered.status()).isEqualTo(SurveyStatus.ANSWERED);
    assertThat(answered.score()).contains(4);
    assertThat(answered.scores()).containsEntry("skill", 5);
    assertThat(answered.comment()).isEqualTo("Quick");
    assertThat(answered.followUp()).isEmpty();
    assertThat(surveys.history(ANNA, sent.id())).extracting(SurveyEvent::type)
        .containsExactly("SurveySent", "SurveyAnswered");
    assertThat(SurveyHistory.replay(surveys.history(ROOT, sent.id()))).isEqualTo(answered);
  }

  @Test
  void theCandidate_carriesTheCloseAndTheCallersLastSurvey() {
    Survey first = closed("Network outage");
    closed("Another outage");

    SurveyCandidate second = asked.get(1);
    assertThat(second.callerId()).contains("anna");
    assertThat(second.closeReason()).isEqualTo(CloseReason.CONFIRMED_ON_BEHALF);
    assertThat(second.callerLastSurveyedAt()).contains(first.createdAt());
    assertThat(asked.get(0).callerLastSurveyedAt()).isEmpty();
  }

  @Test
  void aSkip_isRecorded_withTheRuleThatDecidedIt() {
    Survey skipped = closed("Printer jams");

    assertThat(skipped.status()).isEqualTo(SurveyStatus.SKIPPED);
    assertThat(skipped.decidedBy()).isEqualTo(
        Provenance.rule("One in ten of the rest", "not sampled"));
    assertThat(skipped.channel()).isEmpty();
    assertThat(surveys.waitingFor(ANNA)).isEmpty();
    assertThatThrownBy(() -> surveys.answer(ANNA, skipped.id(), Map.of("overall", 5), ""))
        .isInstanceOf(RecordStateException.class)
        .hasMessageContaining("SKIPPED: answer is allowed only when SENT");
  }

  @Test
  void anIncidentWithoutCaller_isSkippedByTheDesk_withoutAskingThePolicy() {
    String id = desk.log(ROOT, Ticket.builder().title("Network outage alert").build()).id();
    resolveAndClose(desk, clock, id);

    Survey s = surveys.find(ROOT, SurveyQuery.all().withIncident(id)).get(0);
    assertThat(s.status()).isEqualTo(SurveyStatus.SKIPPED);
    assertThat(s.decidedBy().kind()).isEqualTo(Provenance.Kind.SYSTEM);
    assertThat(s.decidedBy().reason()).isEqualTo("the incident has no caller to ask");
    assertThat(asked).isEmpty();
  }

  @Test
  void eachClose_isDecidedOnce_andAReopenedIncidentClosedAgain_isDecidedAgain() {
    ServiceDesk reopening = Desks.desk(clock).reopenClosedWithin(Duration.ofDays(10))
        .listener(surveys.incidentListener()).build();
    String id = reopening.log(ANNA, ticket("Printer jams", ANNA)).id();
    Incident closedOnce = resolveAndClose(reopening, clock, id);
    var closeEvent = (io.itsm.core.event.Closed) reopening.history(ROOT, id).get(
        reopening.history(ROOT, id).size() - 1);

    Survey again = surveys.considerClosed(closedOnce, closeEvent);
    assertThat(surveys.find(ROOT, SurveyQuery.all().withIncident(id))).containsExactly(again);

    reopening.reopen(ANNA, id, "It jams again");
    Desks.resolveAndClose(reopening, clock, id);

    List<Survey> both = surveys.find(ROOT, SurveyQuery.all().withIncident(id));
    assertThat(both).extracting(Survey::status)
        .containsExactly(SurveyStatus.SKIPPED, SurveyStatus.SENT);
    assertThat(both.get(1).reopenCount()).isEqualTo(1);
  }

  @Test
  void onlyTheCaller_answers_andAFailedAnswerChangesNothing() {
    Survey sent = closed("Network outage");

    assertThatThrownBy(() -> surveys.answer(BERT, sent.id(), Map.of("overall", 1), "ha"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("survey " + sent.id() + " asks caller anna")
        .hasMessageContaining("answered only by its own caller");
    assertThatThrownBy(() -> surveys.answer(NINA, sent.id(), Map.of("overall", 5), ""))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(surveys.get(ANNA, sent.id())).isEqualTo(sent);
    assertThatThrownBy(() -> surveys.get(BERT, sent.id()))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("SURVEY_VIEW");
    assertThat(surveys.find(BERT, SurveyQuery.all())).isEmpty();
    assertThat(surveys.find(LENA, SurveyQuery.all())).containsExactly(sent);
  }

  @Test
  void badAnswers_nameEveryProblem_andChangeNothing() {
    Survey sent = closed("Network outage");

    assertThatThrownBy(() -> surveys.answer(ANNA, sent.id(),
        Map.of("skil", 3, "communication", 9), ""))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("'skil' is not a question of survey " + sent.id()
            + "; its questions are [overall, responseTime, skill, communication]")
        .hasMessageContaining("the score of 'communication' must be 1 to 5, but was 9")
        .hasMessageContaining("'overall' must be answered (it is required)");
    assertThat(surveys.get(ANNA, sent.id())).isEqualTo(sent);
  }

  @Test
  void answeringTwice_isRejected() {
    Survey sent = closed("Network outage");
    surveys.answer(ANNA, sent.id(), Map.of("overall", 5), "");

    assertThatThrownBy(() -> surveys.answer(ANNA, sent.id(), Map.of("overall", 1), ""))
        .isInstanceOf(RecordStateException.class)
        .hasMessageContaining("survey " + sent.id() + " is ANSWERED: answer is allowed only when"
            + " SENT; it was answered at");
  }

  @Test
  void tick_expiresAnUnansweredSurvey_atItsDueTime_once_andLateAnswersAreRefused() {
    Survey sent = closed("Network outage");
    clock.set(sent.dueAt().orElseThrow().plusSeconds(1));

    assertThatThrownBy(() -> surveys.answer(ANNA, sent.id(), Map.of("overall", 3), ""))
        .isInstanceOf(RecordStateException.class)
        .hasMessageContaining("answers are accepted until " + sent.dueAt().orElseThrow());

    List<Survey> expired = surveys.tick();
    assertThat(expired).hasSize(1);
    assertThat(expired.get(0).status()).isEqualTo(SurveyStatus.EXPIRED);
    assertThat(expired.get(0).updatedAt()).isEqualTo(sent.dueAt().orElseThrow());
    assertThat(surveys.tick()).isEmpty();
  }

  @Test
  void aLowScore_opensAFollowUp_thatALeadCloses_withANote() {
    Survey sent = closed("Network outage");
    Survey answered = surveys.answer(ANNA, sent.id(), Map.of("overall", 2), "Took days");

    SurveyFollowUp f = answered.followUp().orElseThrow();
    assertThat(f.status()).isEqualTo(FollowUpStatus.OPEN);
    assertThat(f.contact()).isEqualTo(Role.TEAM_LEAD);
    assertThat(f.team()).contains("network-ops");
    assertThat(f.decidedBy().name()).isEqualTo("A low score is followed up");
    assertThat(surveys.find(LENA, SurveyQuery.all().withOpenFollowUp())).containsExactly(answered);

    assertThatThrownBy(() -> surveys.closeFollowUp(NINA, sent.id(), "called"))
        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("SURVEY_FOLLOW_UP");
    assertThatThrownBy(() -> surveys.closeFollowUp(LENA, sent.id(), " "))
        .isInstanceOf(ValidationException.class).hasMessageContaining("must say what was said");

    Survey done = surveys.closeFollowUp(LENA, sent.id(), "Called Anna, apologised");
    assertThat(done.followUp().orElseThrow().status()).isEqualTo(FollowUpStatus.DONE);
    assertThat(done.followUp().orElseThrow().closedBy()).contains("lena");
    assertThat(done.hasOpenFollowUp()).isFalse();
    assertThatThrownBy(() -> surveys.closeFollowUp(LENA, sent.id(), "again"))
        .isInstanceOf(RecordStateException.class).hasMessageContaining("(follow-up DONE)");
  }

  @Test
  void aFailingPolicy_isReported_andNothingIsRecorded() {
    Surveys failing = Surveys.builder().clock(clock).policy(c -> {
      throw new IllegalStateException("rules down");
    }).build();
    String id = desk.log(ANNA, ticket("Network outage", ANNA)).id();
    Incident inc = resolveAndClose(desk, clock, id);
    var close = (io.itsm.core.event.Closed) desk.history(ROOT, id).get(
        desk.history(ROOT, id).size() - 1);

    assertThatThrownBy(() -> failing.considerClosed(inc, close))
        .isInstanceOf(ItsmException.class).hasMessageContaining("failed for incident " + id)
        .hasMessageContaining("rules down");
    assertThat(failing.find(ROOT, SurveyQuery.all())).isEmpty();
  }

  @Test
  void aQuestionnaire_needsARequiredOverallQuestion_andUniqueKeys() {
    assertThatThrownBy(() -> new Questionnaire(List.of(new SurveyQuestion("skill", "Skill?", true))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("required question 'overall'");
    assertThatThrownBy(() -> Questionnaire.defaults().with(new SurveyQuestion("skill", "x", false)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("'skill' is repeated");
    assertThatThrownBy(() -> new SurveyQuestion("Response time", "x", false))
        .isInstanceOf(ValidationException.class).hasMessageContaining("like 'responseTime'");
    assertThat(Questionnaire.defaults().without("skill").keys())
        .containsExactly("overall", "responseTime", "communication");
  }
}
