package io.itsm.core.knowledge;

import io.itsm.core.ValidationException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which articles a search may return: by kind, audience, state and scope. An empty set allows
 * every value. An article's state for searching is {@link ArticleState#PUBLISHED} when a version
 * of it is published (even while a newer version is drafted), else its {@link
 * KnowledgeArticle#state()}; its kind, audience and scope are those of the version searched (the
 * published one, else the newest).
 *
 * <pre>{@code
 * ArticleFilter.published().withKinds(ArticleKind.KNOWN_ERROR).withCategory("network");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param kinds the kinds allowed; empty for all
 * @param audiences the audiences allowed; empty for all
 * @param states the states allowed; empty for all
 * @param category only articles whose scope covers this category (or that have no categories)
 * @param service only articles whose scope covers this service (or that have no services)
 * @param configurationItem only articles whose scope covers this item (or that have no items)
 */
public record ArticleFilter(
    Set<ArticleKind> kinds,
    Set<Audience> audiences,
    Set<ArticleState> states,
    Optional<String> category,
    Optional<String> service,
    Optional<String> configurationItem) {

  private static final ArticleFilter PUBLISHED = new ArticleFilter(Set.of(), Set.of(),
      Set.of(ArticleState.PUBLISHED), Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if a scope value is blank
   */
  public ArticleFilter {
    kinds = Set.copyOf(Objects.requireNonNull(kinds, "kinds"));
    audiences = Set.copyOf(Objects.requireNonNull(audiences, "audiences"));
    states = Set.copyOf(Objects.requireNonNull(states, "states"));
    check("category", category);
    check("service", service);
    check("configurationItem", configurationItem);
  }

  private static void check(String name, Optional<String> value) {
    Objects.requireNonNull(value, name);
    if (value.isPresent() && value.get().isBlank()) {
      throw new ValidationException("filter " + name + " must not be blank when given");
    }
  }

  /**
   * Published articles of any kind, audience and scope: what agents search by default.
   *
   * @return the filter
   */
  public static ArticleFilter published() {
    return PUBLISHED;
  }

  /**
   * Articles in any state, kind, audience and scope (drafts and retired ones included).
   *
   * @return the filter
   */
  public static ArticleFilter any() {
    return new ArticleFilter(Set.of(), Set.of(), Set.of(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  /**
   * Returns this filter allowing only some kinds.
   *
   * @param kinds the kinds
   * @return the copy
   */
  public ArticleFilter withKinds(ArticleKind... kinds) {
    return new ArticleFilter(Set.of(kinds), audiences, states, category, service,
        configurationItem);
  }

  /**
   * Returns this filter allowing only some audiences.
   *
   * @param audiences the audiences
   * @return the copy
   */
  public ArticleFilter withAudiences(Audience... audiences) {
    return new ArticleFilter(kinds, Set.of(audiences), states, category, service,
        configurationItem);
  }

  /**
   * Returns this filter allowing only some states.
   *
   * @param states the states
   * @return the copy
   */
  public ArticleFilter withStates(ArticleState... states) {
    return new ArticleFilter(kinds, audiences, Set.of(states), category, service,
        configurationItem);
  }

  /**
   * Returns this filter allowing only articles that apply to a category.
   *
   * @param category the category code
   * @return the copy
   */
  public ArticleFilter withCategory(String category) {
    return new ArticleFilter(kinds, audiences, states, Optional.of(category), service,
        configurationItem);
  }

  /**
   * Returns this filter allowing only articles that apply to a service.
   *
   * @param service the service
   * @return the copy
   */
  public ArticleFilter withService(String service) {
    return new ArticleFilter(kinds, audiences, states, category, Optional.of(service),
        configurationItem);
  }

  /**
   * Returns this filter allowing only articles that apply to a configuration item.
   *
   * @param item the configuration item
   * @return the copy
   */
  public ArticleFilter withConfigurationItem(String item) {
    return new ArticleFilter(kinds, audiences, states, category, service, Optional.of(item));
  }

  /**
   * Returns this filter narrowed to what end users may read: published, public articles.
   *
   * @return the copy
   */
  public ArticleFilter forEndUsers() {
    return new ArticleFilter(kinds, Set.of(Audience.PUBLIC), Set.of(ArticleState.PUBLISHED),
        category, service, configurationItem);
  }

  /**
   * Returns the states allowed, every state when none is named.
   *
   * @return the states
   */
  public Set<ArticleState> allowedStates() {
    return states.isEmpty() ? EnumSet.allOf(ArticleState.class) : states;
  }
}
