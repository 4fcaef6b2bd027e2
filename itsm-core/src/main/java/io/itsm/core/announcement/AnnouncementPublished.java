package io.itsm.core.announcement;

import java.time.Instant;

/**
 * An approved announcement was published: users see it and are told through its channels.
 *
 * <p>Immutable and thread-safe.
 *
 * @param announcementId the announcement
 * @param sequence the event's position, from 1
 * @param at when
 * @param actor who
 */
public record AnnouncementPublished(String announcementId, long sequence, Instant at, String actor)
    implements AnnouncementEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1
   */
  public AnnouncementPublished {
    AnnouncementEvent.check(announcementId, sequence, at, actor);
  }
}
