package io.itsm.core.knowledge;

import io.itsm.core.ValidationException;
import java.util.Objects;

/**
 * What one person contributed to the knowledge base in a period: the "knowledge management
 * contribution" of the desk's agent metrics, counted from the articles' events.
 *
 * <p>Immutable and thread-safe.
 *
 * @param actorId who
 * @param drafted articles they drafted (as author; a draft written from their resolution counts)
 * @param newVersions new versions of published articles they started
 * @param edits edits of drafts
 * @param published versions they authored that were published in the period
 * @param reviewed review decisions they made
 * @param usedToResolve incidents they resolved with an article
 */
public record KnowledgeContribution(
    String actorId, int drafted, int newVersions, int edits, int published, int reviewed,
    int usedToResolve) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code actorId} is null
   * @throws ValidationException if a count is negative
   */
  public KnowledgeContribution {
    Objects.requireNonNull(actorId, "actorId");
    if (drafted < 0 || newVersions < 0 || edits < 0 || published < 0 || reviewed < 0
        || usedToResolve < 0) {
      throw new ValidationException("contribution counts must be zero or more");
    }
  }
}
