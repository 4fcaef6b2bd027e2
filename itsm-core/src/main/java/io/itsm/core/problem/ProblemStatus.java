package io.itsm.core.problem;

/** Where a {@link Problem} stands, in ITIL's order. */
public enum ProblemStatus {
  /** Logged (by hand, or proposed by a rule), not yet investigated. */
  NEW,
  /** Someone is looking for the root cause. */
  UNDER_INVESTIGATION,
  /** The root cause and a workaround are known, the fix is not in yet. */
  KNOWN_ERROR,
  /** The root cause is removed; incidents waiting for it resume. */
  RESOLVED,
  /** Final: resolved and closed, or closed without a fix (not a problem, a duplicate). */
  CLOSED;

  /**
   * Tells whether the problem is still being worked: NEW, UNDER_INVESTIGATION or KNOWN_ERROR.
   *
   * @return {@code true} while open
   */
  public boolean isOpen() {
    return this == NEW || this == UNDER_INVESTIGATION || this == KNOWN_ERROR;
  }
}
