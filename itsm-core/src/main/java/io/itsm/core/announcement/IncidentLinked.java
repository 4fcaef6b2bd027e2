package io.itsm.core.announcement;

import java.time.Instant;
import java.util.Objects;

/**
 * An incident about a service the announcement reaches was linked to it while it was active.
 *
 * <p>Immutable and thread-safe.
 *
 * @param announcementId the announcement
 * @param sequence the event's position, from 1
 * @param at when
 * @param actor who
 * @param incidentId the incident
 */
public record IncidentLinked(String announcementId, long sequence, Instant at, String actor, String incidentId)
    implements AnnouncementEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1
   */
  public IncidentLinked {
    AnnouncementEvent.check(announcementId, sequence, at, actor);
    Objects.requireNonNull(incidentId, "incidentId");
  }
}
