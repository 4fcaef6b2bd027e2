package io.itsm.core.survey;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The caller answered a survey: the scores by question key (from {@value Questionnaire#MIN_SCORE}
 * to {@value Questionnaire#MAX_SCORE}; {@value Questionnaire#OVERALL} is the CSAT score) and a free
 * comment.
 *
 * <p>Immutable and thread-safe.
 *
 * @param surveyId the survey's id
 * @param sequence the event's position in the survey's history
 * @param at when it was answered
 * @param actor who answered (the caller)
 * @param scores the scores by question key
 * @param comment the caller's comment; may be empty
 */
public record SurveyAnswered(
    String surveyId, long sequence, Instant at, String actor, Map<String, Integer> scores,
    String comment)
    implements SurveyEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component or a score is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public SurveyAnswered {
    SurveyEvent.check(surveyId, sequence, at, actor);
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(comment, "comment");
    TreeMap<String, Integer> sorted = new TreeMap<>();
    scores.forEach((k, v) -> sorted.put(Objects.requireNonNull(k, "score key"),
        Objects.requireNonNull(v, "score of " + k)));
    scores = java.util.Collections.unmodifiableMap(sorted);
  }
}
