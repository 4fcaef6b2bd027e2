package io.itsm.core.notification.internal;

import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementText;
import io.itsm.core.event.ApprovalDecided;
import io.itsm.core.event.Cancelled;
import io.itsm.core.event.Closed;
import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.Escalated;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.Linked;
import io.itsm.core.event.PutOnHold;
import io.itsm.core.event.Reopened;
import io.itsm.core.event.ResolutionProposed;
import io.itsm.core.event.Resolved;
import io.itsm.core.event.Resumed;
import io.itsm.core.event.SlaBreached;
import io.itsm.core.event.SlaThresholdReached;
import io.itsm.core.event.StatusChanged;
import io.itsm.core.incident.Incident;
import io.itsm.core.notification.NotificationSubject;
import io.itsm.core.notification.Recipient;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * The values of the template fields ({@link io.itsm.core.notification.TemplateFields}) for one
 * event and one recipient. Times are written {@code 2026-11-23 09:00 Europe/Stockholm}: incident
 * times in the recipient's zone, an announcement's window in the announcement's zone.
 *
 * <p>Stateless and thread-safe.
 */
public final class Values {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm VV");

  private Values() {}

  /**
   * Formats an instant in a zone.
   *
   * @param at the instant
   * @param zone the zone
   * @return for example {@code 2026-11-23 09:00 Europe/Stockholm}
   */
  public static String time(Instant at, ZoneId zone) {
    return TIME.format(at.atZone(zone));
  }

  /**
   * The values for an incident event.
   *
   * @param s the subject
   * @param r the recipient
   * @param language the language of the message (for a known outage's announcement text)
   * @return field → value; absent values are missing
   */
  public static Map<String, String> forIncident(NotificationSubject s, Recipient r, String language) {
    Map<String, String> v = new HashMap<>();
    Incident inc = s.incident();
    IncidentEvent e = s.event();
    ZoneId zone = r.zone();
    v.put("recipient.name", r.name());
    v.put("incident.id", inc.id());
    v.put("incident.title", inc.title());
    v.put("incident.status", inc.status().name());
    inc.priority().ifPresent(p -> v.put("incident.priority", p.name()));
    inc.category().ifPresent(c -> v.put("incident.category", c));
    inc.team().ifPresent(t -> v.put("incident.team", t));
    inc.assignment().flatMap(a -> a.assignee()).ifPresent(a -> v.put("incident.assignee", a));
    inc.caller().ifPresent(c -> v.put("incident.caller", c.name().orElse(c.id())));
    v.put("incident.openedAt", time(inc.openedAt(), zone));
    v.put("event.actor", e.actor());
    s.responseDue().ifPresent(t -> v.put("responseDue", time(t, zone)));
    s.confirmBy().ifPresent(t -> v.put("confirmBy", time(t, zone)));
    s.surveyLink().ifPresent(l -> v.put("survey.link", l));
    s.knownOutage().ifPresent(a -> v.putAll(forAnnouncement(a, language, "")));
    if (e instanceof StatusChanged x) {
      v.put("status.from", x.from().name());
      v.put("status.to", x.to().name());
      v.put("status.reason", x.reason());
    } else if (e instanceof PutOnHold x) {
      v.put("hold.reason", x.reason().name());
      v.put("hold.note", x.note());
    } else if (e instanceof Resumed x) {
      v.put("resume.note", x.note());
    } else if (e instanceof CommentAdded x) {
      v.put("comment.text", x.text());
      v.put("comment.author", x.actor());
    } else if (e instanceof ResolutionProposed x) {
      v.put("resolution.code", x.resolution().code());
      v.put("resolution.steps", x.resolution().steps());
    } else if (e instanceof Resolved x) {
      v.put("resolution.code", x.resolution().code());
      v.put("resolution.steps", x.resolution().steps());
    } else if (e instanceof ApprovalDecided x) {
      v.put("approval.verdict", x.verdict().name());
      v.put("approval.comment", x.comment());
    } else if (e instanceof Reopened x) {
      v.put("reopen.reason", x.reason());
    } else if (e instanceof Closed x) {
      v.put("close.reason", x.closeReason().name());
      v.put("close.note", x.note());
    } else if (e instanceof Cancelled x) {
      v.put("cancel.reason", x.reason());
    } else if (e instanceof Escalated x) {
      v.put("escalation.kind", x.kind().name());
      v.put("escalation.reason", x.reason());
      x.assignment().ifPresent(a -> {
        v.put("escalation.team", a.team());
        v.put("escalation.level", a.level().name());
      });
      x.notified().ifPresent(role -> v.put("escalation.role", role.name()));
    } else if (e instanceof Linked x) {
      v.put("link.type", x.link().type().name());
      v.put("link.target", x.link().targetId());
    } else if (e instanceof SlaThresholdReached x) {
      v.put("sla.kind", x.kind().name());
      v.put("sla.percent", Integer.toString(x.percent()));
      v.put("sla.dueAt", time(x.dueAt(), zone));
    } else if (e instanceof SlaBreached x) {
      v.put("sla.kind", x.kind().name());
      v.put("sla.dueAt", time(x.dueAt(), zone));
    }
    return v;
  }

  /**
   * The values for an announcement, in a language (falling back to the announcement's default).
   *
   * @param a the announcement
   * @param language the language
   * @param note the note of an ended announcement, or empty
   * @return field → value
   */
  public static Map<String, String> forAnnouncement(Announcement a, String language, String note) {
    Map<String, String> v = new HashMap<>();
    AnnouncementText t = a.content().text(language);
    ZoneId zone = a.content().window().zone();
    v.put("announcement.id", a.id());
    v.put("announcement.kind", a.content().kind().name());
    v.put("announcement.title", t.title());
    v.put("announcement.cause", t.cause());
    v.put("announcement.impact", t.expectedImpact());
    v.put("announcement.workaround", t.workaround());
    v.put("announcement.contact", a.content().contact());
    v.put("announcement.start", time(a.content().window().start(), zone));
    a.content().window().estimatedEnd().ifPresent(e -> v.put("announcement.end", time(e, zone)));
    v.put("announcement.services", String.join(", ", a.reach().isEmpty() ? a.content().services() : a.reach()));
    v.put("announcement.revision", Integer.toString(a.revision()));
    v.put("announcement.whatChanged", a.revisions().get(a.revisions().size() - 1).whatChanged());
    v.put("announcement.note", note);
    return v;
  }
}
