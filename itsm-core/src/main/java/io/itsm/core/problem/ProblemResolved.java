package io.itsm.core.problem;

import io.itsm.core.improvement.RecordRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The root cause was removed (→ RESOLVED); incidents on hold awaiting the problem resume.
 *
 * <p>Immutable and thread-safe.
 *
 * @param problemId the problem's id
 * @param sequence the event's position in the problem's history
 * @param at when
 * @param actor who resolved it
 * @param resolution what removed the root cause; not blank
 * @param fix the change (or other record) that implemented the fix, if any
 */
public record ProblemResolved(
    String problemId, long sequence, Instant at, String actor, String resolution,
    Optional<RecordRef> fix)
    implements ProblemEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1 or the resolution is
   *     blank
   */
  public ProblemResolved {
    ProblemEvent.check(problemId, sequence, at, actor);
    ProblemEvent.requireText("problem resolution", resolution);
    Objects.requireNonNull(fix, "fix");
  }
}
