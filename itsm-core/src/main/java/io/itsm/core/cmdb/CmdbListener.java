package io.itsm.core.cmdb;

/**
 * Hears every configuration item event the {@link Cmdb} stores, after the command was stored, in
 * the order of the item's history: the place to sync another system or invalidate a cache.
 *
 * <p>Called on the thread that ran the command, in registration order. An exception thrown by a
 * listener is logged and does not undo the command. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CmdbListener {

  /**
   * Called for each stored event.
   *
   * @param event the event
   * @param item the item's state after the whole command
   */
  void onEvent(CiEvent event, ConfigurationItem item);
}
