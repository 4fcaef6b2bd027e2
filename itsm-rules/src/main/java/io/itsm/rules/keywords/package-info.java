/**
 * Keywords as data, matched in one pass: the bridge between free ticket text and categorization
 * rules.
 *
 * <ol>
 *   <li>{@link io.itsm.rules.keywords.TextNormalizer} turns a ticket's text into a {@link
 *       io.itsm.rules.keywords.NormalizedText} once (lower case, no accents, tokens).
 *   <li>A {@link io.itsm.rules.keywords.KeywordDictionary} lists terms per category,
 *       subcategory and language; the default one is bundled, teams add or drop terms in JSON or
 *       code.
 *   <li>A {@link io.itsm.rules.keywords.KeywordMatcher} finds all terms in one pass over the
 *       tokens; its cost depends on the text length, not on the dictionary size.
 *   <li>Each {@link io.itsm.rules.keywords.KeywordHit} becomes a fact for the rules, which
 *       compare plain strings: {@code KeywordHit(category == "network")}. {@link
 *       io.itsm.rules.keywords.KeywordHits} counts hits per category.
 * </ol>
 *
 * <pre>{@code
 * KeywordMatcher matcher = KeywordMatcher.of(KeywordDictionary.defaults());
 * NormalizedText text = TextNormalizer.standard().normalize("Mein Drucker druckt nicht");
 * KeywordHits hits = KeywordHits.of(matcher.match(text));
 * hits.countFor("hardware"); // 2
 * }</pre>
 *
 * <p>All public types of this package are immutable and thread-safe, except {@link
 * io.itsm.rules.keywords.KeywordDictionary.Builder}.
 */
package io.itsm.rules.keywords;
