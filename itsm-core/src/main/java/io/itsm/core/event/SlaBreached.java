package io.itsm.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * An SLA clock went past 100 % of its target. Recorded once per incident and SLA kind by {@link
 * io.itsm.core.ServiceDesk#tick(Instant)}; changes nothing but the incident's version and
 * last-change instant.
 *
 * <p>{@code at} is the instant the target was reached ({@code dueAt}), unless that lies before
 * the incident's previous event: then it is the previous event's instant (events stay in order).
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when the target was breached (see above)
 * @param actor the id of the actor who recorded it ({@code "system"})
 * @param kind which SLA clock
 * @param dueAt when the target was due
 */
public record SlaBreached(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    SlaKind kind,
    Instant dueAt)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public SlaBreached {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dueAt, "dueAt");
    IncidentEvent.checkSequence(sequence);
  }
}
