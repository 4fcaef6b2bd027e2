package io.itsm.core.access;

import io.itsm.core.ItsmException;

/**
 * Thrown when an actor may not do what they asked. The message names the actor, the permission,
 * the incident (when there is one) and what would allow it. Nothing was changed.
 *
 * <p>Immutable.
 */
public class AccessDeniedException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final String actorId;
  private final Permission permission;

  /**
   * Creates the exception.
   *
   * @param actor the actor who was denied
   * @param permission the permission the action needs
   * @param incidentId the incident concerned, or {@code null}
   * @param why what is missing, for example "only members of team network-ops may"
   */
  public AccessDeniedException(Actor actor, Permission permission, String incidentId, String why) {
    super(message(actor, permission, incidentId, why), incidentId, null);
    this.actorId = actor.id();
    this.permission = permission;
  }

  private static String message(Actor actor, Permission permission, String incidentId, String why) {
    return "actor " + actor.id() + " " + Roles.describe(actor) + " is denied " + permission
        + (incidentId == null ? "" : " on incident " + incidentId) + ": " + why;
  }

  /**
   * Returns the id of the actor who was denied.
   *
   * @return the actor id
   */
  public String getActorId() {
    return actorId;
  }

  /**
   * Returns the permission the action needed.
   *
   * @return the permission
   */
  public Permission getPermission() {
    return permission;
  }

  private static final class Roles {
    static String describe(Actor actor) {
      return actor.roles().isEmpty() ? "(no roles)" : actor.roles().stream().sorted().toList().toString();
    }
  }
}
