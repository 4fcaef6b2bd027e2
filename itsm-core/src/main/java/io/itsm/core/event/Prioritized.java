package io.itsm.core.event;

import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Urgency;
import java.time.Instant;
import java.util.Objects;

/**
 * Impact, urgency and priority were set.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param impact the impact
 * @param urgency the urgency
 * @param priority the priority
 * @param decidedBy who or which rule decided
 */
public record Prioritized(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    Impact impact,
    Urgency urgency,
    Priority priority,
    Provenance decidedBy)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public Prioritized {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(urgency, "urgency");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(decidedBy, "decidedBy");
    IncidentEvent.checkSequence(sequence);
  }
}
