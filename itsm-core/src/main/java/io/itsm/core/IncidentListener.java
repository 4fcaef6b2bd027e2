package io.itsm.core;

import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Incident;

/**
 * Hears every event the desk records, after the command that caused it has been stored: the place
 * to send notifications, update a search index or persist elsewhere.
 *
 * <p><b>Order.</b> Each listener hears every stored event once, and the events of one incident in
 * the order they were stored: by their {@linkplain IncidentEvent#sequence() sequence numbers},
 * without gaps (for the commands of this desk), however many threads run commands on the
 * incident. The events of one command come together, in order, after the command was stored;
 * listeners are called in registration order for each event. The desk is not serialized to
 * achieve this: listeners of different incidents may run at the same time on different threads,
 * and a slow listener delays only the incidents that share its delivery lane (a hash of the id).
 *
 * <p><b>Threads.</b> A listener is called on the thread that ran the command, or on the thread of
 * an earlier command on the same lane that is still delivering; either way the command returns
 * only after its events were delivered. A listener may itself run commands on the desk: their
 * events are delivered after the listener returns (in order), and that command does not wait for
 * them. No lock of the desk is held while a listener runs.
 *
 * <p>An exception thrown by a listener is logged and does not undo the command or stop other
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
