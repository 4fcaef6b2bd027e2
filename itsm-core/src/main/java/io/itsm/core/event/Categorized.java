package io.itsm.core.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The category (and subcategory) was set.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param category the category code
 * @param subcategory the subcategory code
 * @param decidedBy who or which rule decided
 */
public record Categorized(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    String category,
    Optional<String> subcategory,
    Provenance decidedBy)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public Categorized {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(subcategory, "subcategory");
    Objects.requireNonNull(decidedBy, "decidedBy");
    IncidentEvent.checkSequence(sequence);
  }
}
