package io.itsm.core.problem;

import java.time.Instant;

/**
 * The root cause was found (or its statement revised).
 *
 * <p>Immutable and thread-safe.
 *
 * @param problemId the problem's id
 * @param sequence the event's position in the problem's history
 * @param at when
 * @param actor who recorded it
 * @param rootCause the root cause; not blank
 */
public record ProblemRootCauseRecorded(
    String problemId, long sequence, Instant at, String actor, String rootCause)
    implements ProblemEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1 or the text is blank
   */
  public ProblemRootCauseRecorded {
    ProblemEvent.check(problemId, sequence, at, actor);
    ProblemEvent.requireText("root cause", rootCause);
  }
}
