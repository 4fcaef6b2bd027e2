package io.itsm.core.event;

import io.itsm.core.ValidationException;
import java.time.Instant;

/**
 * One change to an incident: the unit of its audit trail. An incident's history is the
 * append-only list of its events, and its state can be rebuilt from them alone ({@link
 * IncidentHistory#replay}).
 *
 * <p>Every event names the incident, its position in the history, the instant and the actor;
 * events that record a decision also name the {@link Provenance} (a person, or the rule that made
 * it). Switch over the permitted records to handle each type.
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface IncidentEvent
    permits IncidentLogged, Categorized, Prioritized, Assigned, ApprovalRequirementDecided, Tagged, StatusChanged, PutOnHold, Resumed, CommentAdded, ResolutionProposed, ApprovalRequested, ApprovalDecided, ApprovalExpired, Resolved, Reopened, Closed, Cancelled, Escalated, Linked, SlaThresholdReached, SlaBreached {

  /**
   * Returns the id of the incident the event belongs to.
   *
   * @return the incident id
   */
  String incidentId();

  /**
   * Returns the event's position in its incident's history, from 1.
   *
   * @return the sequence number
   */
  long sequence();

  /**
   * Returns when the change happened, by the desk's clock.
   *
   * @return the instant
   */
  Instant at();

  /**
   * Returns the id of the actor who caused the change ({@code "system"} for automatic ones).
   *
   * @return the actor id
   */
  String actor();

  /**
   * Returns the event type's name as used in JSON and logs, for example {@code "Categorized"}.
   *
   * @return the simple name of the record
   */
  default String type() {
    return getClass().getSimpleName();
  }

  /**
   * Checks a sequence number.
   *
   * @param sequence the number
   * @throws ValidationException if it is below 1
   */
  static void checkSequence(long sequence) {
    if (sequence < 1) {
      throw new ValidationException("event sequence must be 1 or more, but was " + sequence);
    }
  }
}
