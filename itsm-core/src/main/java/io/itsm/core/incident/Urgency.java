package io.itsm.core.incident;

/** How soon the business needs the incident resolved. */
public enum Urgency {
  /** Work has stopped; no workaround. */
  HIGH,
  /** Work is hampered; a workaround exists. */
  MEDIUM,
  /** Can wait. */
  LOW
}
