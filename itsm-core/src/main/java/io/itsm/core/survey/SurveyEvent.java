package io.itsm.core.survey;

import io.itsm.core.ValidationException;
import java.time.Instant;

/**
 * One change to a {@link Survey}: the unit of its history, from which its state is rebuilt
 * ({@link SurveyHistory#replay}). Customer-satisfaction metrics read these events: {@link
 * SurveySent} and {@link SurveySkipped} (the sampling), {@link SurveyAnswered} (the scores), {@link
 * SurveyExpired} (no answer), {@link SurveyFollowUpOpened} and {@link SurveyFollowUpClosed}.
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface SurveyEvent
    permits SurveySkipped, SurveySent, SurveyAnswered, SurveyExpired, SurveyFollowUpOpened,
        SurveyFollowUpClosed {

  /**
   * Returns the id of the survey the event belongs to.
   *
   * @return the survey id
   */
  String surveyId();

  /**
   * Returns the event's position in its survey's history, from 1.
   *
   * @return the sequence number
   */
  long sequence();

  /**
   * Returns when it happened, by the desk's clock.
   *
   * @return the instant
   */
  Instant at();

  /**
   * Returns who caused it ({@code "system"} for automatic changes).
   *
   * @return the actor id
   */
  String actor();

  /**
   * Returns the event type's name as used in JSON, for example {@code "SurveyAnswered"}.
   *
   * @return the simple name of the record
   */
  default String type() {
    return getClass().getSimpleName();
  }

  /**
   * Checks the components every survey event has.
   *
   * @param surveyId the survey id
   * @param sequence the sequence number
   * @param at the instant
   * @param actor the actor id
   * @throws NullPointerException if a reference is null
   * @throws ValidationException if {@code sequence} is below 1 or {@code surveyId} is blank
   */
  static void check(String surveyId, long sequence, Instant at, String actor) {
    java.util.Objects.requireNonNull(surveyId, "surveyId");
    java.util.Objects.requireNonNull(at, "at");
    java.util.Objects.requireNonNull(actor, "actor");
    if (surveyId.isBlank()) {
      throw new ValidationException("surveyId must not be blank");
    }
    if (sequence < 1) {
      throw new ValidationException("event sequence must be 1 or more, but was " + sequence);
    }
  }
}
