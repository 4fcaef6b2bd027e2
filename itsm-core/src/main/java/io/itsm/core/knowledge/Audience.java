package io.itsm.core.knowledge;

/** Who may read an article once it is published. */
public enum Audience {
  /** Agents and the other roles of the desk; end users never see it. */
  INTERNAL,
  /** Everyone, end users included (self-service). */
  PUBLIC
}
