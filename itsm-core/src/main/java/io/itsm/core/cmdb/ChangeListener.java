package io.itsm.core.cmdb;

/**
 * Hears every change request event {@link ChangeRequests} stores, after the command was stored.
 * Order and threads as for {@link CmdbListener}: each change's events in order, the command
 * returns after they were heard, an exception is logged and does not undo the command.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ChangeListener {

  /**
   * Called for each stored event.
   *
   * @param event the event
   * @param change the change after the whole command
   */
  void onEvent(ChangeEvent event, ChangeRequest change);
}
