package io.itsm.core.review;

/** Where a {@link PostIncidentReview} stands. */
public enum ReviewStatus {
  /** Being written: timeline, findings, planned actions. A rejected or expired approval returns here. */
  DRAFT,
  /** Submitted; waiting for senior management's approval. */
  PENDING_APPROVAL,
  /** Approved: its preventive actions run. */
  APPROVED,
  /** Final: every preventive action is done or cancelled. */
  CLOSED,
  /** Final: the review was not needed after all (cancelled while a draft). */
  CANCELLED;

  /**
   * Tells whether the review is final.
   *
   * @return {@code true} for CLOSED and CANCELLED
   */
  public boolean isFinal() {
    return this == CLOSED || this == CANCELLED;
  }
}
