package io.itsm.core.survey;

import java.time.Instant;

/**
 * A sent survey had no answer by its due time.
 *
 * <p>Immutable and thread-safe.
 *
 * @param surveyId the survey's id
 * @param sequence the event's position in the survey's history
 * @param at when it expired (its due time)
 * @param actor {@code "system"}
 */
public record SurveyExpired(String surveyId, long sequence, Instant at, String actor)
    implements SurveyEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public SurveyExpired {
    SurveyEvent.check(surveyId, sequence, at, actor);
  }
}
