package io.itsm.core.review;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The findings of a draft were recorded (replacing earlier ones): root cause, contributing
 * factors, lessons.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reviewId the review's id
 * @param sequence the event's position in the review's history
 * @param at when
 * @param actor who recorded them
 * @param rootCause the root cause; not blank
 * @param contributingFactors what made it worse or longer; maybe empty
 * @param lessons what was learned; maybe empty
 */
public record ReviewFindingsRecorded(
    String reviewId, long sequence, Instant at, String actor, String rootCause,
    List<String> contributingFactors, List<String> lessons)
    implements ReviewEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1, the root cause is
   *     blank, or a factor or lesson is blank
   */
  public ReviewFindingsRecorded {
    ReviewEvent.check(reviewId, sequence, at, actor);
    Objects.requireNonNull(rootCause, "rootCause");
    contributingFactors = List.copyOf(Objects.requireNonNull(contributingFactors,
        "contributingFactors"));
    lessons = List.copyOf(Objects.requireNonNull(lessons, "lessons"));
    if (rootCause.isBlank()) {
      throw new io.itsm.core.ValidationException("the root cause of review " + reviewId
          + " must not be blank");
    }
    if (contributingFactors.stream().anyMatch(String::isBlank)
        || lessons.stream().anyMatch(String::isBlank)) {
      throw new io.itsm.core.ValidationException("contributing factors and lessons of review "
          + reviewId + " must not be blank lines");
    }
  }
}
