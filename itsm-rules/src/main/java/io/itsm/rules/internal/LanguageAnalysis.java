package io.itsm.rules.internal;

import io.itsm.rules.keywords.NormalizedText;
import io.itsm.rules.keywords.TextNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishLightStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;

/**
 * Lucene's per-language analysis for words that {@link TextNormalizer} has already lower-cased,
 * folded and split: stop words and stemming, with the stemmer and stop list of Lucene's analyzer
 * for the language ({@code en}: Porter; {@code de}: Snowball German, which also takes "Drucker"
 * and "druckt" to one stem; {@code sv}, {@code es}, {@code fr}, {@code pt}, {@code it}: Lucene's
 * light stemmers — the Swedish one, unlike Snowball's, takes the definite forms "lösenordet",
 * "kontot" to "lösenord", "konto" once accents are folded; {@code nl}: Snowball Dutch). Other
 * languages get neither stop words nor stemming.
 *
 * <p>The stop lists are folded like ticket text and keep the words that change a ticket's meaning:
 * negations ({@code not}, {@code nicht}, {@code inte}, {@code pas}) and verb particles ({@code
 * in}, {@code on}, {@code aus}, {@code ut}, {@code upp}: "logga ut", "log in").
 *
 * <p>Stems are cached per word (up to {@value #CACHE_LIMIT} words per language; beyond that they
 * are computed each time), so after warm-up a word costs one hash lookup per language.
 *
 * <p>Immutable (but for the cache) and thread-safe: Lucene's analyzers keep one token stream per
 * thread.
 */
public final class LanguageAnalysis {

  /** The languages with stop words and a stemmer. */
  public static final List<String> SUPPORTED = List.of("en", "de", "sv", "es", "fr", "pt", "it", "nl");

  /** The most words whose stems one language caches. */
  public static final int CACHE_LIMIT = 50_000;

  /** Stop-list words kept because they carry meaning in a ticket. */
  private static final Map<String, List<String>> KEPT =
      Map.of(
          "en", List.of("no", "not", "in", "on", "off", "out", "up", "down", "into"),
          "de",
          List.of(
              "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "ohne", "aus",
              "an", "ab", "auf", "zu", "ein", "eine"),
          "sv",
          List.of(
              "inte", "ej", "icke", "ingen", "inget", "inga", "utan", "ut", "upp", "in", "av",
              "pa", "till", "at", "ner"),
          "es", List.of("no", "sin", "ni", "nada", "nunca"),
          "fr", List.of("ne", "pas", "sans", "ni", "aucun", "aucune", "plus", "rien"),
          "pt", List.of("nao", "sem", "nem"),
          "it", List.of("non", "senza", "ne"),
          "nl", List.of("niet", "geen", "zonder", "uit", "aan", "op", "in"));

  private static final Map<String, LanguageAnalysis> INSTANCES = new ConcurrentHashMap<>();
  private static final LanguageAnalysis NONE = new LanguageAnalysis("", Set.of(), null);

  private final String language;
  private final Set<String> stopWords;
  private final Analyzer stemmer;
  private final Map<String, String> stems = new ConcurrentHashMap<>();

  private LanguageAnalysis(String language, Set<String> stopWords, Analyzer stemmer) {
    this.language = language;
    this.stopWords = stopWords;
    this.stemmer = stemmer;
  }

  /**
   * Returns the analysis of a language: the shared instance for a supported one, else one
   * without stop words and stemming.
   *
   * @param language an ISO 639 code such as {@code "de"}; a region ({@code "pt-br"}) is ignored
   * @return the analysis
   */
  public static LanguageAnalysis of(String language) {
    String base = language.toLowerCase(Locale.ROOT);
    int dash = base.indexOf('-');
    if (dash > 0) {
      base = base.substring(0, dash);
    }
    if (!SUPPORTED.contains(base)) {
      return NONE;
    }
    return INSTANCES.computeIfAbsent(base, LanguageAnalysis::create);
  }

  /**
   * Returns whether a language has stop words and a stemmer here.
   *
   * @param language the language code
   * @return whether it is supported
   */
  public static boolean isSupported(String language) {
    return of(language) != NONE;
  }

  private static LanguageAnalysis create(String language) {
    CharArraySet lucene =
        switch (language) {
          case "en" -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
          case "de" -> GermanAnalyzer.getDefaultStopSet();
          case "sv" -> SwedishAnalyzer.getDefaultStopSet();
          case "es" -> SpanishAnalyzer.getDefaultStopSet();
          case "fr" -> FrenchAnalyzer.getDefaultStopSet();
          case "pt" -> PortugueseAnalyzer.getDefaultStopSet();
          case "it" -> ItalianAnalyzer.getDefaultStopSet();
          case "nl" -> DutchAnalyzer.getDefaultStopSet();
          default -> throw new IllegalArgumentException(language);
        };
    Function<Tokenizer, TokenStream> filter =
        switch (language) {
          case "en" -> PorterStemFilter::new;
          case "de" -> t -> new SnowballFilter(t, new GermanStemmer());
          case "sv" -> SwedishLightStemFilter::new;
          case "es" -> SpanishLightStemFilter::new;
          case "fr" -> FrenchLightStemFilter::new;
          case "pt" -> PortugueseLightStemFilter::new;
          case "it" -> ItalianLightStemFilter::new;
          case "nl" -> t -> new SnowballFilter(t, new DutchStemmer());
          default -> throw new IllegalArgumentException(language);
        };
    Set<String> stop = new HashSet<>();
    for (Object word : lucene) {
      NormalizedText folded = TextNormalizer.standard().normalize(new String((char[]) word));
      if (folded.size() == 1) {
        stop.add(folded.tokens().get(0));
      }
    }
    KEPT.getOrDefault(language, List.of()).forEach(stop::remove);
    Analyzer analyzer =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new WhitespaceTokenizer();
            return new TokenStreamComponents(source, filter.apply(source));
          }
        };
    return new LanguageAnalysis(language, Set.copyOf(stop), analyzer);
  }

  /**
   * Returns the language code, {@code ""} for the analysis without stop words and stemming.
   *
   * @return the code
   */
  public String language() {
    return language;
  }

  /**
   * Tells whether a normalized word is a stop word of this language.
   *
   * @param word a token of {@link NormalizedText}
   * @return whether it is on the (folded, trimmed) stop list
   */
  public boolean isStopWord(String word) {
    return stopWords.contains(word);
  }

  /**
   * Returns the stem of a normalized word.
   *
   * @param word a token of {@link NormalizedText}
   * @return its stem; the word itself when the language has no stemmer
   */
  public String stem(String word) {
    if (stemmer == null) {
      return word;
    }
    String stem = stems.get(word);
    if (stem == null) {
      stem = computeStem(word);
      if (stems.size() < CACHE_LIMIT) {
        stems.put(word, stem);
      }
    }
    return stem;
  }

  private String computeStem(String word) {
    try (TokenStream ts = stemmer.tokenStream("", word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      String out = ts.incrementToken() ? term.toString() : word;
      ts.end();
      return out.isEmpty() ? word : out;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not thrown: the text is a string
    }
  }

  @Override
  public String toString() {
    return "LanguageAnalysis[" + (language.isEmpty() ? "none" : language) + "]";
  }
}
