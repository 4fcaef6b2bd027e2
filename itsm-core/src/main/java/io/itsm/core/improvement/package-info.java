/**
 * Closing the loop of a service desk: {@link io.itsm.core.improvement.Improvement} wires problem
 * management ({@link io.itsm.core.problem}), post-incident reviews with their preventive actions
 * ({@link io.itsm.core.review}) and satisfaction surveys ({@link io.itsm.core.survey}) to one
 * {@link io.itsm.core.ServiceDesk}, so that its events drive them: a new incident may recur (a
 * problem is proposed), a resolved one may need a review, a closed one may be surveyed, a problem
 * that becomes a known error may need a review of its incidents. {@link
 * io.itsm.core.improvement.RecordRef} points from one practice's record to another's. See
 * docs/improvement.md.
 */
package io.itsm.core.improvement;
