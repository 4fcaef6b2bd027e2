/**
 * Problem management (ITIL): a {@link io.itsm.core.problem.Problem} is the unknown cause behind
 * one or more incidents. It is investigated (NEW → UNDER_INVESTIGATION), its root cause and
 * workaround are recorded, it may be declared a known error (publishing a KNOWN_ERROR article
 * through a {@link io.itsm.core.problem.KnownErrorPublisher}), and it is resolved (incidents on
 * hold awaiting it resume) and closed. A {@link io.itsm.core.problem.ProblemDetectionPolicy} (in
 * DRL: {@code RecurrenceEngine} of itsm-rules) proposes a problem when similar incidents recur.
 * {@link io.itsm.core.problem.Problems} is the facade; see docs/improvement.md.
 */
package io.itsm.core.problem;
