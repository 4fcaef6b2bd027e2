package io.itsm.core.incident;

/** How widely an incident affects the business: one person, a group, or the whole service. */
public enum Impact {
  /** A whole service, many users or a business-critical configuration item. */
  HIGH,
  /** A group or department. */
  MEDIUM,
  /** One user. */
  LOW
}
