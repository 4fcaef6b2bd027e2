package io.itsm.core.repository;

import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Status;
import java.util.Objects;
import java.util.Optional;

/**
 * Criteria for finding incidents; every criterion given must match. {@link #all()} matches every
 * incident.
 *
 * <pre>{@code
 * IncidentQuery.all().withStatus(Status.IN_PROGRESS).withTeam("network-ops")
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param status the status, or empty for any
 * @param team the assignment group, or empty for any
 * @param assignee the assignee, or empty for any
 * @param callerId the caller's id, or empty for any
 * @param externalId the external id, or empty for any
 */
public record IncidentQuery(
    Optional<Status> status,
    Optional<String> team,
    Optional<String> assignee,
    Optional<String> callerId,
    Optional<String> externalId) {

  private static final IncidentQuery ALL =
      new IncidentQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty());

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public IncidentQuery {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(assignee, "assignee");
    Objects.requireNonNull(callerId, "callerId");
    Objects.requireNonNull(externalId, "externalId");
  }

  /**
   * Returns the query that matches every incident.
   *
   * @return the query
   */
  public static IncidentQuery all() {
    return ALL;
  }

  /**
   * Returns a copy that also requires a status.
   *
   * @param status the status
   * @return the query
   */
  public IncidentQuery withStatus(Status status) {
    return new IncidentQuery(Optional.of(status), team, assignee, callerId, externalId);
  }

  /**
   * Returns a copy that also requires an assignment group.
   *
   * @param team the team
   * @return the query
   */
  public IncidentQuery withTeam(String team) {
    return new IncidentQuery(status, Optional.of(team), assignee, callerId, externalId);
  }

  /**
   * Returns a copy that also requires an assignee.
   *
   * @param assignee the assignee's id
   * @return the query
   */
  public IncidentQuery withAssignee(String assignee) {
    return new IncidentQuery(status, team, Optional.of(assignee), callerId, externalId);
  }

  /**
   * Returns a copy that also requires a caller.
   *
   * @param callerId the caller's id
   * @return the query
   */
  public IncidentQuery withCaller(String callerId) {
    return new IncidentQuery(status, team, assignee, Optional.of(callerId), externalId);
  }

  /**
   * Returns a copy that also requires an external id.
   *
   * @param externalId the id in the source system
   * @return the query
   */
  public IncidentQuery withExternalId(String externalId) {
    return new IncidentQuery(status, team, assignee, callerId, Optional.of(externalId));
  }

  /**
   * Tells whether an incident matches.
   *
   * @param incident the incident
   * @return {@code true} if every criterion given matches
   */
  public boolean matches(Incident incident) {
    return status.map(s -> incident.status() == s).orElse(true)
        && team.map(t -> incident.team().map(t::equals).orElse(false)).orElse(true)
        && assignee.map(a -> incident.assignment().flatMap(x -> x.assignee()).map(a::equals)
            .orElse(false)).orElse(true)
        && callerId.map(incident::isCalledBy).orElse(true)
        && externalId.map(e -> incident.externalId().map(e::equals).orElse(false)).orElse(true);
  }
}
