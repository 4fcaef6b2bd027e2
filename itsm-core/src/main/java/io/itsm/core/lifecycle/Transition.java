package io.itsm.core.lifecycle;

import io.itsm.core.incident.Status;
import java.util.Objects;

/**
 * One row of the lifecycle table: in state {@code from}, command {@code command} leads to state
 * {@code to}. A command that does not change the state (such as {@link Command#COMMENT}) has
 * {@code to == from}. A command with two rows from the same state (such as {@link
 * Command#PROPOSE_RESOLUTION}, which leads to RESOLVED or, when approval is required, to
 * PENDING_APPROVAL) is decided by a guard documented on the command.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the state before
 * @param command the command
 * @param to the state after
 */
public record Transition(Status from, Command command, Status to) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Transition {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(to, "to");
  }

  @Override
  public String toString() {
    return from + " --" + command + "--> " + to;
  }
}
