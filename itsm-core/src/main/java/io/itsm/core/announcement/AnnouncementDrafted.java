package io.itsm.core.announcement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An announcement was drafted: revision 1.
 *
 * <p>Immutable and thread-safe.
 *
 * @param announcementId the announcement
 * @param sequence the event's position, from 1
 * @param at when
 * @param actor who drafted it
 * @param content what it says
 * @param reach the services it reaches
 */
public record AnnouncementDrafted(String announcementId, long sequence, Instant at, String actor,
    AnnouncementContent content, List<String> reach) implements AnnouncementEvent {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1
   */
  public AnnouncementDrafted {
    AnnouncementEvent.check(announcementId, sequence, at, actor);
    Objects.requireNonNull(content, "content");
    reach = List.copyOf(Objects.requireNonNull(reach, "reach"));
  }
}
