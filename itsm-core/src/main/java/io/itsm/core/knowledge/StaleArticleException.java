package io.itsm.core.knowledge;

import io.itsm.core.ItsmException;

/**
 * Thrown when a change was based on an old version of an article: someone else changed it in
 * between. Nothing of the stale change was stored; reload the article and try again.
 *
 * <p>Immutable.
 */
public class StaleArticleException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final String articleId;
  private final long expectedVersion;
  private final long actualVersion;

  /**
   * Creates the exception.
   *
   * @param articleId the article
   * @param expectedVersion the version the change was based on
   * @param actualVersion the version stored now
   */
  public StaleArticleException(String articleId, long expectedVersion, long actualVersion) {
    super("article " + articleId + " was changed concurrently: the change was based on version "
        + expectedVersion + ", but the stored version is " + actualVersion
        + "; reload the article and retry the command");
    this.articleId = articleId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /**
   * Returns the article's id.
   *
   * @return the id
   */
  public String getArticleId() {
    return articleId;
  }

  /**
   * Returns the version the rejected change was based on.
   *
   * @return the expected version
   */
  public long getExpectedVersion() {
    return expectedVersion;
  }

  /**
   * Returns the version stored when the change was rejected.
   *
   * @return the actual version
   */
  public long getActualVersion() {
    return actualVersion;
  }
}
