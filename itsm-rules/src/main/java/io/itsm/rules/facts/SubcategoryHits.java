package io.itsm.rules.facts;

/**
 * How many keyword hits a subcategory has in a ticket: one fact per subcategory with at least one
 * hit (hits without subcategory are not counted here).
 *
 * <p>{@code rank} orders the subcategories <em>within their category</em>, as {@link
 * CategoryHits#rank()} orders categories: most hits first, ties by first occurrence in the text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param category the category code
 * @param subcategory the subcategory code, never empty
 * @param hits the number of hits, at least 1
 * @param rank 1 for the best subcategory of its category
 * @param firstTerm the first matched term of this subcategory, for reasons
 */
public record SubcategoryHits(
    String category, String subcategory, int hits, int rank, String firstTerm) {}
