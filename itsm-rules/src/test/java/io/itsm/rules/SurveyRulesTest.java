package io.itsm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.access.Role;
import io.itsm.core.event.CloseReason;
import io.itsm.core.event.Provenance;
import io.itsm.core.incident.Priority;
import io.itsm.core.survey.FollowUpDecision;
import io.itsm.core.survey.Survey;
import io.itsm.core.survey.SurveyAnswered;
import io.itsm.core.survey.SurveyCandidate;
import io.itsm.core.survey.SurveyChannel;
import io.itsm.core.survey.SurveyDecision;
import io.itsm.core.survey.SurveyHistory;
import io.itsm.core.survey.SurveySent;
import io.itsm.core.survey.Questionnaire;
import io.itsm.rules.facts.ClosedIncidentFact;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The default survey pack {@code survey.drl}, rule by rule, and how votes are decided. */
class SurveyRulesTest {

  static final String P1_P2 = "Every P1 and P2 is surveyed";
  static final String REOPENED = "Every reopened incident is surveyed";
  static final String SAMPLE = "One in ten of the other incidents is surveyed";
  static final String NOT_TWICE = "Nobody is surveyed twice in 30 days";
  static final String NO_RESOLUTION = "Incidents closed without a resolution are not surveyed";
  static final String FOLLOW_UP = "An overall score of 1 or 2 is followed up by the team lead";

  private static final SurveyEngine ENGINE = SurveyEngine.withDefaults();
  private static final Instant CLOSED = Instant.parse("2026-03-10T12:00:00Z");

  /** An id that is not in the one-in-ten sample, and one that is. */
  private static final String UNSAMPLED = IntStream.range(1, 1000)
      .mapToObj(i -> String.format("INC-%06d", i))
      .filter(id -> ClosedIncidentFact.bucket(id, 10) != 0).findFirst().orElseThrow();
  private static final String SAMPLED = IntStream.range(1, 1000)
      .mapToObj(i -> String.format("INC-%06d", i))
      .filter(id -> ClosedIncidentFact.bucket(id, 10) == 0).findFirst().orElseThrow();

  private static SurveyCandidate closed(String id, Priority p, int reopens, CloseReason how,
      Instant lastSurveyed) {
    return new SurveyCandidate(id, Optional.of("anna"), Optional.ofNullable(p),
        Optional.of("network"), Optional.of("network-ops"), reopens, how, Optional.empty(),
        CLOSED, Optional.ofNullable(lastSurveyed));
  }

  private static SurveyDecision decide(String id, Priority p, int reopens) {
    return ENGINE.decide(closed(id, p, reopens, CloseReason.CONFIRMED_BY_CALLER, null));
  }

  @Test
  void ruleNames_areTheSixSentences() {
    assertThat(ENGINE.ruleNames()).containsExactlyInAnyOrder(P1_P2, REOPENED, SAMPLE, NOT_TWICE,
        NO_RESOLUTION, FOLLOW_UP);
  }

  @Test
  void everyP1AndP2_isSurveyed_andAP3OutsideTheSample_isNot() {
    assertThat(decide(UNSAMPLED, Priority.P1, 0).decidedBy())
        .isEqualTo(Provenance.rule(P1_P2, "a P1 was closed"));
    assertThat(decide(UNSAMPLED, Priority.P2, 0).ask()).isTrue();
    SurveyDecision p3 = decide(UNSAMPLED, Priority.P3, 0);
    assertThat(p3.ask()).isFalse();
    assertThat(p3.decidedBy().name()).isEqualTo("SurveyEngine");
    assertThat(p3.decidedBy().reason()).isEqualTo("no rule asked to survey this incident");
  }

  @Test
  void aReopenedIncident_isSurveyed_whateverItsPriority() {
    SurveyDecision d = decide(UNSAMPLED, Priority.P4, 1);
    assertThat(d.ask()).isTrue();
    assertThat(d.decidedBy()).isEqualTo(Provenance.rule(REOPENED,
        "it was reopened 1 time(s) before it closed"));
  }

  @Test
  void oneInTen_isSampledByIncidentId_deterministically() {
    assertThat(decide(SAMPLED, Priority.P3, 0).decidedBy().name()).isEqualTo(SAMPLE);
    assertThat(decide(SAMPLED, Priority.P3, 0).ask()).isTrue();
    assertThat(decide(SAMPLED, null, 0).ask()).as("no priority").isTrue();
    long sampled = IntStream.rangeClosed(1, 2_000)
        .mapToObj(i -> String.format("INC-%06d", i))
        .filter(id -> decide(id, Priority.P3, 0).ask()).count();
    assertThat(sampled).isBetween(160L, 240L);
  }

