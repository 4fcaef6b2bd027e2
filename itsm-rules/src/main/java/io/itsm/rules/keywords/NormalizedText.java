package io.itsm.rules.keywords;

import io.itsm.core.ValidationException;
import java.util.List;
import java.util.Objects;

/**
 * A ticket text after {@link TextNormalizer#normalize(String)}: its tokens, and the tokens joined
 * by single spaces.
 *
 * <p>Compute it once per ticket and hand it to every {@link KeywordMatcher}. Token {@code i} of
 * {@link #tokens()} is what {@link KeywordHit#tokenIndex()} refers to.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param text the tokens joined by single spaces; {@code ""} when there are no tokens
 * @param tokens the tokens in text order; each non-empty and without spaces
 */
public record NormalizedText(String text, List<String> tokens) {

  /** The text without any token. */
  public static final NormalizedText EMPTY = new NormalizedText("", List.of());

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if {@code text}, {@code tokens} or a token is null
   * @throws ValidationException if a token is empty or contains a space, or if {@code text} is
   *     not the tokens joined by single spaces
   */
  public NormalizedText {
    Objects.requireNonNull(text, "text");
    tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens"));
    int position = 0;
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (token.isEmpty() || token.indexOf(' ') >= 0) {
        throw new ValidationException(
            "tokens[" + i + "] must be non-empty and without spaces, but was \"" + token + "\"");
      }
      boolean separated = i == 0 || (position < text.length() && text.charAt(position++) == ' ');
      if (!separated || !text.regionMatches(position, token, 0, token.length())) {
        throw inconsistent(text);
      }
      position += token.length();
    }
    if (position != text.length()) {
      throw inconsistent(text);
    }
  }

  private static ValidationException inconsistent(String text) {
    return new ValidationException(
        "text must be the tokens joined by single spaces, but was \"" + abbreviate(text) + "\"");
  }

  /**
   * Returns the number of tokens.
   *
   * @return {@code tokens().size()}
   */
  public int size() {
    return tokens.size();
  }

  /**
   * Returns whether the text has no token.
   *
   * @return {@code true} if there is no token
   */
  public boolean isEmpty() {
    return tokens.isEmpty();
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
