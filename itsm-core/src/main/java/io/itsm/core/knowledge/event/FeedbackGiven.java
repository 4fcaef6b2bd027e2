package io.itsm.core.knowledge.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A reader said whether the article helped.
 *
 * <p>Immutable and thread-safe.
 *
 * @param articleId the article's id
 * @param sequence the event's position in the article's history, from 1
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param helped whether it helped
 * @param comment what the reader said; may be empty
 */
public record FeedbackGiven(
    String articleId,
    long sequence,
    Instant at,
    String actor,
    boolean helped,
    String comment)
    implements KnowledgeEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1 or an id is blank
   */
  public FeedbackGiven {
    KnowledgeEvent.check(articleId, sequence, at, actor);
    Objects.requireNonNull(comment, "comment");
  }

  @Override
  public boolean revises() {
    return false;
  }
}
