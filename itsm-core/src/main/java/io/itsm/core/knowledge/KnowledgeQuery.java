package io.itsm.core.knowledge;

import java.util.Objects;
import java.util.Optional;

/**
 * Criteria for {@link KnowledgeBase#find} and {@link KnowledgeRepository#find}: all given criteria
 * must match.
 *
 * <pre>{@code
 * kb.find(agent, KnowledgeQuery.all().withState(ArticleState.IN_REVIEW));   // the review queue
 * kb.find(agent, KnowledgeQuery.all().withLinkedTo("INC-000042"));         // articles of an incident
 * }</pre>
 *
 * <table>
 *   <caption>What each criterion matches</caption>
 *   <tr><th>criterion</th><th>matches an article whose</th></tr>
 *   <tr><td>state</td><td>{@link KnowledgeArticle#state()} is that state</td></tr>
 *   <tr><td>kind</td><td>newest version is of that kind</td></tr>
 *   <tr><td>author</td><td>first version's author is that actor</td></tr>
 *   <tr><td>linkedTo</td><td>links name that incident or problem (any relation)</td></tr>
 *   <tr><td>category</td><td>newest version's scope lists that category</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 *
 * @param state the state, or empty for any
 * @param kind the kind, or empty for any
 * @param author the author's id, or empty for any
 * @param linkedTo an incident or problem id, or empty for any
 * @param category a category code, or empty for any
 */
public record KnowledgeQuery(
    Optional<ArticleState> state,
    Optional<ArticleKind> kind,
    Optional<String> author,
    Optional<String> linkedTo,
    Optional<String> category) {

  private static final KnowledgeQuery ALL = new KnowledgeQuery(
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public KnowledgeQuery {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(linkedTo, "linkedTo");
    Objects.requireNonNull(category, "category");
  }

  /**
   * Matches every article.
   *
   * @return the query without criteria
   */
  public static KnowledgeQuery all() {
    return ALL;
  }

  /**
   * Returns this query also requiring a state.
   *
   * @param state the state
   * @return the copy
   */
  public KnowledgeQuery withState(ArticleState state) {
    return new KnowledgeQuery(Optional.of(state), kind, author, linkedTo, category);
  }

  /**
   * Returns this query also requiring a kind.
   *
   * @param kind the kind
   * @return the copy
   */
  public KnowledgeQuery withKind(ArticleKind kind) {
    return new KnowledgeQuery(state, Optional.of(kind), author, linkedTo, category);
  }

  /**
   * Returns this query also requiring an author.
   *
   * @param author the author's id
   * @return the copy
   */
  public KnowledgeQuery withAuthor(String author) {
    return new KnowledgeQuery(state, kind, Optional.of(author), linkedTo, category);
  }

  /**
   * Returns this query also requiring a link to a record.
   *
   * @param recordId an incident or problem id
   * @return the copy
   */
  public KnowledgeQuery withLinkedTo(String recordId) {
    return new KnowledgeQuery(state, kind, author, Optional.of(recordId), category);
  }

  /**
   * Returns this query also requiring a category in the scope.
   *
   * @param category the category code
   * @return the copy
   */
  public KnowledgeQuery withCategory(String category) {
    return new KnowledgeQuery(state, kind, author, linkedTo, Optional.of(category));
  }

  /**
   * Tells whether an article matches.
   *
   * @param a the article
   * @return whether every given criterion matches
   */
  public boolean matches(KnowledgeArticle a) {
    return state.map(s -> a.state() == s).orElse(true)
        && kind.map(k -> a.kind() == k).orElse(true)
        && author.map(x -> a.author().equals(x)).orElse(true)
        && linkedTo.map(r -> a.links().stream().anyMatch(l -> l.recordId().equals(r))).orElse(true)
        && category.map(c -> a.current().content().scope().categories().contains(c)).orElse(true);
  }
}
