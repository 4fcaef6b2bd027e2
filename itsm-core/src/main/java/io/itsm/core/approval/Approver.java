package io.itsm.core.approval;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import java.util.Objects;

/**
 * Who may decide a stage of an {@link Approval}: a named {@link User user} or {@link RoleHolder
 * anyone holding a role}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface Approver permits Approver.User, Approver.RoleHolder {

  /**
   * An approver who is one named user.
   *
   * @param userId the user's id, compared with {@link Actor#id()}
   * @return the approver
   * @throws NullPointerException if {@code userId} is null
   * @throws ValidationException if {@code userId} is blank
   */
  static Approver user(String userId) {
    return new User(userId);
  }

  /**
   * An approver who is anyone holding a role.
   *
   * @param role the role
   * @return the approver
   * @throws NullPointerException if {@code role} is null
   */
  static Approver role(Role role) {
    return new RoleHolder(role);
  }

  /**
   * Tells whether an actor is this approver: has the user id, or holds the role.
   *
   * @param actor the actor
   * @return {@code true} if the actor may act as this approver
   * @throws NullPointerException if {@code actor} is null
   */
  boolean matches(Actor actor);

  /**
   * A named user. {@link #toString()} is {@code "user:<id>"}.
   *
   * <p>Immutable and thread-safe.
   *
   * @param userId the user's id; not blank
   */
  record User(String userId) implements Approver {

    /**
     * Validates the user id.
     *
     * @throws NullPointerException if {@code userId} is null
     * @throws ValidationException if {@code userId} is blank
     */
    public User {
      Objects.requireNonNull(userId, "userId");
      if (userId.isBlank()) {
        throw new ValidationException(
            "approver user id must not be blank, but was '" + userId + "'");
      }
    }

    /**
     * Tells whether the actor's id is this user's id.
     *
     * @param actor the actor
     * @return {@code true} if {@code actor.id()} equals {@link #userId()}
     * @throws NullPointerException if {@code actor} is null
     */
    @Override
    public boolean matches(Actor actor) {
      return Objects.requireNonNull(actor, "actor").id().equals(userId);
    }

    /**
     * Returns {@code "user:<id>"}, as used in error messages.
     *
     * @return the description
     */
    @Override
    public String toString() {
      return "user:" + userId;
    }
  }

  /**
   * Anyone holding a role. {@link #toString()} is {@code "role:<ROLE>"}.
   *
   * <p>Immutable and thread-safe.
   *
   * @param role the role an actor must hold
   */
  record RoleHolder(Role role) implements Approver {

    /**
     * Validates the role.
     *
     * @throws NullPointerException if {@code role} is null
     */
    public RoleHolder {
      Objects.requireNonNull(role, "role");
    }

    /**
     * Tells whether the actor holds this role (exactly; no role implies another).
     *
     * @param actor the actor
     * @return {@code true} if {@code actor.hasRole(role())}
     * @throws NullPointerException if {@code actor} is null
     */
    @Override
    public boolean matches(Actor actor) {
      return Objects.requireNonNull(actor, "actor").hasRole(role);
    }

    /**
     * Returns {@code "role:<ROLE>"}, as used in error messages.
     *
     * @return the description
     */
    @Override
    public String toString() {
      return "role:" + role;
    }
  }
}
