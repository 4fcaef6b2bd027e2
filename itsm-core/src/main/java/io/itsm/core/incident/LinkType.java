package io.itsm.core.incident;

/** How an incident relates to another record. */
public enum LinkType {
  /** The target is this incident's parent (for example a major incident). */
  PARENT,
  /** The target is a child of this incident. */
  CHILD,
  /** This incident duplicates the target. */
  DUPLICATE_OF,
  /** The target is the problem record behind this incident. */
  RELATED_PROBLEM,
  /** Otherwise related. */
  RELATED
}
