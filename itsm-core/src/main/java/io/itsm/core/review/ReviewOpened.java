package io.itsm.core.review;

import io.itsm.core.event.Provenance;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A review was opened (as a DRAFT), by hand or because a rule required it, with the timeline and
 * impact assembled from its incidents' events.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reviewId the new review's id
 * @param sequence always 1
 * @param at when
 * @param actor who opened it ({@code "system"} when a rule required it)
 * @param title what it is about
 * @param scope the incidents it covers
 * @param requiredBy the rule that required it, if a rule did
 * @param dueAt by when it must be approved, if a rule set it
 * @param timeline the timeline
 * @param impact the impact
 */
public record ReviewOpened(
    String reviewId,
    long sequence,
    Instant at,
    String actor,
    String title,
    ReviewScope scope,
    Optional<Provenance> requiredBy,
    Optional<Instant> dueAt,
    List<TimelineEntry> timeline,
    ReviewImpact impact)
    implements ReviewEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1 or the title is blank
   */
  public ReviewOpened {
    ReviewEvent.check(reviewId, sequence, at, actor);
    Objects.requireNonNull(title, "title");
    if (title.isBlank()) {
      throw new io.itsm.core.ValidationException("review title must not be blank");
    }
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(requiredBy, "requiredBy");
    Objects.requireNonNull(dueAt, "dueAt");
    timeline = List.copyOf(Objects.requireNonNull(timeline, "timeline"));
    Objects.requireNonNull(impact, "impact");
  }
}
