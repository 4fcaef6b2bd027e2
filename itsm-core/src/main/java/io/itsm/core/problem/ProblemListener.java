package io.itsm.core.problem;

/**
 * Hears every stored problem event, after its command was stored, each problem's events in order.
 * An exception is logged and does not undo the command. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ProblemListener {

  /**
   * Called for each event of a stored command.
   *
   * @param event the event
   * @param problem the problem after the whole command
   */
  void onEvent(ProblemEvent event, Problem problem);
}
