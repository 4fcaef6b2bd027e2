package io.itsm.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * The incident was cancelled.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param reason why; not blank
 */
public record Cancelled(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    String reason)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public Cancelled {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    IncidentEvent.checkSequence(sequence);
  }
}
