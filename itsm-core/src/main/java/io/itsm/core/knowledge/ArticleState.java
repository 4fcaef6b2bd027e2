package io.itsm.core.knowledge;

/**
 * Where an article's newest version stands: DRAFT → IN_REVIEW → PUBLISHED → RETIRED. A rejected
 * review sends it back to DRAFT; editing a PUBLISHED article starts a new version in DRAFT while
 * the published one stays readable ({@link KnowledgeArticle#published()}).
 */
public enum ArticleState {
  /** Being written or revised; may be edited and submitted for review. */
  DRAFT,
  /** Submitted; reviewers approve (which publishes it) or reject it (back to DRAFT). */
  IN_REVIEW,
  /** Its newest version is published: readers see it, agents get it suggested. */
  PUBLISHED,
  /** Withdrawn: no longer readable or suggested, but kept with its history; final. */
  RETIRED;

  /**
   * Tells whether no command may change the article's content any more.
   *
   * @return {@code true} for RETIRED
   */
  public boolean isFinal() {
    return this == RETIRED;
  }
}
