package io.itsm.core.incident;

import java.util.Objects;
import java.util.Optional;

/**
 * How the desk classified an incident: its category and subcategory, and its impact, urgency and
 * priority. Each is empty until triage or a person decides it (a trusted reporter's impact and
 * urgency count as decided when the incident is logged).
 *
 * <p>Immutable and thread-safe.
 *
 * @param category the category code, for example {@code network}
 * @param subcategory the subcategory code, for example {@code vpn}
 * @param impact the impact
 * @param urgency the urgency
 * @param priority the priority
 */
public record Classification(
    Optional<String> category,
    Optional<String> subcategory,
    Optional<Impact> impact,
    Optional<Urgency> urgency,
    Optional<Priority> priority) {

  private static final Classification NONE = new Classification(Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Classification {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(subcategory, "subcategory");
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(urgency, "urgency");
    Objects.requireNonNull(priority, "priority");
  }

  /**
   * Returns the classification of an incident nothing has classified yet.
   *
   * @return all empty
   */
  public static Classification none() {
    return NONE;
  }

  /**
   * Returns a copy with a category and subcategory.
   *
   * @param category the category code, or {@code null} for none
   * @param subcategory the subcategory code, or {@code null} for none
   * @return the copy
   */
  public Classification withCategory(String category, String subcategory) {
    return new Classification(Optional.ofNullable(category), Optional.ofNullable(subcategory),
        impact, urgency, priority);
  }

  /**
   * Returns a copy with an impact, urgency and priority.
   *
   * @param impact the impact, or {@code null} for none
   * @param urgency the urgency, or {@code null} for none
   * @param priority the priority, or {@code null} for none
   * @return the copy
   */
  public Classification withPriority(Impact impact, Urgency urgency, Priority priority) {
    return new Classification(category, subcategory, Optional.ofNullable(impact),
        Optional.ofNullable(urgency), Optional.ofNullable(priority));
  }
}
