package io.itsm.rules.facts;

import io.itsm.core.ValidationException;

/**
 * The confidence thresholds with which the default {@code predict} pack accepts a {@link
 * Prediction}; one fact per triage, set with {@code TriageEngine.Builder.predictionSettings}.
 *
 * <ul>
 *   <li>When no keyword matched, a category prediction of at least {@code acceptConfidence} sets
 *       the category (instead of Other).
 *   <li>When the best category has at most {@code weakKeywordHits} keyword hits, a category
 *       prediction of at least {@code overruleConfidence} for another category sets it.
 *   <li>A team prediction of at least {@code overruleConfidence} routes the ticket to that team
 *       (instead of the category's team).
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param acceptConfidence the least confidence to use a prediction where keywords are silent
 * @param overruleConfidence the least confidence to prefer a prediction to weak keywords and to
 *     the category's team
 * @param weakKeywordHits keyword hits of the best category up to which keywords count as weak
 */
public record PredictionSettings(
    double acceptConfidence, double overruleConfidence, int weakKeywordHits) {

  /** The default: accept at 0.5, overrule one keyword hit at 0.8. */
  public static final PredictionSettings DEFAULTS = new PredictionSettings(0.5, 0.8, 1);

  /**
   * Validates the components.
   *
   * @throws ValidationException if a confidence is not between 0 and 1, {@code
   *     overruleConfidence} is below {@code acceptConfidence}, or {@code weakKeywordHits} is
   *     negative
   */
  public PredictionSettings {
    if (!(acceptConfidence >= 0 && acceptConfidence <= 1)) {
      throw new ValidationException(
          "acceptConfidence must be between 0 and 1, but was " + acceptConfidence);
    }
    if (!(overruleConfidence >= acceptConfidence && overruleConfidence <= 1)) {
      throw new ValidationException(
          "overruleConfidence must be between acceptConfidence (" + acceptConfidence
              + ") and 1, but was " + overruleConfidence);
    }
    if (weakKeywordHits < 0) {
      throw new ValidationException("weakKeywordHits must be at least 0, but was " + weakKeywordHits);
    }
  }
}
