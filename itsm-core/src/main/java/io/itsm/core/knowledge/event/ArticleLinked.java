package io.itsm.core.knowledge.event;

import io.itsm.core.knowledge.ArticleLink;
import java.time.Instant;
import java.util.Objects;

/**
 * The article was linked to an incident or a problem record.
 *
 * <p>Immutable and thread-safe.
 *
 * @param articleId the article's id
 * @param sequence the event's position in the article's history, from 1
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param link the link
 */
public record ArticleLinked(
    String articleId,
    long sequence,
    Instant at,
    String actor,
    ArticleLink link)
    implements KnowledgeEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1 or an id is blank
   */
  public ArticleLinked {
    KnowledgeEvent.check(articleId, sequence, at, actor);
    Objects.requireNonNull(link, "link");
  }

  @Override
  public boolean revises() {
    return false;
  }
}
