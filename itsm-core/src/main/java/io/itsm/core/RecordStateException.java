package io.itsm.core;

import java.util.Objects;

/**
 * Thrown when a command is not legal in a record's current state: publishing an announcement that
 * is not approved, verifying a change that was never implemented. The message names the record,
 * its state, the command, the states it is legal in and what to do first. Nothing was changed.
 * ({@link io.itsm.core.lifecycle.IllegalTransitionException} is the same failure for incidents.)
 *
 * <p>Immutable.
 */
public class RecordStateException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String id;
  private final String state;
  private final String command;

  /**
   * Creates the exception.
   *
   * @param kind the kind of record, for example {@code "announcement"}
   * @param id the record's id
   * @param state its current state, for example {@code "PENDING_APPROVAL"}
   * @param command the rejected command, for example {@code "publish"}
   * @param legalIn the states the command is legal in, for example {@code "APPROVED"}
   * @param hint a sentence suggesting the fix, or empty
   */
  public RecordStateException(
      String kind, String id, String state, String command, String legalIn, String hint) {
    super(Objects.requireNonNull(kind, "kind") + " " + Objects.requireNonNull(id, "id") + " is "
        + Objects.requireNonNull(state, "state") + ": " + Objects.requireNonNull(command, "command")
        + " is allowed only when " + Objects.requireNonNull(legalIn, "legalIn")
        + (hint == null || hint.isBlank() ? "" : "; " + hint));
    this.kind = kind;
    this.id = id;
    this.state = state;
    this.command = command;
  }

  /**
   * Returns the kind of record.
   *
   * @return for example {@code "announcement"}
   */
  public String getKind() {
    return kind;
  }

  /**
   * Returns the record's id.
   *
   * @return the id
   */
  public String getId() {
    return id;
  }

  /**
   * Returns the record's state when the command was rejected.
   *
   * @return the state's name
   */
  public String getState() {
    return state;
  }

  /**
   * Returns the rejected command.
   *
   * @return the command's name
   */
  public String getCommand() {
    return command;
  }
}
