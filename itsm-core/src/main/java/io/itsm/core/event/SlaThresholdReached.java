package io.itsm.core.event;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.Objects;

/**
 * An SLA clock reached a warning threshold, such as 75 % of its target. Recorded once per
 * incident, SLA kind and percent by {@link io.itsm.core.ServiceDesk#tick(Instant)}; changes nothing
 * but the incident's version and last-change instant.
 *
 * <p>{@code at} is the instant the threshold was actually crossed, unless that lies before the
 * incident's previous event: then it is the previous event's instant (events stay in order).
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when the threshold was crossed (see above)
 * @param actor the id of the actor who recorded it ({@code "system"})
 * @param kind which SLA clock
 * @param percent the threshold, 1 to 99
 * @param dueAt when the target is due, as computed when recorded
 */
public record SlaThresholdReached(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    SlaKind kind,
    int percent,
    Instant dueAt)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws ValidationException if {@code sequence} is below 1 or {@code percent} is not 1 to 99
   */
  public SlaThresholdReached {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dueAt, "dueAt");
    IncidentEvent.checkSequence(sequence);
    if (percent < 1 || percent > 99) {
      throw new ValidationException("SLA threshold percent must be 1 to 99, but was " + percent);
    }
  }
}
