package io.itsm.core.problem;

import io.itsm.core.ValidationException;
import io.itsm.core.event.Provenance;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ProblemDetectionPolicy}'s proposal: these incidents recur and probably share a cause.
 *
 * <p>Immutable and thread-safe.
 *
 * @param title the proposed problem's title
 * @param incidentIds the recurring incidents, the new one included; at least one
 * @param category their shared category, if the proposal is about one
 * @param service their shared service, if the proposal is about one
 * @param configurationItem their shared configuration item, if the proposal is about one
 * @param decidedBy the rule that proposed it, with its reason
 */
public record ProblemProposal(
    String title,
    List<String> incidentIds,
    Optional<String> category,
    Optional<String> service,
    Optional<String> configurationItem,
    Provenance decidedBy) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the title is blank or there is no incident
   */
  public ProblemProposal {
    Objects.requireNonNull(title, "title");
    incidentIds = List.copyOf(new java.util.LinkedHashSet<>(
        Objects.requireNonNull(incidentIds, "incidentIds")));
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(configurationItem, "configurationItem");
    Objects.requireNonNull(decidedBy, "decidedBy");
    if (title.isBlank()) {
      throw new ValidationException("a problem proposal needs a title (rule '" + decidedBy.name()
          + "')");
    }
    if (incidentIds.isEmpty()) {
      throw new ValidationException("a problem proposal needs incidents (rule '"
          + decidedBy.name() + "')");
    }
  }
}
