package io.itsm.rules.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recent resolutions per category and resolution code, to count those resolved "the same
 * way": a bounded window per key ({@value #MAX_PER_KEY} resolutions, older than the window dropped).
 *
 * <p>Thread-safe: each key's window is guarded by its own lock.
 */
public final class ResolutionMemory {

  /** The most resolutions remembered per category and code. */
  public static final int MAX_PER_KEY = 1_000;

  /** One remembered resolution. */
  private record Entry(String incidentId, Set<String> stems, Instant at, boolean withArticle) {}

  private final Map<String, ArrayDeque<Entry>> byKey = new ConcurrentHashMap<>();

  /** Creates an empty memory. */
  public ResolutionMemory() {}

  /**
   * Counts earlier resolutions of a key, within a window before {@code at}, without an article,
   * whose stems are similar enough, and then remembers this one.
   *
   * @param key the category and code
   * @param incidentId the incident (a repeated resolution of it replaces the earlier)
   * @param stems the resolution's distinct stems
   * @param at when it was resolved
   * @param withArticle whether an article was used
   * @param window how far back to count
   * @param minSimilarity the least Jaccard index of stems
   * @return the ids of the similar earlier ones, most recent first
   */
  public List<String> countAndRemember(String key, String incidentId, Set<String> stems,
      Instant at, boolean withArticle, Duration window, double minSimilarity) {
    ArrayDeque<Entry> q = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (q) {
      List<String> similar = new ArrayList<>();
      Instant from = at.minus(window);
      for (Iterator<Entry> it = q.descendingIterator(); it.hasNext(); ) {
        Entry e = it.next();
        if (e.incidentId().equals(incidentId) || e.withArticle() || e.at().isBefore(from)
            || e.at().isAfter(at)) {
          continue;
        }
        if (jaccard(stems, e.stems()) >= minSimilarity) {
          similar.add(e.incidentId());
        }
      }
      q.removeIf(e -> e.incidentId().equals(incidentId) || e.at().isBefore(from));
      q.addLast(new Entry(incidentId, Set.copyOf(stems), at, withArticle));
      while (q.size() > MAX_PER_KEY) {
        q.removeFirst();
      }
      return similar;
    }
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    int common = 0;
    for (String s : a) {
      if (b.contains(s)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }
}
