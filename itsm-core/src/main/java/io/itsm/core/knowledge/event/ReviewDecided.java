package io.itsm.core.knowledge.event;

import io.itsm.core.approval.Approval;
import java.time.Instant;
import java.util.Objects;

/**
 * A reviewer decided: the review after the decision. Approved, the article is published next (ArticlePublished); rejected, it is back in DRAFT with the comment; otherwise (a quorum not yet reached) still IN_REVIEW.
 *
 * <p>Immutable and thread-safe.
 *
 * @param articleId the article's id
 * @param sequence the event's position in the article's history, from 1
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param review the review after the decision
 */
public record ReviewDecided(
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
  public ReviewDecided {
    KnowledgeEvent.check(articleId, sequence, at, actor);
    Objects.requireNonNull(review, "review");
  }

}
