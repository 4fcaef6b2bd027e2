package io.itsm.core.knowledge;

import io.itsm.core.ValidationException;
import java.util.List;
import java.util.Objects;

/**
 * One result of an {@link ArticleIndex} search.
 *
 * <p>Immutable and thread-safe.
 *
 * @param articleId the article
 * @param revision the article's {@link KnowledgeArticle#revision() revision} that was indexed
 * @param language the language of the text that matched
 * @param score the search score (BM25; higher is better; comparable within one search only)
 * @param matched the search's words the article matched, and where
 */
public record ArticleMatch(
    String articleId, long revision, String language, double score, List<MatchedTerm> matched) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the article id is blank
   */
  public ArticleMatch {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(language, "language");
    matched = List.copyOf(Objects.requireNonNull(matched, "matched"));
    if (articleId.isBlank()) {
      throw new ValidationException("a match must name an article");
    }
  }
}
