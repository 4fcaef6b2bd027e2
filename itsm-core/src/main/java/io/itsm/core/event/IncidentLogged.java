package io.itsm.core.event;

import io.itsm.core.incident.Status;
import io.itsm.core.incident.Ticket;
import java.time.Instant;
import java.util.Objects;

/**
 * An incident was logged from a ticket; the incident starts in {@link Status#NEW}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param ticket the ticket as reported
 * @param openedAt when the incident was opened
 */
public record IncidentLogged(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    Ticket ticket,
    Instant openedAt)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public IncidentLogged {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(openedAt, "openedAt");
    IncidentEvent.checkSequence(sequence);
  }
}
