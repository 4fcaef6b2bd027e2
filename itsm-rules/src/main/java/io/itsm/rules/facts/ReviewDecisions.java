package io.itsm.rules.facts;

/**
 * The global {@code review} of review rule files (review.drl): what a consequence calls to require
 * a post-incident review, or to say none is needed. The engine adds the firing rule's name and
 * precedence; the rules of the highest precedence that voted decide, and among them a requirement
 * wins over "not required", the earliest due time first (see {@code ReviewEngine}).
 *
 * <p>Calling it outside a rule consequence is an error. Not thread-safe: one per decision.
 */
public interface ReviewDecisions {

  /**
   * Requires a review, approved within some days of the resolution (or the declaration).
   *
   * @param days calendar days, 1 or more
   * @param reason why, for the record; not blank
   * @throws io.itsm.core.ValidationException if {@code days} is below 1 or {@code reason} is blank
   * @throws IllegalStateException if called outside a rule consequence
   */
  void requireWithin(int days, String reason);

  /**
   * Says no review is needed (a team rule overriding a default one).
   *
   * @param reason why, for the record; not blank
   * @throws io.itsm.core.ValidationException if {@code reason} is blank
   * @throws IllegalStateException if called outside a rule consequence
   */
  void notRequired(String reason);
}
