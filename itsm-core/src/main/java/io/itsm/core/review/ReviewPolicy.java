package io.itsm.core.review;

/**
 * Decides when a post-incident review is required, and by when. The default rules are DRL ({@code
 * ReviewEngine} of itsm-rules, {@code review.drl}): every P1, security incidents, a P2 that
 * breached an SLA target, an incident reopened twice, a problem becoming a known error.
 *
 * <p>Implementations must be thread-safe and free of side effects.
 */
@FunctionalInterface
public interface ReviewPolicy {

  /**
   * Decides whether a review is required.
   *
   * @param candidate what happened
   * @return the answer, never null
   */
  ReviewRequirement decide(ReviewCandidate candidate);

  /**
   * A policy that never requires a review (reviews are opened by hand).
   *
   * @return the policy
   */
  static ReviewPolicy none() {
    return candidate -> ReviewRequirement.notRequired();
  }
}
