package io.itsm.core.knowledge;

import io.itsm.core.knowledge.event.KnowledgeEvent;
import java.util.List;
import java.util.Optional;

/**
 * Stores knowledge articles as their event histories, with the latest state beside them: the SPI
 * a database store implements (an events table keyed by article and sequence, and a current-state
 * table indexed by state, kind, author and link).
 *
 * <p>Implementations must be thread-safe. {@link InMemoryKnowledgeRepository} is the default.
 */
public interface KnowledgeRepository {

  /**
   * Appends events and stores the new state, atomically.
   *
   * @param expectedVersion the version the command read: 0 for a new article
   * @param events the new events, in order, not empty
   * @param newState the article after them
   * @throws StaleArticleException if the stored version differs; nothing is stored then
   */
  void append(long expectedVersion, List<KnowledgeEvent> events, KnowledgeArticle newState);

  /**
   * Finds an article's latest state.
   *
   * @param id the article id
   * @return the article, or empty
   */
  Optional<KnowledgeArticle> find(String id);

  /**
   * Returns an article's history.
   *
   * @param id the article id
   * @return the events, oldest first; empty if there is no such article
   */
  List<KnowledgeEvent> history(String id);

  /**
   * Finds the articles matching a query, by id.
   *
   * @param query the criteria
   * @return the articles, sorted by id
   */
  List<KnowledgeArticle> find(KnowledgeQuery query);

  /**
   * Counts the stored articles.
   *
   * @return how many articles are stored
   */
  default int size() {
    return find(KnowledgeQuery.all()).size();
  }
}
