package io.itsm.rules.knowledge.internal;

import io.itsm.rules.internal.LanguageAnalysis;
import io.itsm.rules.keywords.NormalizedText;
import io.itsm.rules.keywords.TextNormalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Article and search text as words for the knowledge index, analyzed exactly as tickets are for
 * keywords and similarity: normalized by {@link TextNormalizer} (lower case, accents folded,
 * split at anything that is not a letter or digit), then the stop words of the language and of
 * English dropped and the rest stemmed by {@link LanguageAnalysis} of the language. Unlike a
 * ticket's text, every word is kept (articles are longer than {@code TicketText.MAX_WORDS}).
 *
 * @param words the normalized words that are not stop words, in text order
 * @param stems their stems, in the same order
 */
public record ArticleAnalysis(List<String> words, List<String> stems) {

  private static final LanguageAnalysis ENGLISH = LanguageAnalysis.of("en");

  /**
   * Analyzes a text in a language.
   *
   * @param text the text
   * @param language the language code
   * @return its words and their stems
   */
  public static ArticleAnalysis of(String text, String language) {
    LanguageAnalysis analysis = LanguageAnalysis.of(language);
    if (analysis.language().isEmpty()) {
      analysis = ENGLISH;
    }
    NormalizedText normalized = TextNormalizer.standard().normalize(text);
    List<String> tokens = normalized.tokens();
    List<String> words = new ArrayList<>(tokens.size());
    List<String> stems = new ArrayList<>(tokens.size());
    for (String t : tokens) {
      if (analysis.isStopWord(t) || ENGLISH.isStopWord(t)) {
        continue;
      }
      words.add(t);
      stems.add(analysis.stem(t));
    }
    return new ArticleAnalysis(List.copyOf(words), List.copyOf(stems));
  }
}
