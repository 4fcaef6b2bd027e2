package io.itsm.core.cmdb;

/**
 * Where a change request stands.
 *
 * <pre>
 * PENDING_APPROVAL ─approve→ APPROVED ─start→ IN_PROGRESS ─complete→ IMPLEMENTED ─verify→ COMPLETED
 *        │ reject→ REJECTED      │                 │ fail→ FAILED          │ fail→ FAILED
 *        └──────── cancel→ CANCELLED ←─────────────┘ (cancel: from PENDING_APPROVAL or APPROVED)
 * </pre>
 */
public enum ChangeStatus {
  /** Waiting for the change advisory board. */
  PENDING_APPROVAL,
  /** Approved, not started. */
  APPROVED,
  /** Rejected by an approver. Final. */
  REJECTED,
  /** Being implemented. */
  IN_PROGRESS,
  /** Implemented, waiting for verification. */
  IMPLEMENTED,
  /** Verified: its configuration item updates are applied. Final. */
  COMPLETED,
  /** Implementation or verification failed; no update was applied. Final. */
  FAILED,
  /** Withdrawn before it started. Final. */
  CANCELLED;

  /**
   * Tells whether nothing can happen to a change in this status any more.
   *
   * @return {@code true} for REJECTED, COMPLETED, FAILED and CANCELLED
   */
  public boolean isFinal() {
    return this == REJECTED || this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
