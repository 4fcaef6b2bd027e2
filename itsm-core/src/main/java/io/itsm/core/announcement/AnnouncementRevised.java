package io.itsm.core.announcement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The content changed: a new revision with what changed. A revision of a published announcement
 * whose window now ends later re-notifies its audience.
 *
 * <p>Immutable and thread-safe.
 *
 * @param announcementId the announcement
 * @param sequence the event's position, from 1
 * @param at when
 * @param actor who
 * @param content the new content
 * @param reach the services it now reaches
 * @param revision the new revision's number
 * @param whatChanged what changed, not blank
 * @param windowExtended whether the window now ends later (or its end became unknown)
 */
public record AnnouncementRevised(String announcementId, long sequence, Instant at, String actor,
    AnnouncementContent content, List<String> reach, int revision, String whatChanged,
    boolean windowExtended) implements AnnouncementEvent {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1
   */
  public AnnouncementRevised {
    AnnouncementEvent.check(announcementId, sequence, at, actor);
    Objects.requireNonNull(content, "content");
    reach = List.copyOf(Objects.requireNonNull(reach, "reach"));
    Objects.requireNonNull(whatChanged, "whatChanged");
  }
}
