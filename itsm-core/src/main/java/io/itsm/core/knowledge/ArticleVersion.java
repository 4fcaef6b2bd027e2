package io.itsm.core.knowledge;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of an article: its content, who started it and when, and when it was published.
 * Editing a draft changes its newest version; editing a published article starts the next one.
 *
 * <p>Immutable and thread-safe.
 *
 * @param number the version number, from 1
 * @param content what the version says
 * @param author the id of the actor who started the version (for a version drafted from an
 *     incident's resolution, the agent who resolved it)
 * @param createdAt when the version was started
 * @param note why it was written or changed; may be empty
 * @param basedOn the incident or problem the version was written from, when there is one
 * @param publishedAt when the version was published, if it was
 */
public record ArticleVersion(
    int number,
    ArticleContent content,
    String author,
    Instant createdAt,
    String note,
    Optional<String> basedOn,
    Optional<Instant> publishedAt) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code number} is below 1 or {@code author} is blank
   */
  public ArticleVersion {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(basedOn, "basedOn");
    Objects.requireNonNull(publishedAt, "publishedAt");
    if (number < 1) {
      throw new ValidationException("article version number must be 1 or more, but was " + number);
    }
    if (author.isBlank()) {
      throw new ValidationException("article version author must not be blank");
    }
  }

  /**
   * Returns this version with other content.
   *
   * @param content the content
   * @param note why it changed
   * @param basedOn the incident or problem the change comes from, or empty to keep the current one
   * @return the copy
   */
  public ArticleVersion withContent(ArticleContent content, String note, Optional<String> basedOn) {
    return new ArticleVersion(number, content, author, createdAt, note,
        basedOn.isPresent() ? basedOn : this.basedOn, publishedAt);
  }

  /**
   * Returns this version as published.
   *
   * @param at when
   * @return the copy
   */
  public ArticleVersion publishedAt(Instant at) {
    return new ArticleVersion(number, content, author, createdAt, note, basedOn, Optional.of(at));
  }
}
