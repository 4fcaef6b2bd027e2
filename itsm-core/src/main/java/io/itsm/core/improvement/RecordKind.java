package io.itsm.core.improvement;

/**
 * The kinds of record a {@link RecordRef} can point to, across the practices of a desk.
 */
public enum RecordKind {
  /** An incident or service request of the {@link io.itsm.core.ServiceDesk}; the id is its id. */
  INCIDENT,
  /** A problem record ({@link io.itsm.core.problem.Problem}). */
  PROBLEM,
  /** A change request (of the CMDB's change management). */
  CHANGE,
  /** A knowledge article, for example the KNOWN_ERROR article of a problem. */
  KNOWLEDGE_ARTICLE,
  /** A post-incident review ({@link io.itsm.core.review.PostIncidentReview}). */
  REVIEW
}
