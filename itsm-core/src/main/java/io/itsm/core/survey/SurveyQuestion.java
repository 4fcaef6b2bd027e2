package io.itsm.core.survey;

import io.itsm.core.ValidationException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One question of a survey, answered with a score from {@value Questionnaire#MIN_SCORE} (very
 * dissatisfied) to {@value Questionnaire#MAX_SCORE} (very satisfied).
 *
 * <p>Immutable and thread-safe.
 *
 * @param key the question's key in answers and metrics, for example {@code "responseTime"}: a
 *     lower-case letter, then letters and digits
 * @param text the question as the caller reads it; not blank
 * @param required whether an answer must score it
 */
public record SurveyQuestion(String key, String text, boolean required) {

  private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*");

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the key is not a lower-case letter followed by letters and
   *     digits, or the text is blank
   */
  public SurveyQuestion {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(text, "text");
    if (!KEY.matcher(key).matches()) {
      throw new ValidationException("survey question key must be a lower-case letter followed by"
          + " letters and digits (like 'responseTime'), but was '" + key + "'");
    }
    if (text.isBlank()) {
      throw new ValidationException("the text of survey question '" + key + "' must not be blank");
    }
  }
}
