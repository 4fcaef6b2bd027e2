package io.itsm.core.knowledge;

import io.itsm.core.ValidationException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An article found by a search or suggested for an incident, with why: its rank, score and the
 * words it matched.
 *
 * <p>Immutable and thread-safe.
 *
 * @param article the article as the searcher may read it, in their language
 * @param rank 1 for the best
 * @param score the search score (BM25; comparable within one search only)
 * @param matched the searched words the article has, and where
 */
public record KnowledgeHit(ArticleView article, int rank, double score, List<MatchedTerm> matched) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the rank is below 1
   */
  public KnowledgeHit {
    Objects.requireNonNull(article, "article");
    matched = List.copyOf(Objects.requireNonNull(matched, "matched"));
    if (rank < 1) {
      throw new ValidationException("rank must be 1 or more, but was " + rank);
    }
  }

  /**
   * Returns the matched words.
   *
   * @return the words, in the order of the search
   */
  public List<String> matchedWords() {
    return matched.stream().map(MatchedTerm::word).toList();
  }

  /**
   * Explains the hit for people: {@code "#1 KB-000007 (known error, 7.42): matched 'vpn' in
   * title, steps; 'drops' in symptoms"}.
   *
   * @return the explanation
   */
  public String why() {
    StringBuilder sb = new StringBuilder()
        .append('#').append(rank).append(' ').append(article.articleId()).append(" (")
        .append(article.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(", ")
        .append(String.format(Locale.ROOT, "%.2f", score)).append("): matched ");
    for (int i = 0; i < matched.size(); i++) {
      sb.append(i == 0 ? "" : "; ").append(matched.get(i));
    }
    return sb.toString();
  }
}
