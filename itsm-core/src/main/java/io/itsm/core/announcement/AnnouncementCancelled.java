package io.itsm.core.announcement;

import java.time.Instant;
import java.util.Objects;

/**
 * An announcement was withdrawn before publishing.
 *
 * <p>Immutable and thread-safe.
 *
 * @param announcementId the announcement
 * @param sequence the event's position, from 1
 * @param at when
 * @param actor who
 * @param reason why
 */
public record AnnouncementCancelled(String announcementId, long sequence, Instant at, String actor, String reason)
    implements AnnouncementEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1
   */
  public AnnouncementCancelled {
    AnnouncementEvent.check(announcementId, sequence, at, actor);
    Objects.requireNonNull(reason, "reason");
  }
}
