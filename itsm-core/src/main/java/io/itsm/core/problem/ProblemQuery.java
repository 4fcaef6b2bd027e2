package io.itsm.core.problem;

import java.util.Objects;
import java.util.Optional;

/**
 * Criteria for finding problems; start from {@link #all()} and narrow with the {@code withX}
 * methods (every criterion given must match). Results are ordered by problem id.
 *
 * <p>Immutable and thread-safe.
 *
 * @param status the status, or empty for any
 * @param incidentId an incident the problem explains, or empty for any
 * @param open whether only open problems (NEW, UNDER_INVESTIGATION, KNOWN_ERROR) match
 */
public record ProblemQuery(Optional<ProblemStatus> status, Optional<String> incidentId,
    boolean open) {

  private static final ProblemQuery ALL =
      new ProblemQuery(Optional.empty(), Optional.empty(), false);

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ProblemQuery {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(incidentId, "incidentId");
  }

  /**
   * Returns the query that matches every problem.
   *
   * @return the query
   */
  public static ProblemQuery all() {
    return ALL;
  }

  /**
   * Returns a copy that also requires a status.
   *
   * @param status the status
   * @return the query
   */
  public ProblemQuery withStatus(ProblemStatus status) {
    return new ProblemQuery(Optional.of(status), incidentId, open);
  }

  /**
   * Returns a copy that also requires the problem to explain an incident.
   *
   * @param incidentId the incident's id
   * @return the query
   */
  public ProblemQuery withIncident(String incidentId) {
    return new ProblemQuery(status, Optional.of(incidentId), open);
  }

  /**
   * Returns a copy that matches open problems only.
   *
   * @return the query
   */
  public ProblemQuery withOpenOnly() {
    return new ProblemQuery(status, incidentId, true);
  }

  /**
   * Tells whether a problem matches.
   *
   * @param p the problem
   * @return {@code true} if every criterion given matches
   */
  public boolean matches(Problem p) {
    return status.map(s -> s == p.status()).orElse(true)
        && incidentId.map(p::explains).orElse(true)
        && (!open || p.status().isOpen());
  }
}
