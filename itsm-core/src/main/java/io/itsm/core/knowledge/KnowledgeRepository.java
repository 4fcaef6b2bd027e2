package io.itsm.core.knowledge;

import io.itsm.core.knowledge.event.KnowledgeEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Stores knowledge articles as their event histories, with the latest state beside them: the SPI
 * a database store implements (an events table keyed by article and sequence, and a current-state
 * table indexed by state, kind, author and link).
 *
 * <p>A {@link KnowledgeBase} command that writes to several articles at once — {@link
 * KnowledgeBase#suggest} records every suggestion it shows — stores them with one {@link
 * #appendAll} call, which a repository applies all or none.
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
   * Appends to several articles at once, all or none: either every append is stored, or — when
   * one article's stored version differs from the one its append expects, or the store fails —
   * none is. {@link KnowledgeBase#suggest} records the suggestions it shows this way.
   *
   * <p>The default checks the list, then appends one article after the other: that is all or none
   * only when nothing else writes meanwhile and no append fails (a stale version on the third
   * article leaves the first two stored). A repository overrides it to be atomic, as {@link
   * InMemoryKnowledgeRepository} (under its write lock, every version compared before anything is
   * stored) and the JDBC repository (one transaction) do.
   *
   * <p>Thread-safety: as {@link #append}; implementations must be thread-safe.
   *
   * @param appends the appends, at most one per article, in the order they are stored; empty
   *     stores nothing
   * @throws NullPointerException if {@code appends} or one of them is null
   * @throws IllegalArgumentException if two appends are to the same article (merge its events
   *     into one append)
   * @throws StaleArticleException if an article's stored version differs from its append's
   *     expected one; an atomic repository stores nothing then
   */
  default void appendAll(List<Append> appends) {
    for (Append a : Append.distinct(appends)) {
      append(a.expectedVersion(), a.events(), a.newState());
    }
  }

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

  /**
   * One article's part of {@link #appendAll}: the events of one command on it and its state after
   * them.
   *
   * <p>Immutable and thread-safe.
   *
   * @param expectedVersion the version the command read: 0 for a new article
   * @param events the new events, in order, not empty, all of the article and numbered from
   *     {@code expectedVersion + 1} without gaps
   * @param newState the article after them: its version is the last event's sequence
   */
  record Append(long expectedVersion, List<KnowledgeEvent> events, KnowledgeArticle newState) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if a component or an event is null
     * @throws IllegalArgumentException if {@code expectedVersion} is negative, the events are
     *     empty, one is of another article or out of sequence, or the new state's version is not
     *     the last event's sequence
     */
    public Append {
      Objects.requireNonNull(events, "events");
      Objects.requireNonNull(newState, "newState");
      if (expectedVersion < 0) {
        throw new IllegalArgumentException("expectedVersion must be 0 or more, but was "
            + expectedVersion + " (article " + newState.id() + ")");
      }
      events = List.copyOf(events);
      if (events.isEmpty()) {
        throw new IllegalArgumentException("events must not be empty (article " + newState.id()
            + "): leave an article without events out of appendAll");
      }
      long seq = expectedVersion;
      for (KnowledgeEvent e : events) {
        if (!e.articleId().equals(newState.id())) {
          throw new IllegalArgumentException("events appended to article " + newState.id()
              + " must be its own, but " + e.type() + " #" + e.sequence() + " is of "
              + e.articleId());
        }
        if (e.sequence() != ++seq) {
          throw new IllegalArgumentException("event " + e.type() + " of article " + newState.id()
              + " must have sequence " + seq + " (the events follow version " + expectedVersion
              + " without gaps), but had " + e.sequence());
        }
      }
      if (newState.version() != seq) {
        throw new IllegalArgumentException("the new state of article " + newState.id()
            + " must have version " + seq + " (its last event's sequence), but had "
            + newState.version());
      }
    }

    /**
     * Checks that a list of appends names each article at most once.
     *
     * @param appends the appends
     * @return {@code appends}
     * @throws NullPointerException if {@code appends} or one of them is null
     * @throws IllegalArgumentException if two appends are to the same article
     */
    public static List<Append> distinct(List<Append> appends) {
      Objects.requireNonNull(appends, "appends");
      Set<String> ids = new HashSet<>();
      for (Append a : appends) {
        Objects.requireNonNull(a, "appends must not contain null");
        if (!ids.add(a.newState().id())) {
          throw new IllegalArgumentException("appends must be at most one per article, but"
              + " article " + a.newState().id() + " has several; merge its events into one"
              + " append");
        }
      }
      return appends;
    }
  }
}
