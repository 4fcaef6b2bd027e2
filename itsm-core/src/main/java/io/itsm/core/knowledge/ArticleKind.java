package io.itsm.core.knowledge;

/** What kind of knowledge an article holds. */
public enum ArticleKind {
  /** A standard operating procedure: how the desk does a recurring task, step by step. */
  SOP,
  /**
   * A known error: a problem whose cause is known, with a workaround until it is fixed. Every
   * translation of a known error has a {@linkplain ArticleText#workaround() workaround}.
   */
  KNOWN_ERROR,
  /** A frequently asked question and its answer. */
  FAQ,
  /** How to do something, for end users or agents: the usual article written from a resolution. */
  HOW_TO
}
