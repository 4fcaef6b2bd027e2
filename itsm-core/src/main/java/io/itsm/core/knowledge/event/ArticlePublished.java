package io.itsm.core.knowledge.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The newest version was published: readers see it and agents get it suggested.
 *
 * <p>Immutable and thread-safe.
 *
 * @param articleId the article's id
 * @param sequence the event's position in the article's history, from 1
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param versionNumber the number of the published version
 */
public record ArticlePublished(
    String articleId,
    long sequence,
    Instant at,
    String actor,
    int versionNumber)
    implements KnowledgeEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1 or an id is blank
   */
  public ArticlePublished {
    KnowledgeEvent.check(articleId, sequence, at, actor);
    if (versionNumber < 1) {
      throw new io.itsm.core.ValidationException(
          "versionNumber must be 1 or more, but was " + versionNumber);
    }
  }

}
