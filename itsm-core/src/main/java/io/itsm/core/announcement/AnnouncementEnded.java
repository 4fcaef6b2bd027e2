package io.itsm.core.announcement;

import java.time.Instant;
import java.util.Objects;

/**
 * The announced event is over: PUBLISHED → ENDED; users are told.
 *
 * <p>Immutable and thread-safe.
 *
 * @param announcementId the announcement
 * @param sequence the event's position, from 1
 * @param at when
 * @param actor who
 * @param note what to tell users (the outcome), maybe empty
 */
public record AnnouncementEnded(String announcementId, long sequence, Instant at, String actor, String note)
    implements AnnouncementEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1
   */
  public AnnouncementEnded {
    AnnouncementEvent.check(announcementId, sequence, at, actor);
    Objects.requireNonNull(note, "note");
  }
}
