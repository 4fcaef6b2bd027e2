package io.itsm.core.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Tags were added.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param tags the tags added
 * @param decidedBy who or which rule decided
 */
public record Tagged(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    Set<String> tags,
    Provenance decidedBy)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public Tagged {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    tags = Set.copyOf(Objects.requireNonNull(tags, "tags"));
    Objects.requireNonNull(decidedBy, "decidedBy");
    IncidentEvent.checkSequence(sequence);
  }
}
