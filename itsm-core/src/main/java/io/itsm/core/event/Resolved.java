package io.itsm.core.event;

import io.itsm.core.incident.Resolution;
import java.time.Instant;
import java.util.Objects;

/**
 * The incident is resolved; the caller is asked to confirm.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param resolution the resolution
 */
public record Resolved(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    Resolution resolution)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public Resolved {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(resolution, "resolution");
    IncidentEvent.checkSequence(sequence);
  }
}
