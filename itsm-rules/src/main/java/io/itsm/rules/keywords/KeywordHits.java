package io.itsm.rules.keywords;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The hits of one text, with counts per category: what "most hits wins" rules need.
 *
 * <pre>{@code
 * KeywordHits hits = KeywordHits.of(matcher.match(text));
 * int network = hits.countFor("network");
 * Optional<String> best = hits.topCategory();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class KeywordHits {

  private static final KeywordHits NONE = new KeywordHits(List.of());

  private final List<KeywordHit> hits;
  private final Map<String, Integer> countsByCategory;
  private final Map<String, Integer> countsBySubcategory;

  private KeywordHits(List<KeywordHit> hits) {
    this.hits = List.copyOf(hits);
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Integer> firstIndex = new HashMap<>();
    Map<String, Integer> bySub = new HashMap<>();
    for (KeywordHit hit : this.hits) {
      counts.merge(hit.category(), 1, Integer::sum);
      firstIndex.merge(hit.category(), hit.tokenIndex(), Math::min);
      bySub.merge(hit.category() + '\n' + hit.subcategory(), 1, Integer::sum);
    }
    List<String> order = new ArrayList<>(counts.keySet());
    order.sort(
        (a, b) -> {
          int byCount = Integer.compare(counts.get(b), counts.get(a));
          return byCount != 0 ? byCount : Integer.compare(firstIndex.get(a), firstIndex.get(b));
        });
    Map<String, Integer> ordered = new LinkedHashMap<>();
    for (String category : order) {
      ordered.put(category, counts.get(category));
    }
    this.countsByCategory = Collections.unmodifiableMap(ordered);
    this.countsBySubcategory = bySub;
  }

  /**
   * Summarizes hits.
   *
   * @param hits the hits, as returned by {@link KeywordMatcher#match(NormalizedText)}
   * @return the summary
   * @throws NullPointerException if {@code hits} or an element is null
   */
  public static KeywordHits of(List<KeywordHit> hits) {
    Objects.requireNonNull(hits, "hits");
    return hits.isEmpty() ? NONE : new KeywordHits(hits);
  }

  /**
   * Returns the hits.
   *
   * @return an immutable list, in the order given to {@link #of}
   */
  public List<KeywordHit> hits() {
    return hits;
  }

  /**
   * Returns the number of hits.
   *
   * @return the number of hits
   */
  public int size() {
    return hits.size();
  }

  /**
   * Returns whether there is no hit.
   *
   * @return {@code true} if there is no hit
   */
  public boolean isEmpty() {
    return hits.isEmpty();
  }

  /**
   * Returns the number of hits for a category.
   *
   * @param category the category code
   * @return the count, 0 when none
   * @throws NullPointerException if {@code category} is null
   */
  public int countFor(String category) {
    Objects.requireNonNull(category, "category");
    return countsByCategory.getOrDefault(category, 0);
  }

  /**
   * Returns the number of hits for a subcategory of a category.
   *
   * @param category the category code
   * @param subcategory the subcategory code, or {@code ""} for hits without subcategory
   * @return the count, 0 when none
   * @throws NullPointerException if an argument is null
   */
  public int countFor(String category, String subcategory) {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(subcategory, "subcategory");
    return countsBySubcategory.getOrDefault(category + '\n' + subcategory, 0);
  }

  /**
   * Returns the hit count of each category that has a hit, most hits first; ties in the order of
   * the categories' first hits in the text.
   *
   * @return an immutable map with a stable iteration order
   */
  public Map<String, Integer> countsByCategory() {
    return countsByCategory;
  }

  /**
   * Returns the category with the most hits; on a tie, the one hit first in the text.
   *
   * @return the category code, or empty when there is no hit
   */
  public Optional<String> topCategory() {
    return countsByCategory.keySet().stream().findFirst();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeywordHits other && hits.equals(other.hits);
  }

  @Override
  public int hashCode() {
    return hits.hashCode();
  }

  @Override
  public String toString() {
    return "KeywordHits" + countsByCategory;
  }
}
