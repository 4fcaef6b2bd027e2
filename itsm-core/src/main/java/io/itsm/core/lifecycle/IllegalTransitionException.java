package io.itsm.core.lifecycle;

import io.itsm.core.ItsmException;
import io.itsm.core.incident.Status;
import java.util.Set;

/**
 * Thrown when a command is not legal in an incident's current state. The message names the
 * incident, its state, the command, and the commands that are legal there. The incident is
 * unchanged.
 *
 * <p>Immutable.
 */
public class IllegalTransitionException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final Status status;
  private final Command command;
  private final Set<Command> allowed;

  /**
   * Creates the exception.
   *
   * @param incidentId the incident
   * @param status its current state
   * @param command the rejected command
   * @param allowed the commands legal in {@code status}
   * @param hint a sentence suggesting the fix, or empty
   */
  public IllegalTransitionException(
      String incidentId, Status status, Command command, Set<Command> allowed, String hint) {
    super(message(incidentId, status, command, allowed, hint), incidentId, null);
    this.status = status;
    this.command = command;
    this.allowed = Set.copyOf(allowed);
  }

  private static String message(
      String incidentId, Status status, Command command, Set<Command> allowed, String hint) {
    StringBuilder sb =
        new StringBuilder("incident ")
            .append(incidentId)
            .append(" is ")
            .append(status)
            .append(": ")
            .append(command)
            .append(" is not allowed");
    if (allowed.isEmpty()) {
      sb.append("; ").append(status).append(" is final, no command is allowed");
    } else {
      sb.append("; allowed in ").append(status).append(": ").append(Lifecycle.sorted(allowed));
    }
    if (hint != null && !hint.isBlank()) {
      sb.append(". ").append(hint);
    }
    return sb.toString();
  }

  /**
   * Returns the incident's state when the command was rejected.
   *
   * @return the state
   */
  public Status getStatus() {
    return status;
  }

  /**
   * Returns the rejected command.
   *
   * @return the command
   */
  public Command getCommand() {
    return command;
  }

  /**
   * Returns the commands that are legal in {@link #getStatus()}.
   *
   * @return an immutable set, empty for final states
   */
  public Set<Command> getAllowed() {
    return allowed;
  }
}
