package io.itsm.core.problem;

import java.time.Instant;

/**
 * Investigation started: NEW → UNDER_INVESTIGATION, with the person who owns it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param problemId the problem's id
 * @param sequence the event's position in the problem's history
 * @param at when
 * @param actor who started it
 * @param owner who investigates; not blank
 */
public record ProblemInvestigationStarted(
    String problemId, long sequence, Instant at, String actor, String owner)
    implements ProblemEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1 or the owner is blank
   */
  public ProblemInvestigationStarted {
    ProblemEvent.check(problemId, sequence, at, actor);
    ProblemEvent.requireText("problem owner", owner);
  }
}
