package io.itsm.core.incident;

/** How a ticket reached the service desk. */
public enum Channel {
  /** A phone call to the desk. */
  PHONE,
  /** An e-mail to the desk. */
  EMAIL,
  /** A chat conversation. */
  CHAT,
  /** The self-service portal. */
  PORTAL,
  /** An alert from a monitoring system. */
  MONITORING,
  /** Someone walked up to the desk. */
  WALK_IN
}
