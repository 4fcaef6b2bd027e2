package io.itsm.core.knowledge.event;

import io.itsm.core.approval.Approval;
import java.time.Instant;
import java.util.Objects;

/**
 * The newest version was submitted for review: the article is IN_REVIEW.
 *
 * <p>Immutable and thread-safe.
 *
 * @param articleId the article's id
 * @param sequence the event's position in the article's history, from 1
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param review the pending review, an approval of subject kind KNOWLEDGE_ARTICLE
 */
public record ReviewRequested(
    String articleId,
    long sequence,
    Instant at,
    String actor,
    Approval review)
    implements KnowledgeEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1 or an id is blank
   */
  public ReviewRequested {
    KnowledgeEvent.check(articleId, sequence, at, actor);
    Objects.requireNonNull(review, "review");
  }

}
