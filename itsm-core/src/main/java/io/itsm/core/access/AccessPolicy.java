package io.itsm.core.access;

import io.itsm.core.incident.Incident;
import java.util.Optional;

/**
 * Decides whether an actor may do something, optionally on an incident. {@link
 * io.itsm.core.ServiceDesk} asks it before every command and query.
 *
 * <p>Implementations must be thread-safe. The default is {@link RoleBasedAccessPolicy#defaults()}.
 */
@FunctionalInterface
public interface AccessPolicy {

  /**
   * Checks a permission.
   *
   * @param actor who acts
   * @param permission what the action needs: the general form ({@link Permission#VIEW_ALL},
   *     {@link Permission#COMMENT}, {@link Permission#CANCEL}, {@link
   *     Permission#CONFIRM_ON_BEHALF}, {@link Permission#WORK}); a policy may grant it through the
   *     matching {@code _OWN} permission when the actor is the incident's caller
   * @param incident the incident concerned, or empty for actions on none (such as logging)
   * @throws AccessDeniedException naming actor, permission, incident and what is missing
   */
  void check(Actor actor, Permission permission, Optional<Incident> incident);

  /**
   * Tells whether an action would be allowed, without throwing.
   *
   * @param actor who acts
   * @param permission what the action needs
   * @param incident the incident concerned, or empty
   * @return {@code true} if {@link #check} would pass
   */
  default boolean permits(Actor actor, Permission permission, Optional<Incident> incident) {
    try {
      check(actor, permission, incident);
      return true;
    } catch (AccessDeniedException e) {
      return false;
    }
  }
}
