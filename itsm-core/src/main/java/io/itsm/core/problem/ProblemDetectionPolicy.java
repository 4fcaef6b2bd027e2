package io.itsm.core.problem;

import io.itsm.core.incident.Incident;
import java.time.Duration;
import java.util.List;

/**
 * Proposes a problem when incidents recur: asked for each new incident with the incidents logged
 * within {@link #lookBack()} before it. The default rules are DRL ({@code RecurrenceEngine} of
 * itsm-rules, {@code problem.drl}): N incidents with the same category, service or configuration
 * item (or similar text, by {@code SimilarIncidents}) within T days.
 *
 * <p>{@link Problems} turns each proposal into a new problem, unless an open problem already
 * explains one of the proposal's other incidents: then the new incident is linked to that one.
 *
 * <p>Implementations must be thread-safe and free of side effects.
 */
public interface ProblemDetectionPolicy {

  /** How far back the default policy looks: 30 days. */
  Duration DEFAULT_LOOK_BACK = Duration.ofDays(30);

  /**
   * Proposes problems.
   *
   * @param incident the new incident (as triaged)
   * @param recent the incidents logged within {@link #lookBack()} before it, oldest first (not
   *     the new one)
   * @return the proposals, maybe empty, never null
   */
  List<ProblemProposal> propose(Incident incident, List<Incident> recent);

  /**
   * Returns how far back the recent incidents reach.
   *
   * @return a positive duration; default {@link #DEFAULT_LOOK_BACK}
   */
  default Duration lookBack() {
    return DEFAULT_LOOK_BACK;
  }

  /**
   * A policy that never proposes.
   *
   * @return the policy
   */
  static ProblemDetectionPolicy none() {
    return (incident, recent) -> List.of();
  }
}
