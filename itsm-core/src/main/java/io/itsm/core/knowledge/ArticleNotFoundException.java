package io.itsm.core.knowledge;

import io.itsm.core.ItsmException;
import java.util.Objects;

/**
 * Thrown when no knowledge article has the id asked for. Nothing was changed.
 *
 * <p>Immutable.
 */
public class ArticleNotFoundException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final String articleId;

  /**
   * Creates the exception.
   *
   * @param articleId the id that was not found
   */
  public ArticleNotFoundException(String articleId) {
    super("no knowledge article has the id '" + Objects.requireNonNull(articleId, "articleId")
        + "'; article ids look like KB-000042 (find them with KnowledgeBase.find or search)");
    this.articleId = articleId;
  }

  /**
   * Returns the id that was not found.
   *
   * @return the article id
   */
  public String getArticleId() {
    return articleId;
  }
}
