package io.itsm.core.event;

import io.itsm.core.incident.Status;
import java.time.Instant;
import java.util.Objects;

/**
 * The incident was reopened; work resumes in {@link Status#IN_PROGRESS}: the caller (or an agent on
 * their behalf) rejected the resolution of a RESOLVED incident, or reopened a CLOSED one within the
 * desk's reopen window ({@code fromClosed}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param reason why the resolution was rejected
 * @param reopenCount the reopen count after this event
 * @param onBehalfOfCaller whether an agent answered for the caller
 * @param fromClosed whether the incident was CLOSED (not RESOLVED) when it was reopened
 */
public record Reopened(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    String reason,
    int reopenCount,
    boolean onBehalfOfCaller,
    boolean fromClosed)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public Reopened {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    IncidentEvent.checkSequence(sequence);
  }

  /**
   * A rejected resolution of a RESOLVED incident ({@code fromClosed} false).
   *
   * @param incidentId the incident's id
   * @param sequence the event's position in the history
   * @param at when it happened
   * @param actor the id of the actor who caused it
   * @param reason why the resolution was rejected
   * @param reopenCount the reopen count after this event
   * @param onBehalfOfCaller whether an agent answered for the caller
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public Reopened(String incidentId, long sequence, Instant at, String actor, String reason,
      int reopenCount, boolean onBehalfOfCaller) {
    this(incidentId, sequence, at, actor, reason, reopenCount, onBehalfOfCaller, false);
  }
}
