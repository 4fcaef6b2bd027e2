package io.itsm.rules.facts;

import io.itsm.core.ValidationException;
import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds of the default knowledge capture pack, and how the {@code CaptureEngine} counts
 * resolutions "the same way": one fact per decision, so your capture rules can read them too.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sameWayCount from how many resolutions the same way without an article (this one
 *     included) a draft is asked for
 * @param sameWaySimilarity the least share of stemmed words two resolutions' steps must have in
 *     common to count as the same way (Jaccard index, 0 to 1)
 * @param window how far back resolutions count
 * @param minNewWords the least share of new words a resolution must add to the article used for a
 *     new version to be asked for (0 to 1)
 */
public record CaptureSettings(
    int sameWayCount, double sameWaySimilarity, Duration window, double minNewWords) {

  /** The defaults: 3 times, half the words in common, 90 days; 30 % new words. */
  public static final CaptureSettings DEFAULTS =
      new CaptureSettings(3, 0.5, Duration.ofDays(90), 0.3);

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code window} is null
   * @throws ValidationException if a value is out of range
   */
  public CaptureSettings {
    Objects.requireNonNull(window, "window");
    if (sameWayCount < 1) {
      throw new ValidationException("sameWayCount must be at least 1, but was " + sameWayCount);
    }
    if (!(sameWaySimilarity >= 0 && sameWaySimilarity <= 1)) {
      throw new ValidationException("sameWaySimilarity must be between 0 and 1, but was "
          + sameWaySimilarity);
    }
    if (window.isNegative() || window.isZero()) {
      throw new ValidationException("window must be positive, but was " + window);
    }
    if (!(minNewWords >= 0 && minNewWords <= 1)) {
      throw new ValidationException("minNewWords must be between 0 and 1, but was " + minNewWords);
    }
  }
}
