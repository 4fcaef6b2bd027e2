package io.itsm.core.event;

import io.itsm.core.incident.Link;
import java.time.Instant;
import java.util.Objects;

/**
 * The incident was linked to another record.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param link the link
 */
public record Linked(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    Link link)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public Linked {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(link, "link");
    IncidentEvent.checkSequence(sequence);
  }
}
