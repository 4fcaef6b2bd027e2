package io.itsm.core.incident;

import io.itsm.core.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The categories (with subcategories) incidents may have. The desk checks every category it
 * records, whether set by hand or decided by a rule, against its catalogue.
 *
 * <p>{@link #defaults()} holds the ten seed categories: hardware, software, network, security,
 * user-support, service-request, data-recovery, performance, consulting, other — with the
 * subcategories the default keyword dictionary of {@code itsm-rules} uses. Add or replace
 * categories with {@link #with(Category)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Catalogue {

  private static final Catalogue DEFAULTS =
      new Catalogue(List.of(
          Category.of("hardware", "Hardware", List.of("laptop", "printer", "monitor", "peripheral", "mobile-device", "meeting-room")),
          Category.of("software", "Software", List.of("application-error", "crash", "license", "update", "email", "hr-system")),
          Category.of("network", "Network", List.of("vpn", "wifi", "connectivity", "dns", "email-delivery")),
          Category.of("security", "Security", List.of("phishing", "malware", "account-compromise", "data-leak")),
          Category.of("user-support", "User support", List.of("password", "account", "mfa", "how-to")),
          Category.of("service-request", "Service request",
              List.of("access", "installation", "new-equipment", "purchase", "onboarding", "storage",
                  "configuration-change", "information")),
          Category.of("data-recovery", "Data recovery", List.of("deleted-file", "backup-restore", "corrupted-file")),
          Category.of("performance", "Performance", List.of("slow-application", "slow-network", "high-load")),
          Category.of("consulting", "Consulting", List.of("advice", "training")),
          Category.of("other", "Other", List.of("feedback"))));

  private final Map<String, Category> categories;

  private Catalogue(List<Category> categories) {
    Map<String, Category> m = new LinkedHashMap<>();
    for (Category c : categories) {
      m.put(c.code(), c);
    }
    this.categories = java.util.Collections.unmodifiableMap(m);
  }

  /**
   * Returns the seed catalogue.
   *
   * @return the default catalogue
   */
  public static Catalogue defaults() {
    return DEFAULTS;
  }

  /**
   * Creates a catalogue of the given categories.
   *
   * @param categories the categories; codes must be unique
   * @return the catalogue
   * @throws ValidationException if two categories share a code
   */
  public static Catalogue of(List<Category> categories) {
    Objects.requireNonNull(categories, "categories");
    List<String> seen = new ArrayList<>();
    for (Category c : categories) {
      if (seen.contains(c.code())) {
        throw new ValidationException("catalogue category codes must be unique, but '" + c.code()
            + "' appears twice");
      }
      seen.add(c.code());
    }
    return new Catalogue(categories);
  }

  /**
   * Returns a copy with a category added, or replaced if one has its code.
   *
   * @param category the category
   * @return the new catalogue
   */
  public Catalogue with(Category category) {
    Objects.requireNonNull(category, "category");
    Map<String, Category> m = new LinkedHashMap<>(categories);
    m.put(category.code(), category);
    return new Catalogue(new ArrayList<>(m.values()));
  }

  /**
   * Returns the categories in display order.
   *
   * @return an immutable list
   */
  public List<Category> categories() {
    return List.copyOf(categories.values());
  }

  /**
   * Finds a category by code.
   *
   * @param code the code
   * @return the category, or empty
   */
  public Optional<Category> category(String code) {
    return Optional.ofNullable(categories.get(code));
  }

  /**
   * Checks a category and an optional subcategory.
   *
   * @param category the category code
   * @param subcategory the subcategory code, or empty
   * @param source who decided, for the message (for example {@code "rule 'VPN means Network'"})
   * @throws ValidationException naming the unknown code, the source, and the known codes
   */
  public void check(String category, Optional<String> subcategory, String source) {
    Category c = categories.get(category);
    if (c == null) {
      throw new ValidationException("category '" + category + "' (set by " + source
          + ") is not in the catalogue; known categories: " + categories.keySet()
          + "; add it to the desk's Catalogue");
    }
    if (subcategory.isPresent() && !c.subcategories().containsKey(subcategory.get())) {
      throw new ValidationException("subcategory '" + subcategory.get() + "' (set by " + source
          + ") is not a subcategory of " + category + "; known: " + c.subcategories().keySet());
    }
  }
}
