package io.itsm.examples.bench;

import io.itsm.core.incident.Incident;
import io.itsm.core.knowledge.ArticleText;
import io.itsm.core.knowledge.KnowledgeArticle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The plain-Java baseline of the knowledge rows: a hand-written inverted index over the same
 * published articles, with what a developer would write without a search library: lower-cased
 * words split at anything that is not a letter or digit (no stemming, no stop words, no language
 * analysis), title words weighing 3, symptoms 2, steps and workaround 1, scored by weight × idf
 * and the best {@code n} kept in a small heap. No filters, no matched-term explanations, no
 * events recorded; the articles are held in memory.
 *
 * <p>Filling ({@link #add}) is not thread-safe; once filled, {@link #suggest} may be called from
 * any number of threads.
 */
final class HandWrittenKnowledgeSearch {

  /** The postings of one word: article numbers and weights, in adding order. */
  private static final class Postings {
    int[] docs = new int[4];
    float[] weights = new float[4];
    int size;

    void add(int doc, float weight) {
      if (size == docs.length) {
        docs = Arrays.copyOf(docs, size * 2);
        weights = Arrays.copyOf(weights, size * 2);
      }
      docs[size] = doc;
      weights[size] = weight;
      size++;
    }
  }

  private final Map<String, Postings> postings = new HashMap<>();
  private final List<KnowledgeArticle> articles = new ArrayList<>();
  private final ThreadLocal<float[]> scratch = new ThreadLocal<>();

  /**
   * Indexes an article's published text in every language it has.
   *
   * @param article a published article
   */
  void add(KnowledgeArticle article) {
    int doc = articles.size();
    articles.add(article);
    Map<String, Float> weights = new HashMap<>();
    for (ArticleText t : article.published().orElseThrow().content().translations()) {
      words(t.title(), 3f, weights);
      words(t.symptoms(), 2f, weights);
      for (String step : t.steps()) {
        words(step, 1f, weights);
      }
      t.workaround().ifPresent(w -> words(w, 1f, weights));
    }
    weights.forEach((word, w) -> postings.computeIfAbsent(word, k -> new Postings()).add(doc, w));
  }

  /** How many articles were added. */
  int size() {
    return articles.size();
  }

  /**
   * The best articles for an incident's title and description.
   *
   * @param incident the incident
   * @param n how many at most
   * @return the articles, best first
   */
  List<KnowledgeArticle> suggest(Incident incident, int n) {
    Map<String, Float> query = new HashMap<>();
    words(incident.ticket().title(), 1f, query);
    words(incident.ticket().description(), 1f, query);
    float[] scores = scratch.get();
    if (scores == null || scores.length < articles.size()) {
      scores = new float[articles.size()];
      scratch.set(scores);
    }
    int[] touched = new int[64];
    int touchedSize = 0;
    double count = articles.size();
    for (String word : query.keySet()) {
      Postings p = postings.get(word);
      if (p == null) {
        continue;
      }
      float idf = (float) Math.log(1 + count / p.size);
      for (int i = 0; i < p.size; i++) {
        int doc = p.docs[i];
        if (scores[doc] == 0f) {
          if (touchedSize == touched.length) {
            touched = Arrays.copyOf(touched, touchedSize * 2);
          }
          touched[touchedSize++] = doc;
        }
        scores[doc] += p.weights[i] * idf;
      }
    }
    float[] s = scores;
    PriorityQueue<Integer> best = new PriorityQueue<>(n + 1, (a, b) -> Float.compare(s[a], s[b]));
    for (int i = 0; i < touchedSize; i++) {
      best.add(touched[i]);
      if (best.size() > n) {
        best.poll();
      }
    }
    KnowledgeArticle[] out = new KnowledgeArticle[best.size()];
    for (int i = out.length - 1; i >= 0; i--) {
      out[i] = articles.get(best.poll());
    }
    for (int i = 0; i < touchedSize; i++) {
      scores[touched[i]] = 0f;
    }
    return List.of(out);
  }

  private static void words(String text, float weight, Map<String, Float> into) {
    String lower = text.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      boolean word = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        into.merge(lower.substring(start, i), weight, Float::sum);
        start = -1;
      }
    }
  }
}
