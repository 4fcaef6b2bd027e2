package io.itsm.core.repository;

import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Status;
import java.util.Objects;
import java.util.Optional;

/**
 * Criteria for finding incidents with {@link io.itsm.core.ServiceDesk#find} or {@link
 * IncidentRepository#find(IncidentQuery)}. Start from {@link #all()}, which matches every
 * incident, and narrow it with the {@code withX} methods; every criterion given must match (AND).
 *
 * <pre>{@code
 * List<Incident> mine = desk.find(agent,
 *     IncidentQuery.all().withStatus(Status.IN_PROGRESS).withTeam("network-ops").withAssignee("a-nils"));
 * }</pre>
 *
 * <h2>Criteria</h2>
 *
 * <table>
 *   <caption>What each criterion matches</caption>
 *   <tr><th>criterion</th><th>matches an incident whose</th></tr>
 *   <tr><td>{@link #withStatus status}</td><td>{@link Incident#status()} is that status</td></tr>
 *   <tr><td>{@link #withTeam team}</td><td>assignment group ({@link Incident#team()}) equals it;
 *       never an unassigned incident</td></tr>
 *   <tr><td>{@link #withAssignee assignee}</td><td>assignment names that person; never an
 *       incident assigned to a team only</td></tr>
 *   <tr><td>{@link #withCaller caller}</td><td>caller's id equals it ({@link
 *       Incident#isCalledBy}); never an incident without caller</td></tr>
 *   <tr><td>{@link #withExternalId externalId}</td><td>id in the system the ticket came from
 *       ({@link Incident#externalId()}) equals it</td></tr>
 * </table>
 *
 * <p>Strings compare exactly (case matters, no wildcards). Calling the same {@code withX} twice
 * keeps the last value. Each criterion matches the incident's <em>current</em> state, not its
 * history.
 *
 * <p><b>Order and size.</b> Results are ordered by incident id, ascending ({@link
 * String#compareTo}: {@code INC-000002} before {@code INC-000010} with the desk's default ids).
 * There is no paging: every match is returned, so narrow the query on a large store. {@link
 * io.itsm.core.ServiceDesk#find} then keeps only the incidents the actor may see (an end user:
 * their own), in the same order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param status the status, or empty for any
 * @param team the assignment group, or empty for any
 * @param assignee the assignee's id, or empty for any
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
   * @throws NullPointerException if {@code status} is null
   */
  public IncidentQuery withStatus(Status status) {
    Objects.requireNonNull(status, "status");
    return new IncidentQuery(Optional.of(status), team, assignee, callerId, externalId);
  }

  /**
   * Returns a copy that also requires an assignment group.
   *
   * @param team the team
   * @return the query
   * @throws NullPointerException if {@code team} is null
   */
  public IncidentQuery withTeam(String team) {
    Objects.requireNonNull(team, "team");
    return new IncidentQuery(status, Optional.of(team), assignee, callerId, externalId);
  }

  /**
   * Returns a copy that also requires an assignee.
   *
   * @param assignee the assignee's id
   * @return the query
   * @throws NullPointerException if {@code assignee} is null
   */
  public IncidentQuery withAssignee(String assignee) {
    Objects.requireNonNull(assignee, "assignee");
    return new IncidentQuery(status, team, Optional.of(assignee), callerId, externalId);
  }

  /**
   * Returns a copy that also requires a caller.
   *
   * @param callerId the caller's id
   * @return the query
   * @throws NullPointerException if {@code callerId} is null
   */
  public IncidentQuery withCaller(String callerId) {
    Objects.requireNonNull(callerId, "callerId");
    return new IncidentQuery(status, team, assignee, Optional.of(callerId), externalId);
  }

  /**
   * Returns a copy that also requires an external id.
   *
   * @param externalId the id in the source system
   * @return the query
   * @throws NullPointerException if {@code externalId} is null
   */
  public IncidentQuery withExternalId(String externalId) {
    Objects.requireNonNull(externalId, "externalId");
    return new IncidentQuery(status, team, assignee, callerId, Optional.of(externalId));
  }

  /**
   * Tells whether an incident matches.
   *
   * @param incident the incident
   * @return {@code true} if every criterion given matches
   * @throws NullPointerException if {@code incident} is null
   */
  public boolean matches(Incident incident) {
    Objects.requireNonNull(incident, "incident");
    return status.map(s -> incident.status() == s).orElse(true)
        && team.map(t -> incident.team().map(t::equals).orElse(false)).orElse(true)
        && assignee.map(a -> incident.assignment().flatMap(x -> x.assignee()).map(a::equals)
            .orElse(false)).orElse(true)
        && callerId.map(incident::isCalledBy).orElse(true)
        && externalId.map(e -> incident.externalId().map(e::equals).orElse(false)).orElse(true);
  }
}
