package io.itsm.core.event;

/** Who may read a comment. */
public enum Visibility {
  /** The caller and everyone on the desk. */
  PUBLIC,
  /** An internal work note: only the desk. */
  INTERNAL
}
