package io.itsm.core.approval;

/** Where an {@link Approval} stands. Only {@link #PENDING} approvals can be decided. */
public enum ApprovalStatus {
  /** Waiting for decisions. */
  PENDING,
  /** Every stage was approved. */
  APPROVED,
  /** An approver rejected it. */
  REJECTED,
  /** Its due time passed while it was pending. */
  EXPIRED
}
