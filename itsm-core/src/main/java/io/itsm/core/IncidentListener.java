package io.itsm.core;

import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Incident;

/**
 * Hears every event the desk records, after the command that caused it has been stored: the place
 * to send notifications, update a search index or persist elsewhere.
 *
 * <p>Listeners are called on the thread that ran the command, in registration order, once per
 * event. An exception thrown by a listener is logged and does not undo the command or stop other
 * listeners. Implementations that keep state must be thread-safe: commands run concurrently.
 */
@FunctionalInterface
public interface IncidentListener {

  /**
   * Called for each event of a stored command.
   *
   * @param event the event
   * @param incident the incident's state after the whole command
   */
  void onEvent(IncidentEvent event, Incident incident);
}
