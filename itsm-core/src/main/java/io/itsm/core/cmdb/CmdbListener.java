package io.itsm.core.cmdb;

/**
 * Hears every configuration item event the {@link Cmdb} stores, after the command was stored: the
 * place to sync another system or invalidate a cache.
 *
 * <p>Each listener hears the events of one item in the order of the item's history, the events of
 * one command together; listeners are called in registration order. A listener is called on the
 * thread that ran the command (or on the thread of an earlier command still delivering); the
 * command returns after its events were heard. A listener may run commands itself: their events
 * are delivered after it returns. An exception thrown by a listener is logged and does not undo
 * the command or stop the other listeners. Implementations must be thread-safe.
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
