/**
 * Post-incident reviews and preventive actions (ITIL's "review the incident report for prevention
 * measures", "approval of the incident report by senior management", "implement preventive
 * measures and track them in the tool"): a {@link io.itsm.core.review.PostIncidentReview} of one
 * incident or a group (a major incident and its children, a problem's incidents) with a timeline
 * assembled from the incidents' events, the impact, root cause, contributing factors, lessons and
 * planned actions; a {@link io.itsm.core.review.ReviewPolicy} (in DRL: {@code ReviewEngine} of
 * itsm-rules) decides when one is required and by when; senior management approves it through the
 * generic {@link io.itsm.core.approval.Approval}; approved, its {@link
 * io.itsm.core.review.PreventiveAction}s start and are tracked to done, overdue ones escalated by
 * an {@link io.itsm.core.review.ActionEscalationPolicy} (a DRL ladder); the review closes when all
 * are done or cancelled. {@link io.itsm.core.review.Reviews} is the facade; see
 * docs/improvement.md.
 */
package io.itsm.core.review;
