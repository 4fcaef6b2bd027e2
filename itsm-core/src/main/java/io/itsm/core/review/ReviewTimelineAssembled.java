package io.itsm.core.review;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The timeline and impact of a draft were assembled again from the incidents' current events
 * (after they changed since the review was opened).
 *
 * <p>Immutable and thread-safe.
 *
 * @param reviewId the review's id
 * @param sequence the event's position in the review's history
 * @param at when
 * @param actor who asked for it
 * @param timeline the new timeline
 * @param impact the new impact
 */
public record ReviewTimelineAssembled(
    String reviewId, long sequence, Instant at, String actor, List<TimelineEntry> timeline,
    ReviewImpact impact)
    implements ReviewEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public ReviewTimelineAssembled {
    ReviewEvent.check(reviewId, sequence, at, actor);
    timeline = List.copyOf(Objects.requireNonNull(timeline, "timeline"));
    Objects.requireNonNull(impact, "impact");
  }
}
