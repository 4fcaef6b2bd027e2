package io.itsm.core.problem;

import io.itsm.core.event.Provenance;
import java.time.Instant;
import java.util.Objects;

/**
 * One more incident is explained by the problem (linked by hand, or by a rule when it recurred).
 *
 * <p>Immutable and thread-safe.
 *
 * @param problemId the problem's id
 * @param sequence the event's position in the problem's history
 * @param at when
 * @param actor who linked it
 * @param incidentId the incident
 * @param decidedBy a person by hand, or the rule that saw it recur
 */
public record ProblemIncidentLinked(
    String problemId, long sequence, Instant at, String actor, String incidentId,
    Provenance decidedBy)
    implements ProblemEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1 or the incident id is
   *     blank
   */
  public ProblemIncidentLinked {
    ProblemEvent.check(problemId, sequence, at, actor);
    ProblemEvent.requireText("incidentId", incidentId);
    Objects.requireNonNull(decidedBy, "decidedBy");
  }
}
