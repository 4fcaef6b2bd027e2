package io.itsm.core.knowledge.event;

import java.util.Optional;
import java.time.Instant;
import java.util.Objects;

/**
 * A reader opened the article.
 *
 * <p>Immutable and thread-safe.
 *
 * @param articleId the article's id
 * @param sequence the event's position in the article's history, from 1
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param language the language it was shown in
 * @param incidentId the incident the reader worked on, if any
 */
public record ArticleOpened(
    String articleId,
    long sequence,
    Instant at,
    String actor,
    String language,
    Optional<String> incidentId)
    implements KnowledgeEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1 or an id is blank
   */
  public ArticleOpened {
    KnowledgeEvent.check(articleId, sequence, at, actor);
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(incidentId, "incidentId");
  }

  @Override
  public boolean revises() {
    return false;
  }
}
