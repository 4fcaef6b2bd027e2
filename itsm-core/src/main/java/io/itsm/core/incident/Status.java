package io.itsm.core.incident;

/**
 * The states of an incident's lifecycle. Which commands move an incident between them is defined
 * by {@link io.itsm.core.lifecycle.Lifecycle}.
 */
public enum Status {
  /** Logged, not yet assigned. */
  NEW,
  /** Assigned to a team (and maybe a person), work not started. */
  ASSIGNED,
  /** Someone is working on it. */
  IN_PROGRESS,
  /** Waiting: for the user, a vendor, a change, a problem or evidence (see {@link OnHoldReason}). */
  ON_HOLD,
  /** A resolution was proposed and waits for a manager's approval. */
  PENDING_APPROVAL,
  /** Resolved; waits for the caller to confirm. */
  RESOLVED,
  /**
   * Closed, with or without a resolution. Final: only a desk with a reopen window lets the caller
   * reopen it, within that window.
   */
  CLOSED,
  /** Cancelled (logged by mistake, duplicate, withdrawn). Final. */
  CANCELLED;

  /**
   * Tells whether the incident is done: no command can change it, except {@code REOPEN} of a
   * {@link #CLOSED} incident on a desk with a reopen window. Due work ({@code tick}) ends here.
   *
   * @return {@code true} for {@link #CLOSED} and {@link #CANCELLED}
   */
  public boolean isFinal() {
    return this == CLOSED || this == CANCELLED;
  }

  /**
   * Tells whether the incident still needs work: not resolved and not final.
   *
   * @return {@code true} for NEW, ASSIGNED, IN_PROGRESS, ON_HOLD and PENDING_APPROVAL
   */
  public boolean isOpen() {
    return !isFinal() && this != RESOLVED;
  }
}
