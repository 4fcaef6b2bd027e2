package io.itsm.core.survey;

import io.itsm.core.event.Provenance;
import java.util.Optional;

/**
 * Decides whether the caller of a closed incident is surveyed, and whether an answer needs a
 * follow-up. The default rules are DRL ({@code SurveyEngine} of itsm-rules, {@code survey.drl}):
 * every P1 and P2, every reopened incident, one in N of the rest (sampled by incident id, so the
 * same incident always gets the same answer), never the same caller twice in 30 days; an overall
 * score of 1 or 2 opens a follow-up by the team lead.
 *
 * <p>Implementations must be thread-safe and free of side effects.
 */
public interface SurveyPolicy {

  /**
   * Decides whether to survey the caller of a closed incident.
   *
   * @param candidate the closed incident
   * @return the decision, never null
   */
  SurveyDecision decide(SurveyCandidate candidate);

  /**
   * Decides whether an answered survey needs a follow-up. By default never.
   *
   * @param answered the survey with its answer
   * @return the follow-up, or empty
   */
  default Optional<FollowUpDecision> followUp(Survey answered) {
    return Optional.empty();
  }

  /**
   * A policy that never surveys.
   *
   * @return the policy
   */
  static SurveyPolicy none() {
    return candidate -> SurveyDecision.skip(Provenance.policy("SurveyPolicy.none()",
        "this desk does not send surveys"));
  }

  /**
   * A policy that surveys every closed incident (the facade skips incidents without a caller).
   *
   * @return the policy
   */
  static SurveyPolicy always() {
    return candidate -> SurveyDecision.ask(Provenance.policy("SurveyPolicy.always()",
        "every closed incident is surveyed"));
  }
}
