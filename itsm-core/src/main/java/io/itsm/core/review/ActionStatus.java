package io.itsm.core.review;

/** Where a {@link PreventiveAction} stands: OPEN → IN_PROGRESS → DONE, or CANCELLED with a reason. */
public enum ActionStatus {
  /** Started by the review's approval, not yet worked on. */
  OPEN,
  /** Its owner works on it. */
  IN_PROGRESS,
  /** Done, with evidence. Final. */
  DONE,
  /** Cancelled, with a reason. Final. */
  CANCELLED;

  /**
   * Tells whether the action is finished.
   *
   * @return {@code true} for DONE and CANCELLED
   */
  public boolean isFinished() {
    return this == DONE || this == CANCELLED;
  }
}
