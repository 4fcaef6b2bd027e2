package io.itsm.core.knowledge.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The article was retired: no longer readable or suggested, kept with its history.
 *
 * <p>Immutable and thread-safe.
 *
 * @param articleId the article's id
 * @param sequence the event's position in the article's history, from 1
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param reason why; not blank
 */
public record ArticleRetired(
    String articleId,
    long sequence,
    Instant at,
    String actor,
    String reason)
    implements KnowledgeEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1 or an id is blank
   */
  public ArticleRetired {
    KnowledgeEvent.check(articleId, sequence, at, actor);
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new io.itsm.core.ValidationException("the reason for retiring an article must not be blank");
    }
  }

}
