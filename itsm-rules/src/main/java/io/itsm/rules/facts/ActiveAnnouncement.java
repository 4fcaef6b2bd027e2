package io.itsm.rules.facts;

import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An announcement active when the ticket was opened that concerns the ticket's service or
 * configuration item (directly or, with a CMDB, through the services the item's failure reaches):
 * a known outage. One per matching announcement, when the engine has announcements ({@code
 * TriageEngine.builder().announcements(announcements)}).
 *
 * <pre>
 * rule "Tickets about an announced outage are of low urgency"
 *   ruleflow-group "assess"
 * when
 *   ActiveAnnouncement(kind == AnnouncementKind.UNPLANNED_OUTAGE, $id : id)
 * then
 *   decide.atMost(Urgency.LOW, "known outage " + $id);
 * end
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the announcement's id
 * @param kind its kind
 * @param title its title in its default language
 * @param services the services it reaches
 * @param cis the configuration items it concerns
 * @param start when its window started
 * @param estimatedEnd when it is expected to end, or null
 * @param majorIncidentId the major incident behind it, or null
 */
public record ActiveAnnouncement(
    String id,
    AnnouncementKind kind,
    String title,
    Set<String> services,
    Set<String> cis,
    Instant start,
    Instant estimatedEnd,
    String majorIncidentId) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a required component is null
   */
  public ActiveAnnouncement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    services = Set.copyOf(Objects.requireNonNull(services, "services"));
    cis = Set.copyOf(Objects.requireNonNull(cis, "cis"));
    Objects.requireNonNull(start, "start");
  }

  /**
   * The fact of an announcement.
   *
   * @param a the announcement
   * @return the fact
   */
  public static ActiveAnnouncement of(Announcement a) {
    Objects.requireNonNull(a, "announcement");
    return new ActiveAnnouncement(a.id(), a.content().kind(),
        a.content().text(a.content().defaultLanguage()).title(), Set.copyOf(a.reach()),
        a.content().cis(), a.content().window().start(), a.content().window().estimatedEnd().orElse(null),
        a.content().majorIncidentId().orElse(null));
  }
}
