package io.itsm.core.problem;

import java.time.Instant;
import java.util.Objects;

/**
 * The problem was closed: after its resolution, or without one (not a problem, a duplicate,
 * accepted as a known error), which the note explains.
 *
 * <p>Immutable and thread-safe.
 *
 * @param problemId the problem's id
 * @param sequence the event's position in the problem's history
 * @param at when
 * @param actor who closed it
 * @param note why; may be empty after a resolution
 */
public record ProblemClosed(String problemId, long sequence, Instant at, String actor, String note)
    implements ProblemEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public ProblemClosed {
    ProblemEvent.check(problemId, sequence, at, actor);
    Objects.requireNonNull(note, "note");
  }
}
