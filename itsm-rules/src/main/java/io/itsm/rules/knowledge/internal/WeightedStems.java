package io.itsm.rules.knowledge.internal;

import io.itsm.core.knowledge.ArticleText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * One translation of an article as the single text field the knowledge index searches: each
 * distinct stem once, prefixed by the language ({@code de|drucker}), with a term frequency that
 * folds the field weights in — every occurrence in the title counts {@code titleWeight} times,
 * in the symptoms {@code symptomsWeight} times, in the steps and workaround once (the weighted
 * term frequency of BM25F, so BM25 saturates and normalizes over the whole article rather than
 * per field). Beside it, where each stem occurs ({@link #where()}), stored to explain matches.
 *
 * <p>One field for every language keeps the length norms dense and a search to one term per
 * stem; the language prefix keeps each language's document frequencies apart.
 *
 * <p>Immutable after construction; {@link #tokens()} is one-shot.
 */
public final class WeightedStems {

  /** Where a stem occurs: in the title. */
  public static final int IN_TITLE = 1;

  /** Where a stem occurs: in the symptoms. */
  public static final int IN_SYMPTOMS = 2;

  /** Where a stem occurs: in the steps or the workaround. */
  public static final int IN_STEPS = 4;

  /** How the field is indexed: documents and (weighted) frequencies, no positions, with norms. */
  public static final FieldType FIELD_TYPE;

  static {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    t.setOmitNorms(false);
    t.freeze();
    FIELD_TYPE = t;
  }

  private final String language;
  /** Per stem: its weighted frequency and where it occurs. */
  private final Map<String, int[]> stems = new LinkedHashMap<>();

  private WeightedStems(String language) {
    this.language = language;
  }

  /**
   * Analyzes a translation.
   *
   * @param t the translation
   * @param titleWeight how many times a title word counts, at least 1
   * @param symptomsWeight how many times a symptoms word counts, at least 1
   * @return its weighted stems
   */
  public static WeightedStems of(ArticleText t, int titleWeight, int symptomsWeight) {
    WeightedStems w = new WeightedStems(t.language());
    w.add(t.title(), titleWeight, IN_TITLE);
    w.add(t.symptoms(), symptomsWeight, IN_SYMPTOMS);
    for (String step : t.steps()) {
      w.add(step, 1, IN_STEPS);
    }
    t.workaround().ifPresent(x -> w.add(x, 1, IN_STEPS));
    return w;
  }

  private void add(String text, int weight, int where) {
    for (String stem : ArticleAnalysis.of(text, language).stems()) {
      int[] s = stems.computeIfAbsent(stem, k -> new int[2]);
      s[0] += weight;
      s[1] |= where;
    }
  }

  /**
   * The indexed term of a stem in a language.
   *
   * @param language the language code
   * @param stem the stem
   * @return {@code language|stem}
   */
  public static String term(String language, String stem) {
    return language + '|' + stem;
  }

  /**
   * Where each stem occurs, for {@link #whereOf(String)}: {@code stem:bits} separated by spaces.
   *
   * @return the encoded places
   */
  public String where() {
    StringBuilder sb = new StringBuilder(stems.size() * 10);
    stems.forEach((stem, s) -> {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(stem).append(':').append(s[1]);
    });
    return sb.toString();
  }

  /**
   * Decodes {@link #where()}.
   *
   * @param encoded the stored places
   * @return per stem, its {@code IN_*} bits
   */
  public static Map<String, Integer> whereOf(String encoded) {
    Map<String, Integer> out = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return out;
    }
    for (String part : encoded.split(" ")) {
      int colon = part.lastIndexOf(':');
      out.put(part.substring(0, colon), Integer.parseInt(part.substring(colon + 1)));
    }
    return out;
  }

  /**
   * The field names a place's bits stand for, in the order title, symptoms, steps.
   *
   * @param bits the {@code IN_*} bits
   * @return the field names
   */
  public static List<String> fields(int bits) {
    List<String> out = new ArrayList<>(3);
    if ((bits & IN_TITLE) != 0) {
      out.add("title");
    }
    if ((bits & IN_SYMPTOMS) != 0) {
      out.add("symptoms");
    }
    if ((bits & IN_STEPS) != 0) {
      out.add("steps");
    }
    return out;
  }

  /**
   * The stems as tokens with their weighted frequencies, each once.
   *
   * @return a token stream for one field
   */
  public TokenStream tokens() {
    return new Tokens(language, stems.entrySet().iterator());
  }

  /** Each stem once, with its weighted frequency as the term frequency. */
  private static final class Tokens extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TermFrequencyAttribute freq = addAttribute(TermFrequencyAttribute.class);
    private final String language;
    private final Iterator<Map.Entry<String, int[]>> stems;

    Tokens(String language, Iterator<Map.Entry<String, int[]>> stems) {
      this.language = language;
      this.stems = stems;
    }

    @Override
    public boolean incrementToken() {
      if (!stems.hasNext()) {
        return false;
      }
      clearAttributes();
      Map.Entry<String, int[]> e = stems.next();
      term.setEmpty().append(language).append('|').append(e.getKey());
      freq.setTermFrequency(e.getValue()[0]);
      return true;
    }
  }

  @Override
  public String toString() {
    return "WeightedStems[" + language + ": " + where() + "]";
  }
}
