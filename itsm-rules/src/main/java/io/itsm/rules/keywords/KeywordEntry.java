package io.itsm.rules.keywords;

import io.itsm.core.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One dictionary entry: a term that, found in a ticket, points to a category (and optionally a
 * subcategory).
 *
 * <p>The term is stored normalized by {@link TextNormalizer}: tokens joined by single spaces, such
 * as {@code "passwort vergessen"}. A term ending in {@code *} is a <em>prefix term</em>: its last
 * token matches any ticket token that starts with it ({@code "druck*"} matches {@code drucker},
 * {@code druckers}, {@code drucken}). Use {@link #of} to create an entry from a term as a person
 * writes it ({@code "Passwort vergessen"}); the canonical constructor only accepts normalized
 * terms.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param category the category code, such as {@code "network"}
 * @param subcategory the subcategory code, such as {@code "vpn"}, or {@code ""} for none
 * @param language the ISO 639 language code of the term, such as {@code "de"}
 * @param term the normalized term, ending in {@code *} for a prefix term
 */
public record KeywordEntry(String category, String subcategory, String language, String term) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if any component is null
   * @throws ValidationException if {@code category} or a non-empty {@code subcategory} is not a
   *     lower-case code, if {@code language} is not a language code, or if {@code term} is not a
   *     valid term in normalized form
   */
  public KeywordEntry {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(subcategory, "subcategory");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(term, "term");
    List<String> problems = new ArrayList<>();
    Codes.checkCode("category", category, problems);
    if (!subcategory.isEmpty()) {
      Codes.checkCode("subcategory", subcategory, problems);
    }
    Codes.checkLanguage("language", language, problems);
    String normalized = Codes.normalizeTerm("term", term, problems);
    if (normalized != null && !normalized.equals(term)) {
      problems.add(
          "term must be normalized (here \""
              + normalized
              + "\"; KeywordEntry.of normalizes), but was "
              + Codes.quote(term));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /**
   * Creates an entry, normalizing the term.
   *
   * @param category the category code, such as {@code "network"}
   * @param subcategory the subcategory code, or {@code ""} for none
   * @param language the language code, such as {@code "de"}
   * @param term the term as written, such as {@code "VPN-Tunnel"} or {@code "Druck*"}
   * @return the entry
   * @throws NullPointerException if any argument is null
   * @throws ValidationException if a code is invalid or the term has no letter or digit, has
   *     {@code *} other than at its end, or is a prefix term with fewer than {@link
   *     KeywordDictionary#MIN_PREFIX_LENGTH} characters before the {@code *}
   */
  public static KeywordEntry of(String category, String subcategory, String language, String term) {
    Objects.requireNonNull(term, "term");
    List<String> problems = new ArrayList<>();
    String normalized = Codes.normalizeTerm("term", term, problems);
    if (normalized == null) {
      throw new ValidationException(problems);
    }
    return new KeywordEntry(category, subcategory, language, normalized);
  }

  /**
   * Returns whether this is a prefix term (ending in {@code *}).
   *
   * @return {@code true} for a prefix term
   */
  public boolean isPrefix() {
    return term.endsWith("*");
  }

  /**
   * Returns the tokens of the term, without the {@code *} of a prefix term.
   *
   * @return an immutable, non-empty list
   */
  public List<String> tokens() {
    String body = isPrefix() ? term.substring(0, term.length() - 1) : term;
    return List.copyOf(Arrays.asList(body.split(" ")));
  }

  /**
   * Returns the subcategory, if any.
   *
   * @return the subcategory code, or empty when {@link #subcategory()} is {@code ""}
   */
  public Optional<String> subcategoryCode() {
    return subcategory.isEmpty() ? Optional.empty() : Optional.of(subcategory);
  }
}
