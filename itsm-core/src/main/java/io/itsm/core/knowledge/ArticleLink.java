package io.itsm.core.knowledge;

import io.itsm.core.ValidationException;
import java.util.Objects;

/**
 * A link from an article to an incident or a problem record.
 *
 * <p>Immutable and thread-safe.
 *
 * @param relation how the record relates to the article
 * @param recordId the incident's or problem's id, not blank
 */
public record ArticleLink(Relation relation, String recordId) {

  /** How a record relates to an article. */
  public enum Relation {
    /** The article (or one of its versions) was written from this incident's resolution. */
    WRITTEN_FROM,
    /** The article was used to resolve this incident. */
    USED_TO_RESOLVE,
    /** The article documents the known error of this problem record. */
    KNOWN_ERROR_OF,
    /** Otherwise related. */
    RELATED
  }

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code recordId} is blank
   */
  public ArticleLink {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(recordId, "recordId");
    if (recordId.isBlank()) {
      throw new ValidationException("article link recordId must not be blank");
    }
  }
}
