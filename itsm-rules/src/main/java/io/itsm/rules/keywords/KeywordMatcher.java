package io.itsm.rules.keywords;

import io.itsm.rules.internal.LanguageAnalysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the terms of a {@link KeywordDictionary} in a {@link NormalizedText}, in one pass over its
 * tokens, with Lucene's analysis of each term's language: "printers" and "printer", "lösenordet"
 * and "lösenord", "Drucker" and "Druckers" are the same word, and stop words inside a phrase are
 * skipped ("access to the share" hits the term "access share").
 *
 * <pre>{@code
 * KeywordMatcher matcher = KeywordMatcher.of(KeywordDictionary.defaults());
 * NormalizedText text = TextNormalizer.standard().normalize(ticket.description());
 * List<KeywordHit> hits = matcher.match(text);
 * }</pre>
 *
 * <h2>Matching rules</h2>
 *
 * <ul>
 *   <li>Words are compared by their stems in the term's language (Lucene's stemmer for {@code
 *       en}, {@code de}, {@code sv}, {@code es}, {@code fr}, {@code pt}, {@code it}, {@code nl};
 *       as written for other languages): the English term {@code printer} matches {@code
 *       printers}, {@code print} matches {@code printing}, the Swedish {@code lösenord} matches
 *       {@code lösenordet}.
 *   <li>Stop words of the term's language (Lucene's list without negations and verb particles:
 *       {@code not}, {@code nicht}, {@code pas}, {@code ut} stay) are left out of terms and skipped
 *       in the text, so {@code "access share"} matches {@code "access to the share"}. A term made
 *       of stop words only ({@code "IT"}) is matched word for word as written.
 *   <li>Whole words only: {@code vpn} matches the token {@code vpn} but not {@code vpnclient};
 *       a phrase matches the same words, consecutive but for stop words, in the same order
 *       ({@code "tunnel down"} does not match {@code "tunnel is now down"}).
 *   <li>The last token of a prefix term ({@code "druck*"}) matches any token starting with it,
 *       including the prefix itself, as written (not stemmed).
 *   <li>All matches are reported, overlapping and nested ones included, except that a hit is
 *       dropped when another hit of the same category <em>and</em> subcategory covers the same
 *       tokens or more: {@code "forgot password"} does not also count as {@code "password"}; the
 *       same term listed for several languages counts once; an exact term wins over a prefix term
 *       on the same tokens. A term found at two places gives two hits.
 *   <li>Order of hits: by {@link KeywordHit#tokenIndex()}, then longer first, then exact before
 *       prefix, then dictionary order (which decides the reported {@link KeywordHit#language()}).
 * </ul>
 *
 * <h2>Cost</h2>
 *
 * The terms are kept in one trie over stems per language. The text's words are stemmed once per
 * language of the dictionary (a cached lookup per word after warm-up); from each word the matcher
 * walks each language's trie at most as deep as the longest phrase, with one hash lookup per step
 * plus, where prefix terms end, at most one lookup per character of the longest prefix. So the
 * cost grows with the text length and the number of languages, not with the number of entries:
 * 10,000 entries cost about the same per ticket as 100.
 *
 * <p>Instances are immutable and thread-safe; build one per dictionary and share it.
 */
public final class KeywordMatcher {

  private static final Comparator<Found> ORDER =
      Comparator.comparingInt((Found f) -> f.start)
          .thenComparing(Comparator.comparingInt((Found f) -> f.length).reversed())
          .thenComparing(f -> f.target.prefix)
          .thenComparingInt(f -> f.target.ordinal);

  private final KeywordDictionary dictionary;
  /** One trie per language analysis, in the order first used; "" = words as written. */
  private final LanguageAnalysis[] analyses;
  private final Node[] roots;
  private final int maxPhraseLength;

  private KeywordMatcher(KeywordDictionary dictionary) {
    this.dictionary = dictionary;
    Map<String, Integer> groups = new HashMap<>();
    Map<LanguageAnalysis, Node> tries = new LinkedHashMap<>();
    int longest = 0;
    int ordinal = 0;
    for (KeywordEntry entry : dictionary.entries()) {
      List<String> tokens = entry.tokens();
      longest = Math.max(longest, tokens.size());
      int group =
          groups.computeIfAbsent(
              entry.category() + '\n' + entry.subcategory(), k -> groups.size());
      Target target = new Target(entry, ordinal++, group, entry.isPrefix());
      int exactTokens = entry.isPrefix() ? tokens.size() - 1 : tokens.size();
      LanguageAnalysis analysis = LanguageAnalysis.of(entry.language());
      List<String> keys = new ArrayList<>(exactTokens);
      for (int i = 0; i < exactTokens; i++) {
        String token = tokens.get(i);
        if (!analysis.isStopWord(token)) {
          keys.add(analysis.stem(token));
        }
      }
      if (keys.isEmpty() && !entry.isPrefix()) {
        // only stop words: matched word for word as written
        analysis = LanguageAnalysis.of("");
        keys = tokens;
      }
      Node node = tries.computeIfAbsent(analysis, k -> new Node());
      for (String key : keys) {
        node = node.children.computeIfAbsent(key, k -> new Node());
      }
      if (entry.isPrefix()) {
        String prefix = tokens.get(tokens.size() - 1);
        node.prefixTargets.computeIfAbsent(prefix, k -> new ArrayList<>()).add(target);
        node.minPrefix = Math.min(node.minPrefix, prefix.length());
        node.maxPrefix = Math.max(node.maxPrefix, prefix.length());
      } else {
        node.targets.add(target);
      }
    }
    this.analyses = tries.keySet().toArray(new LanguageAnalysis[0]);
    this.roots = tries.values().toArray(new Node[0]);
    this.maxPhraseLength = longest;
  }

  /**
   * Builds a matcher for a dictionary.
   *
   * @param dictionary the dictionary
   * @return the matcher
   * @throws NullPointerException if {@code dictionary} is null
   */
  public static KeywordMatcher of(KeywordDictionary dictionary) {
    return new KeywordMatcher(Objects.requireNonNull(dictionary, "dictionary"));
  }

  /**
   * Returns the dictionary this matcher was built from.
   *
   * @return the dictionary
   */
  public KeywordDictionary dictionary() {
    return dictionary;
  }

  /**
   * Returns the number of tokens of the longest term (a prefix term's last token included).
   *
   * @return 0 for an empty dictionary
   */
  public int maxPhraseLength() {
    return maxPhraseLength;
  }

  /**
   * Finds the dictionary's terms in a normalized text, following the matching rules above.
   *
   * @param text the text, normalized once per ticket
   * @return the hits in the order described above; an immutable list, empty when none
   * @throws NullPointerException if {@code text} is null
   */
  public List<KeywordHit> match(NormalizedText text) {
    Objects.requireNonNull(text, "text");
    List<String> tokens = text.tokens();
    int n = tokens.size();
    List<Found> found = new ArrayList<>();
    int[] positions = new int[n];
    String[] keys = new String[n];
    for (int a = 0; a < analyses.length; a++) {
      LanguageAnalysis analysis = analyses[a];
      int m = 0;
      for (int i = 0; i < n; i++) {
        String token = tokens.get(i);
        if (!analysis.isStopWord(token)) {
          positions[m] = i;
          keys[m++] = analysis.stem(token);
        }
      }
      walk(roots[a], tokens, positions, keys, m, found);
    }
    if (found.isEmpty()) {
      return List.of();
    }
    found.sort(ORDER);
    Map<Integer, Integer> coveredUpTo = new HashMap<>();
    List<KeywordHit> hits = new ArrayList<>(found.size());
    for (Found f : found) {
      int end = f.start + f.length;
      Integer covered = coveredUpTo.get(f.target.group);
      if (covered != null && covered >= end) {
        continue;
      }
      coveredUpTo.put(f.target.group, end);
      KeywordEntry entry = f.target.entry;
      hits.add(
          new KeywordHit(
              entry.category(),
              entry.subcategory(),
              entry.term(),
              entry.language(),
              f.start,
              f.length));
    }
    return List.copyOf(hits);
  }

  /** Walks one trie from every word: keys[i] is the stem of the word at tokens[positions[i]]. */
  private static void walk(
      Node root, List<String> tokens, int[] positions, String[] keys, int m, List<Found> found) {
    for (int s = 0; s < m; s++) {
      Node node = root;
      int start = positions[s];
      for (int e = s; e < m; e++) {
        int length = positions[e] - start + 1;
        if (node.maxPrefix > 0) {
          String token = tokens.get(positions[e]);
          if (token.length() >= node.minPrefix) {
            int longest = Math.min(token.length(), node.maxPrefix);
            for (int k = node.minPrefix; k <= longest; k++) {
              List<Target> targets = node.prefixTargets.get(token.substring(0, k));
              if (targets != null) {
                for (Target target : targets) {
                  found.add(new Found(start, length, target));
                }
              }
            }
          }
        }
        node = node.children.get(keys[e]);
        if (node == null) {
          break;
        }
        for (Target target : node.targets) {
          found.add(new Found(start, length, target));
        }
      }
    }
  }

  /**
   * Normalizes a text with {@link TextNormalizer#standard()} and finds the dictionary's terms in
   * it. Prefer {@link #match(NormalizedText)} when the text is matched more than once.
   *
   * @param text the raw text
   * @return the hits, as {@link #match(NormalizedText)} returns them
   * @throws NullPointerException if {@code text} is null
   */
  public List<KeywordHit> match(String text) {
    return match(TextNormalizer.standard().normalize(text));
  }

  @Override
  public String toString() {
    return "KeywordMatcher[" + dictionary.size() + " entries]";
  }

  /** A trie node; only mutated while the matcher is constructed. */
  private static final class Node {
    final Map<String, Node> children = new HashMap<>();
    final List<Target> targets = new ArrayList<>(1);
    final Map<String, List<Target>> prefixTargets = new HashMap<>(2);
    int minPrefix = Integer.MAX_VALUE;
    int maxPrefix = 0;
  }

  private record Target(KeywordEntry entry, int ordinal, int group, boolean prefix) {}

  private record Found(int start, int length, Target target) {}
}
