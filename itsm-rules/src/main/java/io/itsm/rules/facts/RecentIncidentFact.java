package io.itsm.rules.facts;

import java.util.Objects;

/**
 * One incident logged within the look-back before the new one, compared with it, for recurrence
 * rules (problem.drl): {@code RecentIncidentFact(sameConfigurationItem, daysBefore <= 7)}.
 * Absent values are {@code null}.
 *
 * <p><b>Similar text.</b> With a {@code SimilarIncidents} index given to the engine, {@code
 * textRank} is the incident's rank among the new incident's most similar (BM25, 1 = most similar;
 * 0 = not among them), and {@code similarText} is true when it ranks and shares at least the
 * engine's share of words ({@code wordOverlap}, the Jaccard index of the stemmed words of title
 * and description, computed with or without an index).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the incident's id
 * @param category its category code, or null
 * @param service its service, or null
 * @param configurationItem its configuration item, or null
 * @param daysBefore how long before the new incident it was opened, in days (fractional)
 * @param sameCategory whether its category is the new incident's
 * @param sameService whether its service is the new incident's
 * @param sameConfigurationItem whether its configuration item is the new incident's
 * @param textRank its rank among the most similar by text, or 0
 * @param wordOverlap the share of words it has in common with the new incident, 0 to 1
 * @param similarText whether its text is similar (see above)
 */
public record RecentIncidentFact(
    String id,
    String category,
    String service,
    String configurationItem,
    double daysBefore,
    boolean sameCategory,
    boolean sameService,
    boolean sameConfigurationItem,
    int textRank,
    double wordOverlap,
    boolean similarText) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if the id is null
   */
  public RecentIncidentFact {
    Objects.requireNonNull(id, "id");
  }
}
