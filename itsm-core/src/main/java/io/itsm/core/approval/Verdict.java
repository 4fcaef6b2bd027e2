package io.itsm.core.approval;

/** What an approver decides. A {@link #REJECT} needs a comment saying why. */
public enum Verdict {
  /** Approve; counts toward the current stage's {@link ApprovalPolicy}. */
  APPROVE,
  /** Reject; rejects the whole {@link Approval}. */
  REJECT
}
