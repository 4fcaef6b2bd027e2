package io.itsm.core.announcement;

import io.itsm.core.ValidationException;
import io.itsm.core.approval.Approval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An announcement as stored: its content, the services it reaches (its own and those its items'
 * failure reaches in the CMDB), where it stands, its revisions, approval, feedback and the incidents
 * linked to it. Rebuilt from its events alone ({@link AnnouncementHistory#replay}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id its id, for example {@code ANN-000001}
 * @param content what it says now
 * @param reach the services it reaches, sorted: its own, and (with a CMDB) those its items' failure
 *     reaches
 * @param status where it stands
 * @param revisions every version of the content, oldest first; the last is current
 * @param approval its approval, once submitted
 * @param leadTime the notice a rule required when it was submitted (zero for none)
 * @param createdBy who drafted it
 * @param createdAt when
 * @param updatedAt when it last changed
 * @param publishedAt when it was published
 * @param endedAt when it ended
 * @param feedback users' feedback, oldest first
 * @param linkedIncidents incidents linked to it, in the order linked
 * @param version the number of events in its history
 */
public record Announcement(
    String id,
    AnnouncementContent content,
    List<String> reach,
    AnnouncementStatus status,
    List<AnnouncementRevision> revisions,
    Optional<Approval> approval,
    Duration leadTime,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> publishedAt,
    Optional<Instant> endedAt,
    List<Feedback> feedback,
    List<String> linkedIncidents,
    long version) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the id is blank, there is no revision or the version is below 1
   */
  public Announcement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(content, "content");
    reach = List.copyOf(Objects.requireNonNull(reach, "reach"));
    Objects.requireNonNull(status, "status");
    revisions = List.copyOf(Objects.requireNonNull(revisions, "revisions"));
    Objects.requireNonNull(approval, "approval");
    Objects.requireNonNull(leadTime, "leadTime");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    feedback = List.copyOf(Objects.requireNonNull(feedback, "feedback"));
    linkedIncidents = List.copyOf(Objects.requireNonNull(linkedIncidents, "linkedIncidents"));
    if (id.isBlank()) {
      throw new ValidationException("announcement id must not be blank");
    }
    if (revisions.isEmpty()) {
      throw new ValidationException("announcement " + id + " must have at least one revision");
    }
    if (version < 1) {
      throw new ValidationException("version of announcement " + id + " must be 1 or more, but was " + version);
    }
  }

  /**
   * Returns the number of the current revision.
   *
   * @return from 1
   */
  public int revision() {
    return revisions.get(revisions.size() - 1).number();
  }

  /**
   * Tells whether the announcement is active at an instant: published and its window has started.
   * (A published announcement of a later window is upcoming, not active; it stays active until it
   * is ended, even past its estimated end.)
   *
   * @param at the instant
   * @return whether it is active
   */
  public boolean isActiveAt(Instant at) {
    return status == AnnouncementStatus.PUBLISHED && !at.isBefore(content.window().start());
  }

  /**
   * Tells whether it reaches a service or concerns an item.
   *
   * @param services service ids
   * @param ci an item id, or {@code null}
   * @return whether any service is reached or the item is concerned
   */
  public boolean concerns(java.util.Collection<String> services, String ci) {
    if (ci != null && content.cis().contains(ci)) {
      return true;
    }
    for (String s : services) {
      if (reach.contains(s)) {
        return true;
      }
    }
    return false;
  }

  Announcement with(AnnouncementContent content, List<String> reach, List<AnnouncementRevision> revisions) {
    return new Announcement(id, content, reach, status, revisions, approval, leadTime, createdBy,
        createdAt, updatedAt, publishedAt, endedAt, feedback, linkedIncidents, version);
  }

  Announcement withStatus(AnnouncementStatus status) {
    return new Announcement(id, content, reach, status, revisions, approval, leadTime, createdBy,
        createdAt, updatedAt, publishedAt, endedAt, feedback, linkedIncidents, version);
  }

  Announcement withApproval(Approval approval, Duration leadTime) {
    return new Announcement(id, content, reach, status, revisions, Optional.of(approval), leadTime,
        createdBy, createdAt, updatedAt, publishedAt, endedAt, feedback, linkedIncidents, version);
  }

  Announcement withPublishedAt(Instant at) {
    return new Announcement(id, content, reach, status, revisions, approval, leadTime, createdBy,
        createdAt, updatedAt, Optional.of(at), endedAt, feedback, linkedIncidents, version);
  }

  Announcement withEndedAt(Instant at) {
    return new Announcement(id, content, reach, status, revisions, approval, leadTime, createdBy,
        createdAt, updatedAt, publishedAt, Optional.of(at), feedback, linkedIncidents, version);
  }

  Announcement withFeedback(Feedback f) {
    List<Feedback> all = new ArrayList<>(feedback);
    all.add(f);
    return new Announcement(id, content, reach, status, revisions, approval, leadTime, createdBy,
        createdAt, updatedAt, publishedAt, endedAt, all, linkedIncidents, version);
  }

  Announcement withLinkedIncident(String incidentId) {
    List<String> all = new ArrayList<>(linkedIncidents);
    all.add(incidentId);
    return new Announcement(id, content, reach, status, revisions, approval, leadTime, createdBy,
        createdAt, updatedAt, publishedAt, endedAt, feedback, all, version);
  }

  Announcement touched(Instant at, long version) {
    return new Announcement(id, content, reach, status, revisions, approval, leadTime, createdBy,
        createdAt, at.isBefore(updatedAt) ? updatedAt : at, publishedAt, endedAt, feedback,
        linkedIncidents, version);
  }
}
