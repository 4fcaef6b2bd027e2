package io.itsm.core.improvement.internal;

import io.itsm.core.IncidentListener;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Incident;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Forwards a desk's events to the improvement practices, once they are built: registered on the
 * desk before the practices exist, it forwards to nobody until {@link #forwardTo} is called.
 * Thread-safe.
 */
public final class IncidentRelay implements IncidentListener {

  private final AtomicReference<List<IncidentListener>> targets =
      new AtomicReference<>(List.of());

  /**
   * Sets who hears the desk's events from now on.
   *
   * @param listeners the practices' listeners, in the order they are told
   */
  public void forwardTo(List<IncidentListener> listeners) {
    targets.set(List.copyOf(Objects.requireNonNull(listeners, "listeners")));
  }

  @Override
  public void onEvent(IncidentEvent event, Incident incident) {
    for (IncidentListener l : targets.get()) {
      l.onEvent(event, incident);
    }
  }
}
