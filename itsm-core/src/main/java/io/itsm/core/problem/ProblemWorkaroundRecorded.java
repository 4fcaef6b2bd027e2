package io.itsm.core.problem;

import java.time.Instant;

/**
 * A workaround was found (or revised): how to restore service while the root cause remains.
 *
 * <p>Immutable and thread-safe.
 *
 * @param problemId the problem's id
 * @param sequence the event's position in the problem's history
 * @param at when
 * @param actor who recorded it
 * @param workaround the workaround; not blank
 */
public record ProblemWorkaroundRecorded(
    String problemId, long sequence, Instant at, String actor, String workaround)
    implements ProblemEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1 or the text is blank
   */
  public ProblemWorkaroundRecorded {
    ProblemEvent.check(problemId, sequence, at, actor);
    ProblemEvent.requireText("workaround", workaround);
  }
}
