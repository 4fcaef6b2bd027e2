package io.itsm.rules.predict.internal;

import io.itsm.core.incident.Ticket;
import io.itsm.rules.internal.LanguageAnalysis;
import io.itsm.rules.keywords.NormalizedText;
import io.itsm.rules.keywords.TextNormalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A ticket's title and description as words for learning and similarity: normalized once
 * ({@link TextNormalizer}), then analyzed in the caller's language (English when the caller's
 * language is unknown or unsupported): stop words of that language and of English dropped, the
 * rest stemmed. Stateless.
 */
public final class TicketText {

  /** The most words of a ticket that are looked at. */
  public static final int MAX_WORDS = 300;

  private static final LanguageAnalysis ENGLISH = LanguageAnalysis.of("en");

  private TicketText() {}

  /**
   * The analyzed words of a ticket.
   *
   * @param words the normalized words that are not stop words, in text order
   * @param stems their stems, in the same order
   */
  public record Words(List<String> words, List<String> stems) {}

  /**
   * Analyzes a ticket's title and description.
   *
   * @param ticket the ticket
   * @return its words and their stems
   */
  public static Words of(Ticket ticket) {
    String language = ticket.caller().flatMap(c -> c.language()).orElse("en");
    return of(ticket.title() + "\n" + ticket.description(), language);
  }

  /**
   * Analyzes a text in a language.
   *
   * @param text the text
   * @param language the language code
   * @return its words and their stems
   */
  public static Words of(String text, String language) {
    LanguageAnalysis analysis = LanguageAnalysis.of(language);
    if (analysis.language().isEmpty()) {
      analysis = ENGLISH;
    }
    NormalizedText normalized = TextNormalizer.standard().normalize(text);
    List<String> tokens = normalized.tokens();
    int n = Math.min(tokens.size(), MAX_WORDS);
    List<String> words = new ArrayList<>(n);
    List<String> stems = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String t = tokens.get(i);
      if (analysis.isStopWord(t) || ENGLISH.isStopWord(t)) {
        continue;
      }
      words.add(t);
      stems.add(analysis.stem(t));
    }
    return new Words(words, stems);
  }
}
