package io.itsm.rules.facts;

import io.itsm.core.ValidationException;

/**
 * The thresholds with which the default pack {@code knowledge} trusts a {@link KnowledgeMatch}:
 * one fact per triage when the engine has a knowledge index ({@code
 * TriageEngine.Builder.knowledge}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param minMatchedTerms the fewest distinct words of the ticket the article must have
 * @param minTitleCoverage the least share of the article's title words the ticket must have
 */
public record KnowledgeSettings(int minMatchedTerms, double minTitleCoverage) {

  /** The defaults: two words, half of the title. */
  public static final KnowledgeSettings DEFAULTS = new KnowledgeSettings(2, 0.5);

  /**
   * Validates the components.
   *
   * @throws ValidationException if {@code minMatchedTerms} is below 1 or the coverage not between
   *     0 and 1
   */
  public KnowledgeSettings {
    if (minMatchedTerms < 1) {
      throw new ValidationException("minMatchedTerms must be at least 1, but was "
          + minMatchedTerms);
    }
    if (!(minTitleCoverage >= 0 && minTitleCoverage <= 1)) {
      throw new ValidationException("minTitleCoverage must be between 0 and 1, but was "
          + minTitleCoverage);
    }
  }
}
