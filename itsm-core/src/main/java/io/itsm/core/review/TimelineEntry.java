package io.itsm.core.review;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a review's timeline, taken from an incident's event.
 *
 * <p>Immutable and thread-safe.
 *
 * @param at when it happened
 * @param incidentId the incident
 * @param sequence the event's sequence in the incident's history
 * @param kind what happened
 * @param actor who did it
 * @param text what happened, for people: "P1 (impact HIGH, urgency HIGH)", "notify MANAGER: ..."
 */
public record TimelineEntry(
    Instant at, String incidentId, long sequence, Kind kind, String actor, String text) {

  /** What a timeline entry records. */
  public enum Kind {
    /** The incident was logged. */
    LOGGED,
    /** Its priority was set or changed. */
    PRIORITIZED,
    /** It was assigned or reassigned. */
    ASSIGNED,
    /** It was escalated (functionally or hierarchically). */
    ESCALATED,
    /** It was put on hold. */
    ON_HOLD,
    /** Work resumed after a hold. */
    RESUMED,
    /** An SLA target was breached. */
    SLA_BREACHED,
    /** It was resolved (service restored). */
    RESOLVED,
    /** It was reopened. */
    REOPENED,
    /** It was closed. */
    CLOSED
  }

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public TimelineEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(text, "text");
  }
}
