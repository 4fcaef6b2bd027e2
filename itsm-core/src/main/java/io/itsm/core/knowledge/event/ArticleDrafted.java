package io.itsm.core.knowledge.event;

import io.itsm.core.event.Provenance;
import io.itsm.core.knowledge.ArticleContent;
import java.util.Optional;
import java.time.Instant;
import java.util.Objects;

/**
 * The article was drafted: its first version.
 *
 * <p>Immutable and thread-safe.
 *
 * @param articleId the article's id
 * @param sequence the event's position in the article's history, from 1
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param author the id of the version's author (the agent who resolved the incident, for a draft
 *     written from a resolution)
 * @param content what the first version says
 * @param note why it was written; may be empty
 * @param basedOn the incident or problem it was written from, if any
 * @param decidedBy the rule or person that asked for the draft, when it was not the actor's own
 *     idea (a draft asked for by a capture rule)
 */
public record ArticleDrafted(
    String articleId,
    long sequence,
    Instant at,
    String actor,
    String author,
    ArticleContent content,
    String note,
    Optional<String> basedOn,
    Optional<Provenance> decidedBy)
    implements KnowledgeEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1 or an id is blank
   */
  public ArticleDrafted {
    KnowledgeEvent.check(articleId, sequence, at, actor);
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(basedOn, "basedOn");
    Objects.requireNonNull(decidedBy, "decidedBy");
  }

}
