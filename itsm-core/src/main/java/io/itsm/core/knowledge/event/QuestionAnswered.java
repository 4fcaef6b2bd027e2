package io.itsm.core.knowledge.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The article answered an end user's question in self-service, so no ticket was logged (a deflection).
 *
 * <p>Immutable and thread-safe.
 *
 * @param articleId the article's id
 * @param sequence the event's position in the article's history, from 1
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param query what the user searched for
 */
public record QuestionAnswered(
    String articleId,
    long sequence,
    Instant at,
    String actor,
    String query)
    implements KnowledgeEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1 or an id is blank
   */
  public QuestionAnswered {
    KnowledgeEvent.check(articleId, sequence, at, actor);
    Objects.requireNonNull(query, "query");
  }

  @Override
  public boolean revises() {
    return false;
  }
}
