package io.itsm.core.survey;

import java.time.Instant;
import java.util.Objects;

/**
 * The follow-up of a survey is done.
 *
 * <p>Immutable and thread-safe.
 *
 * @param surveyId the survey's id
 * @param sequence the event's position in the survey's history
 * @param at when it was done
 * @param actor who did it
 * @param note what was said or done; not blank
 */
public record SurveyFollowUpClosed(String surveyId, long sequence, Instant at, String actor,
    String note) implements SurveyEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public SurveyFollowUpClosed {
    SurveyEvent.check(surveyId, sequence, at, actor);
    Objects.requireNonNull(note, "note");
  }
}
