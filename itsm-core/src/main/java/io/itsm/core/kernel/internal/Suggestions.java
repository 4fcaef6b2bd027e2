package io.itsm.core.kernel.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for misspelt names: the closest known name by edit distance (a swap of two
 * neighbouring letters counts as one edit), if it is close enough to be a likely typo.
 *
 * <p>Stateless and thread-safe.
 */
public final class Suggestions {

  private Suggestions() {}

  /**
   * Finds the known name closest to a misspelt one, ignoring case.
   *
   * @param name the name given
   * @param known the names that exist
   * @return the closest, when at most a third of the name's letters (at least one) differ
   */
  public static Optional<String> closest(String name, Collection<String> known) {
    String n = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(n, k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return bestDistance <= Math.max(1, name.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
  }

  /**
   * Formats a suggestion for the end of a message.
   *
   * @param name the name given
   * @param known the names that exist
   * @return {@code "; did you mean 'x'?"}, or {@code ""} when nothing is close
   */
  public static String didYouMean(String name, Collection<String> known) {
    return closest(name, known).map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  /** Optimal string alignment distance. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
