package io.itsm.core.access;

import io.itsm.core.ValidationException;
import java.util.Objects;
import java.util.Set;

/**
 * Someone (or something) that acts on the desk: a person with roles and team memberships, or the
 * desk itself for automatic actions ({@link #system()}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the actor's unique id, for example a user name; not blank
 * @param roles the actor's roles; may be empty (then the actor may do nothing)
 * @param teams the assignment groups the actor belongs to, for example {@code "network-ops"}
 */
public record Actor(String id, Set<Role> roles, Set<String> teams) {

  /** The id of the desk's own actor, used for automatic actions such as auto-close. */
  public static final String SYSTEM_ID = "system";

  private static final Actor SYSTEM = new Actor(SYSTEM_ID, Set.of(Role.ADMIN), Set.of());

  /**
   * Validates and copies the components.
   *
   * @throws ValidationException if {@code id} is blank or a team name is blank
   * @throws NullPointerException if any component is null
   */
  public Actor {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new ValidationException("actor id must not be blank, but was '" + id + "'");
    }
    roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
    teams = Set.copyOf(Objects.requireNonNull(teams, "teams"));
    for (String team : teams) {
      if (team.isBlank()) {
        throw new ValidationException("actor " + id + ": team names must not be blank");
      }
    }
  }

  /**
   * An end user, who may log incidents and follow their own.
   *
   * @param id the user's id
   * @return the actor
   */
  public static Actor endUser(String id) {
    return new Actor(id, Set.of(Role.END_USER), Set.of());
  }

  /**
   * A member of one or more teams with one role.
   *
   * @param id the actor's id
   * @param role the role
   * @param teams the teams the actor belongs to
   * @return the actor
   */
  public static Actor of(String id, Role role, String... teams) {
    return new Actor(id, Set.of(role), Set.of(teams));
  }

  /**
   * The desk itself, acting automatically (auto-close, SLA escalations). It holds {@link
   * Role#ADMIN}.
   *
   * @return the system actor
   */
  public static Actor system() {
    return SYSTEM;
  }

  /**
   * Tells whether the actor has a role.
   *
   * @param role the role
   * @return {@code true} if the actor has it
   */
  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  /**
   * Tells whether the actor belongs to a team.
   *
   * @param team the team name
   * @return {@code true} if the actor is a member
   */
  public boolean isMemberOf(String team) {
    return teams.contains(team);
  }
}
