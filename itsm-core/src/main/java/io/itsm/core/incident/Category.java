package io.itsm.core.incident;

import io.itsm.core.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A category of the {@link Catalogue}: a code used by rules and JSON (for example {@code
 * network}), a display name, and its subcategories (code → display name).
 *
 * <p>Immutable and thread-safe.
 *
 * @param code lower-case letters, digits and hyphens, for example {@code user-support}
 * @param name the display name, for example {@code "User support"}
 * @param subcategories subcategory code → display name, in display order; codes as for {@code code}
 */
public record Category(String code, String name, Map<String, String> subcategories) {

  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if a code is not lower-case letters, digits and single hyphens,
   *     or {@code name} is blank
   */
  public Category {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(subcategories, "subcategories");
    checkCode("category code", code);
    if (name.isBlank()) {
      throw new ValidationException("category " + code + ": name must not be blank");
    }
    subcategories.keySet().forEach(s -> checkCode("subcategory code of " + code, s));
    subcategories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(subcategories));
  }

  static void checkCode(String what, String code) {
    if (!CODE.matcher(code).matches()) {
      throw new ValidationException(
          what + " must be lower-case letters, digits and hyphens (like 'user-support'), but was '"
              + code + "'");
    }
  }

  /**
   * A category whose subcategories are named by their codes.
   *
   * @param code the code
   * @param name the display name
   * @param subcategoryCodes the subcategory codes
   * @return the category
   */
  public static Category of(String code, String name, List<String> subcategoryCodes) {
    Map<String, String> subs = new LinkedHashMap<>();
    for (String s : subcategoryCodes) {
      subs.put(s, s);
    }
    return new Category(code, name, subs);
  }
}
