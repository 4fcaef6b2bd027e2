package io.itsm.core.knowledge;

import io.itsm.core.ValidationException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where an article applies: incident categories, business services and configuration items. An
 * empty set means "any": an article without categories applies to every category.
 *
 * <p>Immutable and thread-safe.
 *
 * @param categories category codes such as {@code "network"}; each not blank
 * @param services business services such as {@code "vpn"}; each not blank
 * @param configurationItems configuration items such as {@code "fw-edge-02"}; each not blank
 */
public record ArticleScope(
    Set<String> categories, Set<String> services, Set<String> configurationItems) {

  private static final ArticleScope EVERYWHERE = new ArticleScope(Set.of(), Set.of(), Set.of());

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component or element is null
   * @throws ValidationException if an element is blank
   */
  public ArticleScope {
    categories = check("categories", categories);
    services = check("services", services);
    configurationItems = check("configurationItems", configurationItems);
  }

  /**
   * The scope of an article that applies everywhere.
   *
   * @return the empty scope
   */
  public static ArticleScope everywhere() {
    return EVERYWHERE;
  }

  /**
   * A scope of some categories.
   *
   * @param categories the category codes
   * @return the scope
   * @throws ValidationException if a code is blank
   */
  public static ArticleScope categories(String... categories) {
    return new ArticleScope(Set.of(categories), Set.of(), Set.of());
  }

  /**
   * Returns this scope with some services.
   *
   * @param services the services
   * @return the copy
   * @throws ValidationException if a service is blank
   */
  public ArticleScope withServices(String... services) {
    return new ArticleScope(categories, Set.of(services), configurationItems);
  }

  /**
   * Returns this scope with some configuration items.
   *
   * @param items the configuration items
   * @return the copy
   * @throws ValidationException if an item is blank
   */
  public ArticleScope withConfigurationItems(String... items) {
    return new ArticleScope(categories, services, Set.of(items));
  }

  /**
   * Tells whether the article applies to an incident: each of its category, service and
   * configuration item is in the scope, or the scope has none of that kind, or the incident has
   * none.
   *
   * @param category the incident's category, or empty
   * @param service its service, or empty
   * @param configurationItem its configuration item, or empty
   * @return whether the scope covers it
   */
  public boolean covers(Optional<String> category, Optional<String> service,
      Optional<String> configurationItem) {
    return covers(categories, category) && covers(services, service)
        && covers(configurationItems, configurationItem);
  }

  private static boolean covers(Set<String> scope, Optional<String> value) {
    return scope.isEmpty() || value.isEmpty() || scope.contains(value.get());
  }

  private static Set<String> check(String name, Set<String> values) {
    Set<String> copy = Set.copyOf(Objects.requireNonNull(values, name));
    for (String v : copy) {
      if (v.isBlank()) {
        throw new ValidationException("article scope " + name + " must not contain a blank value");
      }
    }
    return copy;
  }
}
