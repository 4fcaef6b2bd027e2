package io.itsm.core.incident;

/** Why an incident is {@linkplain Status#ON_HOLD on hold}. */
public enum OnHoldReason {
  /** Waiting for the user to answer or to try something. */
  AWAITING_USER,
  /** Waiting for a vendor. */
  AWAITING_VENDOR,
  /** Waiting for a change to be implemented. */
  AWAITING_CHANGE,
  /** Waiting for a problem (root cause) to be fixed. */
  AWAITING_PROBLEM,
  /** Waiting for logs, screenshots or other evidence. */
  AWAITING_EVIDENCE
}
