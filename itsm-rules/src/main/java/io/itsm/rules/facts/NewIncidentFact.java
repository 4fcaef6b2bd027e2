package io.itsm.rules.facts;

import io.itsm.core.incident.Priority;
import java.time.Instant;
import java.util.Objects;

/**
 * The newly logged incident recurrence rules (problem.drl) compare with the recent ones, one per
 * decision. Absent values are {@code null}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the incident's id
 * @param title its title
 * @param category its category code, or null
 * @param service its service, or null
 * @param configurationItem its configuration item, or null
 * @param priority its priority, or null
 * @param openedAt when it was opened
 */
public record NewIncidentFact(
    String id, String title, String category, String service, String configurationItem,
    Priority priority, Instant openedAt) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if the id, title or instant is null
   */
  public NewIncidentFact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(openedAt, "openedAt");
  }
}
