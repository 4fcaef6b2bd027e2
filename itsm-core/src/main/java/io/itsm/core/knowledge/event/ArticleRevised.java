package io.itsm.core.knowledge.event;

import io.itsm.core.event.Provenance;
import io.itsm.core.knowledge.ArticleContent;
import java.util.Optional;
import java.time.Instant;
import java.util.Objects;

/**
 * The article's content changed: its draft was edited (same version number), or a new version of a published article was started (the next number).
 *
 * <p>Immutable and thread-safe.
 *
 * @param articleId the article's id
 * @param sequence the event's position in the article's history, from 1
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param versionNumber the number of the version the content belongs to
 * @param author the new version's author when it starts one (for a version written from a
 *     resolution, the agent who resolved the incident); for an edit of a draft, who is credited
 *     with the edit
 * @param content the version's new content
 * @param note what changed and why; may be empty
 * @param basedOn the incident or problem the change comes from, if any
 * @param decidedBy the rule or person that asked for the new version, when it was not the
 *     actor's own idea
 */
public record ArticleRevised(
    String articleId,
    long sequence,
    Instant at,
    String actor,
    int versionNumber,
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
  public ArticleRevised {
    KnowledgeEvent.check(articleId, sequence, at, actor);
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(basedOn, "basedOn");
    Objects.requireNonNull(decidedBy, "decidedBy");
    if (versionNumber < 1) {
      throw new io.itsm.core.ValidationException(
          "versionNumber must be 1 or more, but was " + versionNumber);
    }
  }

}
