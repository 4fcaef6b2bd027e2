package io.itsm.rules.keywords;

import java.util.List;
import java.util.regex.Pattern;

/** Checks of codes and terms shared by entries, the builder and the JSON reader. */
final class Codes {

  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(?:[-_.][a-z0-9]+)*");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(?:-[a-z0-9]{2,8})*");

  private Codes() {}

  /** Adds a problem unless {@code value} is a category or subcategory code. */
  static void checkCode(String path, String value, List<String> problems) {
    if (!CODE.matcher(value).matches()) {
      problems.add(
          path
              + " must be a lower-case code of letters, digits and single '-', '_' or '.' between"
              + " them (such as \"user-support\"), but was "
              + quote(value));
    }
  }

  /** Adds a problem unless {@code value} is a language code. */
  static void checkLanguage(String path, String value, List<String> problems) {
    if (!LANGUAGE.matcher(value).matches()) {
      problems.add(
          path
              + " must be a lower-case ISO 639 language code such as \"en\" or \"pt-br\", but was "
              + quote(value));
    }
  }

  /**
   * Normalizes a term as written by a person; adds a problem and returns null if it is not a
   * valid term.
   */
  static String normalizeTerm(String path, String raw, List<String> problems) {
    String stripped = raw.strip();
    boolean prefix = stripped.endsWith("*");
    String body = prefix ? stripped.substring(0, stripped.length() - 1) : stripped;
    if (body.indexOf('*') >= 0) {
      problems.add(path + " must have '*' only as its last character, but was " + quote(raw));
      return null;
    }
    NormalizedText normalized = TextNormalizer.standard().normalize(body);
    if (normalized.isEmpty()) {
      problems.add(path + " must contain a letter or digit, but was " + quote(raw));
      return null;
    }
    if (!prefix) {
      return normalized.text();
    }
    List<String> tokens = normalized.tokens();
    String last = tokens.get(tokens.size() - 1);
    if (last.length() < KeywordDictionary.MIN_PREFIX_LENGTH
        || Character.isWhitespace(body.charAt(body.length() - 1))) {
      problems.add(
          path
              + " must have at least "
              + KeywordDictionary.MIN_PREFIX_LENGTH
              + " letters or digits directly before '*', but was "
              + quote(raw));
      return null;
    }
    return normalized.text() + "*";
  }

  static String quote(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }
}
