package io.itsm.rules.facts;

import io.itsm.core.incident.Priority;
import io.itsm.core.survey.Survey;
import java.util.Map;
import java.util.Objects;

/**
 * An answered survey as follow-up rules match it (survey.drl), one per decision: {@code
 * SurveyAnswerFact(overall <= 2)}, {@code SurveyAnswerFact(score("communication") == 1)}. Absent
 * values are {@code null}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param surveyId the survey's id
 * @param incidentId the incident surveyed
 * @param callerId who answered
 * @param team the incident's team, or null
 * @param priority the incident's priority, or null
 * @param overall the overall-satisfaction score, 1 to 5
 * @param scores every score by question key
 * @param comment the comment; empty when none
 */
public record SurveyAnswerFact(
    String surveyId,
    String incidentId,
    String callerId,
    String team,
    Priority priority,
    int overall,
    Map<String, Integer> scores,
    String comment) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if an id, the scores or the comment is null
   */
  public SurveyAnswerFact {
    Objects.requireNonNull(surveyId, "surveyId");
    Objects.requireNonNull(incidentId, "incidentId");
    scores = Map.copyOf(Objects.requireNonNull(scores, "scores"));
    Objects.requireNonNull(comment, "comment");
  }

  /**
   * The view of an answered survey.
   *
   * @param s the survey
   * @return the fact
   */
  public static SurveyAnswerFact of(Survey s) {
    Objects.requireNonNull(s, "survey");
    return new SurveyAnswerFact(s.id(), s.incidentId(), s.callerId().orElse(null),
        s.team().orElse(null), s.priority().orElse(null), s.score().orElse(0), s.scores(),
        s.comment());
  }

  /**
   * Returns the score of a question.
   *
   * @param key the question's key
   * @return the score, or 0 when the question was not answered
   */
  public int score(String key) {
    Integer v = scores.get(key);
    return v == null ? 0 : v;
  }

  /**
   * Tells whether the caller wrote a comment.
   *
   * @return {@code true} if the comment is not empty
   */
  public boolean hasComment() {
    return !comment.isBlank();
  }
}
