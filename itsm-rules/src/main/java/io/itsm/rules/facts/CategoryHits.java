package io.itsm.rules.facts;

/**
 * How many keyword hits a category has in a ticket's title and description: one fact per category
 * with at least one hit.
 *
 * <p>{@code rank} orders the categories: 1 for the most hits; on equal counts the category whose
 * first hit comes earlier in the text (title first, then description) ranks higher. So exactly one
 * fact has {@code rank == 1} when any keyword matched.
 *
 * <p>Immutable and thread-safe.
 *
 * @param category the category code
 * @param hits the number of hits, at least 1
 * @param rank 1 for the best category, 2 for the next, ...
 * @param firstTerm the first matched term of this category, for reasons
 * @param firstLanguage the language of {@code firstTerm}
 */
public record CategoryHits(
    String category, int hits, int rank, String firstTerm, String firstLanguage) {}
