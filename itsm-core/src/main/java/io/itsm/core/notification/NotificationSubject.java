package io.itsm.core.notification;

import io.itsm.core.announcement.Announcement;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Incident;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a notification rule decides about: an incident event, the incident after its command, and
 * what the desk knows besides (the response due time, the date a resolution must be confirmed by,
 * the survey link when the incident was sampled, the announcement of a known outage).
 *
 * <p>Immutable and thread-safe.
 *
 * @param event the event
 * @param incident the incident after the command
 * @param responseDue when a response is due by the SLA, or empty without an SLA policy
 * @param confirmBy by when the caller must confirm a resolution before it closes by itself, or
 *     empty unless the event resolves the incident
 * @param surveyLink the satisfaction survey's link, when the incident was sampled for one
 * @param knownOutage for a logged incident, the active announcement of a known outage it concerns
 */
public record NotificationSubject(
    IncidentEvent event,
    Incident incident,
    Optional<Instant> responseDue,
    Optional<Instant> confirmBy,
    Optional<String> surveyLink,
    Optional<Announcement> knownOutage) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public NotificationSubject {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(responseDue, "responseDue");
    Objects.requireNonNull(confirmBy, "confirmBy");
    Objects.requireNonNull(surveyLink, "surveyLink");
    Objects.requireNonNull(knownOutage, "knownOutage");
  }
}
