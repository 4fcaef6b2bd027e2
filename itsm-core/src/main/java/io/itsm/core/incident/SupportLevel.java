package io.itsm.core.incident;

/** The line of support that works on an incident. */
public enum SupportLevel {
  /** First line: the service desk. */
  L1,
  /** Second line: specialist teams. */
  L2,
  /** Third line: experts, developers, architects. */
  L3,
  /** An external vendor. */
  VENDOR
}
