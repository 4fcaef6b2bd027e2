package io.itsm.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.event.Provenance;
import io.itsm.core.event.SlaKind;
import io.itsm.core.incident.Priority;
import io.itsm.core.review.ReviewCandidate;
import io.itsm.core.review.ReviewRequirement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The default review pack {@code review.drl}, rule by rule, and how votes are decided. */
class ReviewRulesTest {

  static final String P1 = "Every P1 is reviewed within 5 days";
  static final String SECURITY = "Security incidents are reviewed within 10 days";
  static final String P2_SLA = "A P2 that breached an SLA target is reviewed within 10 days";
  static final String REOPENED = "An incident reopened twice is reviewed within 10 days";
  static final String KNOWN_ERROR = "A problem that becomes a known error is reviewed within 15 days";

  private static final ReviewEngine ENGINE = ReviewEngine.withDefaults();
  private static final Instant AT = Instant.parse("2026-03-10T12:00:00Z");

  private static ReviewRequirement resolved(Priority p, String category, Set<SlaKind> breaches,
      int reopens) {
    return ENGINE.decide(new ReviewCandidate(ReviewCandidate.Trigger.INCIDENT_RESOLVED,
        "INC-000001", Optional.ofNullable(p), Optional.ofNullable(category), Set.of(), breaches,
        reopens, 1, AT));
  }

  @Test
  void ruleNames_areTheFiveSentences() {
    assertThat(ENGINE.ruleNames()).containsExactlyInAnyOrder(P1, SECURITY, P2_SLA, REOPENED,
        KNOWN_ERROR);
  }

  @Test
  void aP1_isReviewedWithin5Days() {
    ReviewRequirement r = resolved(Priority.P1, "network", Set.of(), 0);
    assertThat(r.required()).isTrue();
    assertThat(r.dueAt()).contains(AT.plus(Duration.ofDays(5)));
    assertThat(r.decidedBy()).contains(Provenance.rule(P1, "a P1 was resolved; within 5 days"));
  }

  @Test
  void aSecurityP1_isDueByTheEarlierRule_andTheOtherIsKept() {
    ReviewRequirement r = resolved(Priority.P1, "security", Set.of(), 0);
    assertThat(r.decidedBy().orElseThrow().name()).isEqualTo(P1);
    assertThat(r.alsoRequiredBy()).extracting(Provenance::name).containsExactly(SECURITY);
    assertThat(resolved(Priority.P3, "security", Set.of(), 0).dueAt())
        .contains(AT.plus(Duration.ofDays(10)));
  }

  @Test
  void aP2_isReviewedOnlyAfterAnSlaBreach() {
    assertThat(resolved(Priority.P2, "network", Set.of(), 0).required()).isFalse();
    ReviewRequirement r = resolved(Priority.P2, "network", Set.of(SlaKind.RESOLUTION), 0);
    assertThat(r.decidedBy()).contains(Provenance.rule(P2_SLA,
        "a P2 breached its resolution target; within 10 days"));
    assertThat(resolved(Priority.P3, "network", Set.of(SlaKind.RESOLUTION), 0).required())
        .isFalse();
  }

  @Test
  void anIncidentReopenedTwice_isReviewed_onceIsNot() {
    assertThat(resolved(Priority.P3, "software", Set.of(), 1).required()).isFalse();
    assertThat(resolved(Priority.P3, "software", Set.of(), 2).decidedBy().orElseThrow().name())
        .isEqualTo(REOPENED);
  }

  @Test
  void aProblemBecomingAKnownError_isReviewedWithin15Days() {
    ReviewRequirement r = ENGINE.decide(new ReviewCandidate(
        ReviewCandidate.Trigger.PROBLEM_KNOWN_ERROR, "PRB-000001", Optional.of(Priority.P3),
        Optional.of("network"), Set.of(), Set.of(), 0, 3, AT));
    assertThat(r.dueAt()).contains(AT.plus(Duration.ofDays(15)));
    assertThat(r.decidedBy().orElseThrow().reason())
        .isEqualTo("the problem behind 3 incident(s) is a known error; within 15 days");
  }

  @Test
  void aTeamRuleSayingNotRequired_overridesTheDefaults() {
    ReviewEngine team = ReviewEngine.builder().addRules("team-review.drl", """
        package team;
        import io.itsm.rules.facts.ReviewCandidateFact;
        global io.itsm.rules.facts.ReviewDecisions review;
        rule "Test incidents are never reviewed"
        when ReviewCandidateFact(category == "test")
        then review.notRequired("a test");
        end
        """).build();
    assertThat(team.decide(new ReviewCandidate(ReviewCandidate.Trigger.INCIDENT_RESOLVED, "INC-1",
        Optional.of(Priority.P1), Optional.of("test"), Set.of(), Set.of(), 0, 1, AT)).required())
        .isFalse();
    assertThat(team.decide(new ReviewCandidate(ReviewCandidate.Trigger.INCIDENT_RESOLVED, "INC-1",
        Optional.of(Priority.P1), Optional.of("network"), Set.of(), Set.of(), 0, 1, AT))
        .required()).isTrue();
  }
}
