package io.itsm.rules.predict.internal;

import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Ticket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The features of a ticket for a linear model, the same in training and prediction: stemmed
 * words ({@code w:vpn}), pairs of consecutive stemmed words ({@code b:vpn tunnel}), character
 * 3- and 4-grams of each word with its boundaries ({@code c:^vp}, {@code c:vpn$}: robust to typos
 * and in-house spellings), and the structured fields ({@code f:service=vpn}, {@code
 * f:channel=email}, {@code f:dept=finance}, {@code f:loc=berlin}, {@code f:lang=de}, {@code
 * f:ci=fw-edge-02}, {@code f:type=incident}). Values are {@code (1 + ln tf) × idf}, the vector
 * L2-normalized. Stateless.
 */
public final class TextFeatures {

  /** The character n-gram lengths. */
  public static final int[] CHAR_NGRAMS = {3, 4};

  /** Marks a feature that comes from a field, not from a word. */
  public static final int FIELD = -1;

  private TextFeatures() {}

  /**
   * The raw features of one ticket.
   *
   * @param keys the distinct feature names
   * @param counts how often each occurs
   * @param owners for each feature the index in {@code words} of the word it comes from (the
   *     first one), or {@link #FIELD}
   * @param words the ticket's words as written (normalized), for explanations
   */
  public record Extracted(List<String> keys, int[] counts, int[] owners, List<String> words) {}

