package io.itsm.core.knowledge.event;

import java.util.List;
import java.time.Instant;
import java.util.Objects;

/**
 * The article was shown to an agent as a suggestion for an incident (at diagnosis).
 *
 * <p>Immutable and thread-safe.
 *
 * @param articleId the article's id
 * @param sequence the event's position in the article's history, from 1
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param incidentId the incident
 * @param rank its place among the suggestions shown, from 1
 * @param score the search score (BM25; comparable only within one suggestion)
 * @param matchedTerms the incident's words that matched the article (why it was suggested)
 */
public record ArticleSuggested(
    String articleId,
    long sequence,
    Instant at,
    String actor,
    String incidentId,
    int rank,
    double score,
    List<String> matchedTerms)
    implements KnowledgeEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1 or an id is blank
   */
  public ArticleSuggested {
    KnowledgeEvent.check(articleId, sequence, at, actor);
    Objects.requireNonNull(incidentId, "incidentId");
    matchedTerms = List.copyOf(Objects.requireNonNull(matchedTerms, "matchedTerms"));
    if (rank < 1) {
      throw new io.itsm.core.ValidationException("rank must be 1 or more, but was " + rank);
    }
  }

  @Override
  public boolean revises() {
    return false;
  }
}
