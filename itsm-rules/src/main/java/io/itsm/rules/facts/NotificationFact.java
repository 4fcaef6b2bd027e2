package io.itsm.rules.facts;

import io.itsm.core.access.Role;
import io.itsm.core.event.CloseReason;
import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.Closed;
import io.itsm.core.event.Escalated;
import io.itsm.core.event.EscalationKind;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.PutOnHold;
import io.itsm.core.event.SlaBreached;
import io.itsm.core.event.SlaKind;
import io.itsm.core.event.SlaThresholdReached;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.notification.NotificationSubject;
import java.time.Instant;
import java.util.Objects;

/**
 * The read-only view of an incident event that notification rules ({@code notify.drl}) match, one
 * per decision, flattened so DRL constraints compare plain values: {@code
 * NotificationFact(eventType == "CommentAdded", visibility == Visibility.PUBLIC, !actorIsCaller)}.
 * Values that do not apply to the event are {@code null} (or 0).
 *
 * <p>Immutable and thread-safe.
 *
 * @param eventType the event's type, for example {@code "Resolved"}
 * @param actor who caused it
 * @param actorIsCaller whether that is the incident's caller
 * @param incidentId the incident
 * @param status its status after the command
 * @param priority its priority, or null
 * @param category its category, or null
 * @param team its team, or null
 * @param supportLevel its support level, or null
 * @param assignee its assignee, or null
 * @param callerId its caller, or null
 * @param visibility a comment's visibility, or null
 * @param holdReason what an on-hold incident waits for, or null
 * @param escalationKind an escalation's kind, or null
 * @param escalatedToTeam a functional escalation's team, or null
 * @param notifiedRole a hierarchical escalation's role, or null
 * @param slaKind an SLA event's clock, or null
 * @param slaPercent an SLA threshold's percent (100 for a breach), or 0
 * @param closeReason why it closed, or null
 * @param surveyLink the survey link of a closed incident sampled for a survey, or null
 * @param knownOutage for a logged incident, the id of the active announcement it concerns, or null
 * @param responseDue for a logged incident, when a response is due, or null
 */
public record NotificationFact(
    String eventType,
    String actor,
    boolean actorIsCaller,
    String incidentId,
    Status status,
    Priority priority,
    String category,
    String team,
    SupportLevel supportLevel,
    String assignee,
    String callerId,
    Visibility visibility,
    OnHoldReason holdReason,
    EscalationKind escalationKind,
    String escalatedToTeam,
    Role notifiedRole,
    SlaKind slaKind,
    int slaPercent,
    CloseReason closeReason,
    String surveyLink,
    String knownOutage,
    Instant responseDue) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if eventType, actor, incidentId or status is null
   */
  public NotificationFact {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(status, "status");
  }

  /**
   * The view of an event.
   *
   * @param s the event, the incident and what the desk knows besides
   * @return the fact
   */
  public static NotificationFact of(NotificationSubject s) {
    IncidentEvent e = s.event();
    Incident inc = s.incident();
    Visibility visibility = e instanceof CommentAdded c ? c.visibility() : null;
    OnHoldReason hold = e instanceof PutOnHold h ? h.reason() : null;
    EscalationKind kind = null;
    String toTeam = null;
    Role role = null;
    if (e instanceof Escalated x) {
      kind = x.kind();
      toTeam = x.assignment().map(a -> a.team()).orElse(null);
      role = x.notified().orElse(null);
    }
    SlaKind sla = null;
    int percent = 0;
    if (e instanceof SlaThresholdReached t) {
      sla = t.kind();
      percent = t.percent();
    } else if (e instanceof SlaBreached b) {
      sla = b.kind();
      percent = 100;
    }
    return new NotificationFact(e.type(), e.actor(), inc.isCalledBy(e.actor()), inc.id(), inc.status(),
        inc.priority().orElse(null), inc.category().orElse(null), inc.team().orElse(null),
        inc.assignment().map(a -> a.level()).orElse(null),
        inc.assignment().flatMap(a -> a.assignee()).orElse(null),
        inc.caller().map(c -> c.id()).orElse(null), visibility, hold, kind, toTeam, role, sla, percent,
        e instanceof Closed c ? c.closeReason() : null, s.surveyLink().orElse(null),
        s.knownOutage().map(a -> a.id()).orElse(null), s.responseDue().orElse(null));
  }
}
