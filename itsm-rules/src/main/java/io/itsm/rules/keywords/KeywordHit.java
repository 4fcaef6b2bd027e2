package io.itsm.rules.keywords;

import io.itsm.core.ValidationException;
import java.util.Objects;

/**
 * A dictionary term found in a ticket text: one fact for the rules.
 *
 * <p>All fields are plain strings and ints so DRL constraints compare them directly, for example
 * {@code KeywordHit(category == "network", subcategory == "vpn")}. A hit without subcategory has
 * {@code subcategory == ""}, never null.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param category the category code of the matched entry
 * @param subcategory the subcategory code of the matched entry, or {@code ""} for none
 * @param term the normalized dictionary term that matched, such as {@code "tunnel down"} or
 *     {@code "druck*"}
 * @param language the language code of the matched entry
 * @param tokenIndex the index in {@link NormalizedText#tokens()} of the first matched token
 * @param tokenCount how many tokens the term covers, at least 1
 */
public record KeywordHit(
    String category,
    String subcategory,
    String term,
    String language,
    int tokenIndex,
    int tokenCount) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a string component is null
   * @throws ValidationException if {@code category}, {@code term} or {@code language} is blank,
   *     {@code tokenIndex} is negative or {@code tokenCount} is less than 1
   */
  public KeywordHit {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(subcategory, "subcategory");
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(language, "language");
    if (category.isBlank()) {
      throw new ValidationException("category must not be blank, but was \"" + category + "\"");
    }
    if (term.isBlank()) {
      throw new ValidationException("term must not be blank, but was \"" + term + "\"");
    }
    if (language.isBlank()) {
      throw new ValidationException("language must not be blank, but was \"" + language + "\"");
    }
    if (tokenIndex < 0) {
      throw new ValidationException("tokenIndex must be at least 0, but was " + tokenIndex);
    }
    if (tokenCount < 1) {
      throw new ValidationException("tokenCount must be at least 1, but was " + tokenCount);
    }
  }

  /**
   * Returns the index just after the last matched token.
   *
   * @return {@code tokenIndex() + tokenCount()}
   */
  public int endIndex() {
    return tokenIndex + tokenCount;
  }
}
