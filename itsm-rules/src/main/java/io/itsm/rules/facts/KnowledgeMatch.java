package io.itsm.rules.facts;

import io.itsm.core.ValidationException;
import io.itsm.core.knowledge.ArticleKind;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A published knowledge article that matches the ticket being triaged: one fact per match (the
 * engine's {@code knowledge} setting says how many), so a team can write "a known error with a
 * workaround matched: it stays at L1, reply with the workaround".
 *
 * <pre>
 * rule "Known errors of the VPN stay with the service desk"
 *   ruleflow-group "route"
 *   salience -20
 * when
 *   $k : KnowledgeMatch(kind == ArticleKind.KNOWN_ERROR, workaround != null, rank == 1,
 *                       matchedTerms &gt;= 2)
 * then
 *   decide.team("service-desk", $k.explanation());
 *   decide.supportLevel(SupportLevel.L1, "reply with the workaround of " + $k.article());
 * end
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param article the article's id
 * @param kind its kind
 * @param score the search score (BM25; higher is better; comparable within one triage only)
 * @param rank 1 for the best match
 * @param title its title in the language matched
 * @param workaround its workaround in the language matched, or null when it has none
 * @param language the language of the text that matched
 * @param matchedTerms how many distinct words of the ticket the article has
 * @param titleCoverage the share of the article's title words that the ticket has, 0 to 1
 * @param matchedWords the ticket's words the article has (why it matched)
 */
public record KnowledgeMatch(
    String article,
    ArticleKind kind,
    double score,
    int rank,
    String title,
    String workaround,
    String language,
    int matchedTerms,
    double titleCoverage,
    List<String> matchedWords) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component other than {@code workaround} is null
   * @throws ValidationException if the rank is below 1 or the coverage not between 0 and 1
   */
  public KnowledgeMatch {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(language, "language");
    matchedWords = List.copyOf(matchedWords);
    if (rank < 1) {
      throw new ValidationException("rank must be 1 or more, but was " + rank);
    }
    if (!(titleCoverage >= 0 && titleCoverage <= 1)) {
      throw new ValidationException("titleCoverage must be between 0 and 1, but was "
          + titleCoverage);
    }
  }

  /**
   * Explains the match for a decision's reason: {@code "known error KB-000007 'Printers on floor
   * 3 jam on A3' matched 'printer', 'jam' (#1, 7.42)"}.
   *
   * @return the explanation
   */
  public String explanation() {
    StringBuilder sb = new StringBuilder(kind.name().toLowerCase(Locale.ROOT).replace('_', ' '))
        .append(' ').append(article).append(" '").append(title).append("' matched");
    for (int i = 0; i < matchedWords.size(); i++) {
      sb.append(i == 0 ? " '" : ", '").append(matchedWords.get(i)).append('\'');
    }
    return sb.append(" (#").append(rank).append(", ")
        .append(String.format(Locale.ROOT, "%.2f", score)).append(')').toString();
  }
}
