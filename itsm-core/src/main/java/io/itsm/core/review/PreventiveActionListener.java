package io.itsm.core.review;

/**
 * Hears every stored preventive-action event, after its command was stored, each action's events
 * in order. An exception is logged and does not undo the command. Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface PreventiveActionListener {

  /**
   * Called for each event of a stored command.
   *
   * @param event the event
   * @param action the action after the whole command
   */
  void onEvent(PreventiveActionEvent event, PreventiveAction action);
}