  /**
   * Extracts the features of a ticket.
   *
   * @param ticket the ticket
   * @return its features
   */
  public static Extracted extract(Ticket ticket) {
    TicketText.Words text = TicketText.of(ticket);
    Map<String, Integer> index = new HashMap<>();
    List<String> keys = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    List<String> words = text.words();
    List<String> stems = text.stems();
    StringBuilder sb = new StringBuilder(16);
    for (int i = 0; i < words.size(); i++) {
      add("w:" + stems.get(i), i, index, keys, counts, owners);
      if (i + 1 < words.size()) {
        add("b:" + stems.get(i) + ' ' + stems.get(i + 1), i, index, keys, counts, owners);
      }
      String w = words.get(i);
      sb.setLength(0);
      sb.append('^').append(w).append('$');
      for (int n : CHAR_NGRAMS) {
        for (int s = 0; s + n <= sb.length(); s++) {
          add("c:" + sb.substring(s, s + n), i, index, keys, counts, owners);
        }
      }
    }
    field("type", ticket.type().name(), index, keys, counts, owners); // lower-cased by field()
    ticket.channel().ifPresent(c -> field("channel", c.name(), index, keys, counts, owners));
    ticket.service().ifPresent(s -> field("service", s, index, keys, counts, owners));
    ticket.configurationItem().ifPresent(s -> field("ci", s, index, keys, counts, owners));
    Caller c = ticket.caller().orElse(null);
    if (c != null) {
      c.department().ifPresent(s -> field("dept", s, index, keys, counts, owners));
      c.location().ifPresent(s -> field("loc", s, index, keys, counts, owners));
      c.language().ifPresent(s -> field("lang", s, index, keys, counts, owners));
    }
    int[] cs = new int[counts.size()];
    int[] os = new int[owners.size()];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = counts.get(i);
      os[i] = owners.get(i);
    }
    return new Extracted(List.copyOf(keys), cs, os, words);
  }

  private static void field(
      String name, String value, Map<String, Integer> index, List<String> keys,
      List<Integer> counts, List<Integer> owners) {
    add("f:" + name + "=" + value.strip().toLowerCase(Locale.ROOT), FIELD, index, keys, counts,
        owners);
  }

  private static void add(
      String key, int owner, Map<String, Integer> index, List<String> keys, List<Integer> counts,
      List<Integer> owners) {
    Integer at = index.putIfAbsent(key, keys.size());
    if (at == null) {
      keys.add(key);
      counts.add(1);
      owners.add(owner);
    } else {
      counts.set(at, counts.get(at) + 1);
    }
  }

  // ------------------------------------------------------------------ prediction without strings

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /**
   * The 64-bit FNV-1a hash of a feature name, as {@link Vocabulary} and {@link #vector(Ticket,
   * Vocabulary, float[])} compute it.
   *
   * @param name the feature name
   * @return its hash, never 0
   */
  public static long hash(String name) {
    long h = FNV_OFFSET;
    for (int i = 0; i < name.length(); i++) {
      h = (h ^ name.charAt(i)) * FNV_PRIME;
    }
    return h == 0 ? 1 : h;
  }

  private static long feed(long h, CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      h = (h ^ s.charAt(i)) * FNV_PRIME;
    }
    return h;
  }

  private static long feed(long h, char c) {
    return (h ^ c) * FNV_PRIME;
  }

  private static long done(long h) {
    return h == 0 ? 1 : h;
  }

  /**
   * Feature names → indexes by the 64-bit hash of the name: a lookup without building the name.
   * Two names of one hash (about one chance in 10^9 for 200,000 features) keep the first.
   * Immutable and thread-safe once built.
   */
  public static final class Vocabulary {
    private final long[] keys;
    private final int[] values;
    private final int mask;

    /**
     * Builds the table.
     *
     * @param features the feature names; index i is the name's index
     */
    public Vocabulary(List<String> features) {
      int capacity = Integer.highestOneBit(Math.max(4, features.size() * 2 - 1)) << 1;
      keys = new long[capacity];
      values = new int[capacity];
      mask = capacity - 1;
      for (int i = 0; i < features.size(); i++) {
        long k = hash(features.get(i));
        int slot = (int) (k ^ (k >>> 32)) & mask;
        while (keys[slot] != 0 && keys[slot] != k) {
          slot = (slot + 1) & mask;
        }
        if (keys[slot] == 0) {
          keys[slot] = k;
          values[slot] = i;
        }
      }
    }

    /**
     * Looks a hash up.
     *
     * @param k a hash of {@link #hash}
     * @return the index, or -1
     */
    int get(long k) {
      int slot = (int) (k ^ (k >>> 32)) & mask;
      while (true) {
        long key = keys[slot];
        if (key == k) {
          return values[slot];
        }
        if (key == 0) {
          return -1;
        }
        slot = (slot + 1) & mask;
      }
    }
  }

  /**
   * The vector of a ticket, as {@code vector(extract(ticket), ...)} computes it (the same
   * features, values and owners, possibly in another order), without building feature names.
   *
   * @param ticket the ticket
   * @param vocabulary the model's features
   * @param idf inverse document frequency by index
   * @return the vector
   */
  public static Vector vector(Ticket ticket, Vocabulary vocabulary, float[] idf) {
    TicketText.Words text = TicketText.of(ticket);
    List<String> words = text.words();
    List<String> stems = text.stems();
    // found features as (index << 21 | position), position = word index or a field's slot
    long[] found = new long[Math.max(16, words.size() * 12)];
    int n = 0;
    StringBuilder sb = new StringBuilder(24);
    for (int i = 0; i < words.size(); i++) {
      int need = 2 + 2 * (words.get(i).length() + 2);
      if (n + need > found.length) {
        found = java.util.Arrays.copyOf(found, Math.max(found.length * 2, n + need));
      }
      String stem = stems.get(i);
      n = add(found, n, vocabulary.get(done(feed(feed(feed(FNV_OFFSET, 'w'), ':'), stem, 0,
          stem.length()))), i);
      if (i + 1 < words.size()) {
        String next = stems.get(i + 1);
        long h = feed(feed(feed(feed(FNV_OFFSET, 'b'), ':'), stem, 0, stem.length()), ' ');
        n = add(found, n, vocabulary.get(done(feed(h, next, 0, next.length()))), i);
      }
      sb.setLength(0);
      sb.append('^').append(words.get(i)).append('$');
      for (int g : CHAR_NGRAMS) {
        for (int s = 0; s + g <= sb.length(); s++) {
          n = add(found, n, vocabulary.get(done(feed(feed(feed(FNV_OFFSET, 'c'), ':'), sb, s,
              s + g))), i);
        }
      }
    }
    if (n + 8 > found.length) {
      found = java.util.Arrays.copyOf(found, n + 8);
    }
    List<String> fields = new ArrayList<>(7);
    fields.add("f:type=" + ticket.type().name().toLowerCase(Locale.ROOT));
    ticket.channel().ifPresent(c -> fields.add(field("channel", c.name())));
    ticket.service().ifPresent(s -> fields.add(field("service", s)));
    ticket.configurationItem().ifPresent(s -> fields.add(field("ci", s)));
    Caller c = ticket.caller().orElse(null);
    if (c != null) {
      c.department().ifPresent(s -> fields.add(field("dept", s)));
      c.location().ifPresent(s -> fields.add(field("loc", s)));
      c.language().ifPresent(s -> fields.add(field("lang", s)));
    }
    int fieldBase = 1 << 20;
    for (int k = 0; k < fields.size(); k++) {
      n = add(found, n, vocabulary.get(hash(fields.get(k))), fieldBase + k);
    }
    java.util.Arrays.sort(found, 0, n);
    int[] f = new int[n];
    float[] v = new float[n];
    int[] o = new int[n];
    String[] names = new String[n];
    int m = 0;
    double norm = 0;
    for (int i = 0; i < n; ) {
      int index = (int) (found[i] >>> 21);
      int position = (int) (found[i] & ((1 << 21) - 1));
      int count = 0;
      while (i < n && (int) (found[i] >>> 21) == index) {
        count++;
        i++;
      }
      float value = (float) ((1 + Math.log(count)) * idf[index]);
      f[m] = index;
      v[m] = value;
      if (position >= fieldBase) {
        o[m] = FIELD;
        names[m] = fields.get(position - fieldBase).substring(2);
      } else {
        o[m] = position;
      }
      norm += (double) value * value;
      m++;
    }
    if (norm > 0) {
      float scale = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < m; i++) {
        v[i] *= scale;
      }
    }
    return new Vector(java.util.Arrays.copyOf(f, m), java.util.Arrays.copyOf(v, m),
        java.util.Arrays.copyOf(o, m), words, java.util.Arrays.copyOf(names, m));
  }

  private static String field(String name, String value) {
    return "f:" + name + "=" + value.strip().toLowerCase(Locale.ROOT);
  }

  private static int add(long[] found, int n, int index, int position) {
    if (index < 0) {
      return n;
    }
    found[n] = ((long) index << 21) | position;
    return n + 1;
  }

  /**
   * A sparse, L2-normalized feature vector.
   *
   * @param features indexes into the model's features
   * @param values their weights
   * @param owners the word (index into the ticket's words) or {@link #FIELD} of each
   * @param words the ticket's words
   * @param fieldNames for {@link #FIELD} entries the field feature's name ({@code
   *     service=vpn}), else null
   */
  public record Vector(
      int[] features, float[] values, int[] owners, List<String> words, String[] fieldNames) {}

  /**
   * Weighs extracted features by a vocabulary: unknown features are dropped.
   *
   * @param x the extracted features
   * @param vocabulary feature name → index
   * @param idf inverse document frequency by index
   * @return the vector
   */
  public static Vector vector(Extracted x, Map<String, Integer> vocabulary, float[] idf) {
    int n = x.keys().size();
    int[] f = new int[n];
    float[] v = new float[n];
    int[] o = new int[n];
    String[] names = new String[n];
    int m = 0;
    double norm = 0;
    for (int i = 0; i < n; i++) {
      Integer id = vocabulary.get(x.keys().get(i));
      if (id == null) {
        continue;
      }
      float value = (float) ((1 + Math.log(x.counts()[i])) * idf[id]);
      f[m] = id;
      v[m] = value;
      o[m] = x.owners()[i];
      names[m] = x.owners()[i] == FIELD ? x.keys().get(i).substring(2) : null;
      norm += (double) value * value;
      m++;
    }
    if (norm > 0) {
      float scale = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < m; i++) {
        v[i] *= scale;
      }
    }
    return new Vector(
        java.util.Arrays.copyOf(f, m), java.util.Arrays.copyOf(v, m),
        java.util.Arrays.copyOf(o, m), x.words(), java.util.Arrays.copyOf(names, m));
  }
}
