package io.itsm.core.knowledge.event;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent used the article to resolve an incident (the incident is linked to it).
 *
 * <p>Immutable and thread-safe.
 *
 * @param articleId the article's id
 * @param sequence the event's position in the article's history, from 1
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param incidentId the incident
 */
public record ArticleUsed(
    String articleId,
    long sequence,
    Instant at,
    String actor,
    String incidentId)
    implements KnowledgeEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1 or an id is blank
   */
  public ArticleUsed {
    KnowledgeEvent.check(articleId, sequence, at, actor);
    Objects.requireNonNull(incidentId, "incidentId");
  }

  @Override
  public boolean revises() {
    return false;
  }
}
