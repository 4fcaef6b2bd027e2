package io.itsm.core.knowledge;

import java.util.List;
import java.util.OptionalLong;

/**
 * Full-text search over knowledge articles: the SPI the {@link KnowledgeBase} keeps current and
 * searches. {@code itsm-rules} implements it with Lucene ({@code
 * io.itsm.rules.knowledge.KnowledgeIndex}: per-language analysis, BM25, title and symptoms
 * boosted, in memory or on disk); core has no search library.
 *
 * <p>An index holds, per article, the version readers see (the published one, else the newest),
 * in each of its languages, with its kind, audience, scope and search state (see {@link
 * ArticleFilter}).
 *
 * <p>Implementations must be thread-safe: searches and updates run concurrently.
 */
public interface ArticleIndex {

  /**
   * Adds an article, or replaces the indexed one of the same id. A search that starts after this
   * returns sees it.
   *
   * @param article the article
   */
  void index(KnowledgeArticle article);

  /**
   * Removes an article; nothing happens if it is not indexed.
   *
   * @param articleId the article id
   */
  void remove(String articleId);

  /**
   * Searches.
   *
   * @param search the search
   * @return the best matches, best first, at most {@code search.limit()}
   */
  List<ArticleMatch> search(ArticleSearch search);

  /**
   * Returns the revision of an article the index holds, to tell whether it is current.
   *
   * @param articleId the article id
   * @return the indexed {@link KnowledgeArticle#revision()}, or empty when not indexed
   */
  OptionalLong indexedRevision(String articleId);

  /**
   * Counts the indexed articles.
   *
   * @return the number of articles
   */
  int size();
}