  @Test
  void nobodyIsSurveyedTwiceIn30Days_evenAP1_andTheOverruledAskIsKept() {
    SurveyDecision d = ENGINE.decide(closed(UNSAMPLED, Priority.P1, 0,
        CloseReason.CONFIRMED_BY_CALLER, CLOSED.minus(Duration.ofDays(12))));
    assertThat(d.ask()).isFalse();
    assertThat(d.decidedBy()).isEqualTo(Provenance.rule(NOT_TWICE,
        "caller anna was sent a survey 12 day(s) ago"));
    assertThat(d.overruled()).containsExactly(Provenance.rule(P1_P2, "ask: a P1 was closed"));

    SurveyDecision later = ENGINE.decide(closed(UNSAMPLED, Priority.P1, 0,
        CloseReason.CONFIRMED_BY_CALLER, CLOSED.minus(Duration.ofDays(30))));
    assertThat(later.ask()).isTrue();
  }

  @Test
  void anIncidentClosedWithoutAResolution_isNotSurveyed() {
    SurveyDecision d = ENGINE.decide(closed(UNSAMPLED, Priority.P1, 0,
        CloseReason.WITHOUT_RESOLUTION, null));
    assertThat(d.ask()).isFalse();
    assertThat(d.decidedBy().name()).isEqualTo(NO_RESOLUTION);
  }

  @Test
  void aLowOverallScore_isFollowedUpByTheTeamLead() {
    Survey two = answered(2, "took days");
    Optional<FollowUpDecision> f = ENGINE.followUp(two);
    assertThat(f).contains(new FollowUpDecision(Role.TEAM_LEAD,
        Provenance.rule(FOLLOW_UP, "overall satisfaction 2 of 5: took days")));
    assertThat(ENGINE.followUp(answered(3, ""))).isEmpty();
  }

  @Test
  void aTeamRule_ofHigherPrecedence_overridesTheDefaults_andMayChooseTheChannel() {
    SurveyEngine team = SurveyEngine.builder().addRules("team-survey.drl", """
        package team;
        import io.itsm.rules.facts.ClosedIncidentFact;
        import io.itsm.core.survey.SurveyChannel;
        global io.itsm.rules.facts.SurveyDecisions survey;
        rule "VIP teams are always asked, by phone"
        when
          ClosedIncidentFact(team == "network-ops")
        then
          survey.askBy(SurveyChannel.PHONE, "network-ops asks every caller");
        end
        """).build();

    SurveyDecision d = team.decide(closed(UNSAMPLED, Priority.P1, 0,
        CloseReason.CONFIRMED_BY_CALLER, CLOSED.minus(Duration.ofDays(3))));
    assertThat(d.ask()).isTrue();
    assertThat(d.channel()).contains(SurveyChannel.PHONE);
    assertThat(d.decidedBy().name()).isEqualTo("VIP teams are always asked, by phone");
    assertThat(d.overruled()).extracting(Provenance::name).containsExactly(P1_P2, NOT_TWICE);
    assertThat(team.teamRuleNames()).containsExactly("VIP teams are always asked, by phone");
  }

  @Test
  void aRuleCannotLeaveTheSandbox_andABadReloadKeepsTheRules() {
    assertThatThrownBy(() -> SurveyEngine.builder().addRules("evil.drl", """
        package team;
        import io.itsm.rules.facts.ClosedIncidentFact;
        global io.itsm.rules.facts.SurveyDecisions survey;
        rule "Exit"
        when ClosedIncidentFact()
        then System.exit(1);
        end
        """).build()).isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("evil.drl");
    SurveyEngine engine = SurveyEngine.withDefaults();
    assertThatThrownBy(() -> engine.reload(b -> b.addRules("broken.drl", "rule \"x\" when then")))
        .isInstanceOf(RuleCompilationException.class);
    assertThat(engine.ruleNames()).hasSize(6);
    engine.reload(b -> b.withoutRule(SAMPLE));
    assertThat(engine.ruleNames()).hasSize(5).doesNotContain(SAMPLE);
  }

  private static Survey answered(int overall, String comment) {
    Instant at = CLOSED;
    Survey sent = SurveyHistory.apply(null, new SurveySent("SRV-000001", 1, at, "system",
        "INC-000001", "anna", Optional.of("network-ops"), Optional.of(Priority.P2),
        Optional.of("network"), 0, SurveyChannel.EMAIL, Questionnaire.defaults().questions(),
        at.plus(Duration.ofDays(7)), Provenance.rule(P1_P2, "a P2"), List.of()));
    return SurveyHistory.apply(sent, new SurveyAnswered("SRV-000001", 2,
        at.plus(Duration.ofHours(1)), "anna", Map.of("overall", overall), comment));
  }
}
