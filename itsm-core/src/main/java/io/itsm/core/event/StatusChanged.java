package io.itsm.core.event;

import io.itsm.core.incident.Status;
import java.time.Instant;
import java.util.Objects;

/**
 * The status changed without a more specific event (for example work started, or a rejected approval sent the incident back to work).
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param from the status before
 * @param to the status after
 * @param reason why; may be empty
 */
public record StatusChanged(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    Status from,
    Status to,
    String reason)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public StatusChanged {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reason, "reason");
    IncidentEvent.checkSequence(sequence);
  }
}
