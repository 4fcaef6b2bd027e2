package io.itsm.rules.internal;

import io.itsm.rules.facts.CategoryHits;
import io.itsm.rules.facts.SubcategoryHits;
import io.itsm.rules.keywords.KeywordHit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns keyword hits into facts in one pass: the distinct hits (first occurrence of each term),
 * one {@link CategoryHits} per category and one {@link SubcategoryHits} per subcategory, ranked by
 * count then first occurrence. Stateless.
 */
public final class KeywordFacts {

  private KeywordFacts() {}

  private static final class Tally {
    final String category;
    final String subcategory;
    final KeywordHit first;
    int hits;

    Tally(String category, String subcategory, KeywordHit first) {
      this.category = category;
      this.subcategory = subcategory;
      this.first = first;
    }
  }

  private record SubcategoryKey(String category, String subcategory) {}

  private record TermKey(String category, String subcategory, String term) {}

  /**
   * Adds the facts for hits to {@code facts}.
   *
   * @param hits the hits, in text order
   * @param facts where to add the facts
   */
  public static void addTo(List<KeywordHit> hits, List<Object> facts) {
    addTo(hits, facts, true);
  }

  /**
   * Adds the facts for hits to {@code facts}.
   *
   * @param hits the hits, in text order
   * @param facts where to add the facts
   * @param withHits whether to add the {@link KeywordHit} facts too (the engine leaves them out
   *     when no rule pattern can match them)
   */
  public static void addTo(List<KeywordHit> hits, List<Object> facts, boolean withHits) {
    if (hits.isEmpty()) {
      return;
    }
    Map<String, Tally> categories = new HashMap<>();
    Map<SubcategoryKey, Tally> subcategories = new HashMap<>();
    List<Tally> catOrder = new ArrayList<>();
    List<Tally> subOrder = new ArrayList<>();
    Set<TermKey> seenTerms = withHits ? new HashSet<>() : null;
    for (KeywordHit h : hits) {
      Tally c = categories.get(h.category());
      if (c == null) {
        c = new Tally(h.category(), "", h);
        categories.put(h.category(), c);
        catOrder.add(c);
      }
      c.hits++;
      if (!h.subcategory().isEmpty()) {
        SubcategoryKey key = new SubcategoryKey(h.category(), h.subcategory());
        Tally s = subcategories.get(key);
        if (s == null) {
          s = new Tally(h.category(), h.subcategory(), h);
          subcategories.put(key, s);
          subOrder.add(s);
        }
        s.hits++;
      }
      if (withHits && seenTerms.add(new TermKey(h.category(), h.subcategory(), h.term()))) {
        facts.add(h);
      }
    }
    // stable sort keeps first-occurrence order among equal counts
    catOrder.sort((a, b) -> Integer.compare(b.hits, a.hits));
    for (int i = 0; i < catOrder.size(); i++) {
      Tally t = catOrder.get(i);
      facts.add(new CategoryHits(t.category, t.hits, i + 1, t.first.term(), t.first.language()));
    }
    subOrder.sort((a, b) -> Integer.compare(b.hits, a.hits));
    Map<String, Integer> rank = new HashMap<>();
    for (Tally t : subOrder) {
      int r = rank.merge(t.category, 1, Integer::sum);
      facts.add(new SubcategoryHits(t.category, t.subcategory, t.hits, r, t.first.term()));
    }
  }
}
