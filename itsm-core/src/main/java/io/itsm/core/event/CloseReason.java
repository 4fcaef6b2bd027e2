package io.itsm.core.event;

/** How an incident came to be closed. */
public enum CloseReason {
  /** The caller confirmed the resolution. */
  CONFIRMED_BY_CALLER,
  /** An agent confirmed the resolution on the caller's behalf (for example on the phone). */
  CONFIRMED_ON_BEHALF,
  /** The caller did not answer within the auto-close period. */
  AUTO_CLOSED,
  /** An agent closed the resolved incident without the caller's answer. */
  CLOSED_BY_AGENT,
  /**
   * A team lead closed an open incident without a resolution (a duplicate, raised in error, no
   * answer from the user); the event's {@code closeCode} says why.
   */
  WITHOUT_RESOLUTION
}
