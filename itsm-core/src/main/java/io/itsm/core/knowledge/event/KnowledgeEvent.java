package io.itsm.core.knowledge.event;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.Objects;

/**
 * One change to a knowledge article: the unit of its history. An article's state is rebuilt from
 * its events alone ({@link KnowledgeHistory#replay}). Usage is recorded as events too (suggested,
 * opened, used to resolve, feedback, a question answered), so that every count can be computed for
 * any period.
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface KnowledgeEvent
    permits ArticleDrafted, ArticleRevised, ReviewRequested, ReviewDecided, ArticlePublished,
        ArticleRetired, ArticleLinked, ArticleSuggested, ArticleOpened, ArticleUsed,
        FeedbackGiven, QuestionAnswered {

  /**
   * Returns the id of the article the event belongs to.
   *
   * @return the article id
   */
  String articleId();

  /**
   * Returns the event's position in the article's history, from 1.
   *
   * @return the sequence number
   */
  long sequence();

  /**
   * Returns when it happened, by the knowledge base's clock.
   *
   * @return the instant
   */
  Instant at();

  /**
   * Returns the id of the actor who caused it ({@code "system"} for automatic ones).
   *
   * @return the actor id
   */
  String actor();

  /**
   * Returns the event type's name as used in JSON and logs, for example {@code "ArticleDrafted"}.
   *
   * @return the simple name of the record
   */
  default String type() {
    return getClass().getSimpleName();
  }

  /**
   * Tells whether the event changes what readers and searches see (content, state, review), as
   * opposed to usage and links.
   *
   * @return whether it revises the article
   */
  default boolean revises() {
    return true;
  }

  /**
   * Checks the components every event has.
   *
   * @param articleId the article id
   * @param sequence the sequence number
   * @param at the instant
   * @param actor the actor id
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the sequence is below 1 or an id is blank
   */
  static void check(String articleId, long sequence, Instant at, String actor) {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    if (articleId.isBlank()) {
      throw new ValidationException("event articleId must not be blank");
    }
    if (actor.isBlank()) {
      throw new ValidationException("event actor must not be blank");
    }
    if (sequence < 1) {
      throw new ValidationException("event sequence must be 1 or more, but was " + sequence);
    }
  }
}
