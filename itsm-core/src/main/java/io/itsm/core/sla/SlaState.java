package io.itsm.core.sla;

/**
 * Where an SLA clock stands. Whether the target was exceeded is told apart by {@link
 * SlaStatus#breached()}: a RUNNING or PAUSED clock may already be past its target.
 */
public enum SlaState {
  /** Counting business time. */
  RUNNING,
  /** On hold for a reason that pauses the clock. */
  PAUSED,
  /** Stopped (responded or resolved) within the target. */
  MET,
  /** Stopped (responded or resolved) after the target. */
  MISSED,
  /**
   * The incident was cancelled, or closed without a resolution, before the clock stopped: there is
   * no outcome.
   */
  CANCELLED;

  /**
   * Tells whether the clock no longer counts.
   *
   * @return {@code true} for MET, MISSED and CANCELLED
   */
  public boolean isStopped() {
    return this == MET || this == MISSED || this == CANCELLED;
  }
}
