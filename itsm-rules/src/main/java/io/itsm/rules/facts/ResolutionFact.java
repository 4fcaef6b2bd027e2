package io.itsm.rules.facts;

import io.itsm.core.ValidationException;
import io.itsm.core.knowledge.ArticleKind;
import java.util.List;
import java.util.Objects;

/**
 * A just-resolved incident as the knowledge capture rules see it ({@code CaptureEngine}): one fact
 * per decision, with the counts a rule needs to decide whether to ask for an article.
 *
 * <p>"The same way" means: the same category and resolution code, and resolution steps that share
 * at least {@link CaptureSettings#sameWaySimilarity()} of their stemmed words (Jaccard index), within
 * {@link CaptureSettings#window()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident
 * @param category its category, or null
 * @param subcategory its subcategory, or null
 * @param service its service, or null
 * @param code the resolution code
 * @param firstContact whether it was resolved at first contact
 * @param articleUsed the id of the article used to resolve it, or null
 * @param articleKind the kind of that article, or null
 * @param newWordsShare the share of the resolution's distinct stemmed words that the article used
 *     does not have (0 to 1; 1 when no article was used)
 * @param sameWay how many incidents, this one included, were resolved the same way without an
 *     article in the window
 * @param sameWayIncidents the earlier ones, most recent first
 */
public record ResolutionFact(
    String incidentId,
    String category,
    String subcategory,
    String service,
    String code,
    boolean firstContact,
    String articleUsed,
    ArticleKind articleKind,
    double newWordsShare,
    int sameWay,
    List<String> sameWayIncidents) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code incidentId}, {@code code} or the list is null
   * @throws ValidationException if a count or share is out of range
   */
  public ResolutionFact {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(code, "code");
    sameWayIncidents = List.copyOf(sameWayIncidents);
    if (sameWay < 1) {
      throw new ValidationException("sameWay must be at least 1 (this incident), but was "
          + sameWay);
    }
    if (!(newWordsShare >= 0 && newWordsShare <= 1)) {
      throw new ValidationException("newWordsShare must be between 0 and 1, but was "
          + newWordsShare);
    }
  }
}
