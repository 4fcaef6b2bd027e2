package io.itsm.core.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fields a notification template may use, per event it is written for: {@code
 * {incident.title}}, {@code {responseDue}}, {@code {announcement.workaround}}, ... A template using
 * a field its event does not have is rejected when the templates are loaded.
 *
 * <p>Every incident event has {@link #INCIDENT}; some add their own (a comment's text, an SLA
 * threshold). Announcement events have {@link #ANNOUNCEMENT}. The digest has {@code digest.count}
 * and {@code digest.items}. Every template may use {@code recipient.name}. A field without a value
 * (an unassigned incident's assignee) is written as {@value #ABSENT}.
 *
 * <p>Stateless and thread-safe.
 */
public final class TemplateFields {

  /** What a field without a value is written as. */
  public static final String ABSENT = "-";

  /** The event name of the digest template. */
  public static final String DIGEST = "Digest";

  /** The fields of every incident event. */
  public static final List<String> INCIDENT = List.of("incident.id", "incident.title",
      "incident.status", "incident.priority", "incident.category", "incident.team",
      "incident.assignee", "incident.caller", "incident.openedAt", "event.actor");

  /** The fields of announcement events (and of an incident logged during a known outage). */
  public static final List<String> ANNOUNCEMENT = List.of("announcement.id", "announcement.kind",
      "announcement.title", "announcement.cause", "announcement.impact", "announcement.workaround",
      "announcement.contact", "announcement.start", "announcement.end", "announcement.services",
      "announcement.revision", "announcement.whatChanged", "announcement.note");

  private static final Map<String, List<String>> OWN = new TreeMap<>();

  static {
    for (String e : List.of("IncidentLogged", "Categorized", "Prioritized", "Assigned",
        "ApprovalRequirementDecided", "Tagged", "StatusChanged", "PutOnHold", "Resumed",
        "CommentAdded", "ResolutionProposed", "ApprovalRequested", "ApprovalDecided",
        "ApprovalExpired", "Resolved", "Reopened", "Closed", "Cancelled", "Escalated", "Linked",
        "SlaThresholdReached", "SlaBreached")) {
      OWN.put(e, List.of());
    }
    OWN.put("IncidentLogged", concat(List.of("responseDue"), ANNOUNCEMENT));
    OWN.put("StatusChanged", List.of("status.from", "status.to", "status.reason"));
    OWN.put("PutOnHold", List.of("hold.reason", "hold.note"));
    OWN.put("Resumed", List.of("resume.note"));
    OWN.put("CommentAdded", List.of("comment.text", "comment.author"));
    OWN.put("ResolutionProposed", List.of("resolution.code", "resolution.steps"));
    OWN.put("Resolved", List.of("resolution.code", "resolution.steps", "confirmBy"));
    OWN.put("ApprovalDecided", List.of("approval.verdict", "approval.comment"));
    OWN.put("Reopened", List.of("reopen.reason"));
    OWN.put("Closed", List.of("close.reason", "close.note", "survey.link"));
    OWN.put("Cancelled", List.of("cancel.reason"));
    OWN.put("Escalated", List.of("escalation.kind", "escalation.reason", "escalation.team",
        "escalation.level", "escalation.role"));
    OWN.put("Linked", List.of("link.type", "link.target"));
    OWN.put("SlaThresholdReached", List.of("sla.kind", "sla.percent", "sla.dueAt"));
    OWN.put("SlaBreached", List.of("sla.kind", "sla.dueAt"));
  }

  private static final Set<String> ANNOUNCEMENT_EVENTS =
      Set.of("AnnouncementPublished", "AnnouncementRevised", "AnnouncementEnded");

  private TemplateFields() {}

  private static List<String> concat(List<String> a, List<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  /**
   * Returns the events templates may be written for: every incident event, the announcement events
   * that tell users ({@code AnnouncementPublished}, {@code AnnouncementRevised}, {@code
   * AnnouncementEnded}) and {@value #DIGEST}.
   *
   * @return the event names, sorted
   */
  public static Set<String> events() {
    Set<String> all = new java.util.TreeSet<>(OWN.keySet());
    all.addAll(ANNOUNCEMENT_EVENTS);
    all.add(DIGEST);
    return all;
  }

  /**
   * Returns the fields a template for an event may use.
   *
   * @param event an event name
   * @return the fields, or empty when the event is unknown
   */
  public static Optional<List<String>> of(String event) {
    List<String> fields;
    if (OWN.containsKey(event)) {
      fields = concat(INCIDENT, OWN.get(event));
    } else if (ANNOUNCEMENT_EVENTS.contains(event)) {
      fields = ANNOUNCEMENT;
    } else if (event.equals(DIGEST)) {
      fields = List.of("digest.count", "digest.items");
    } else {
      return Optional.empty();
    }
    return Optional.of(concat(fields, List.of("recipient.name")));
  }
}
