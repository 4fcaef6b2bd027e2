package io.itsm.core.announcement;

import java.time.Instant;
import java.util.Objects;

/**
 * A user gave feedback on the announcement.
 *
 * <p>Immutable and thread-safe.
 *
 * @param announcementId the announcement
 * @param sequence the event's position, from 1
 * @param at when
 * @param actor who
 * @param feedback the feedback
 */
public record FeedbackGiven(String announcementId, long sequence, Instant at, String actor, Feedback feedback)
    implements AnnouncementEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1
   */
  public FeedbackGiven {
    AnnouncementEvent.check(announcementId, sequence, at, actor);
    Objects.requireNonNull(feedback, "feedback");
  }
}
