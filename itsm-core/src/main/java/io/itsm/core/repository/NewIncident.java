package io.itsm.core.repository;

import io.itsm.core.ValidationException;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Incident;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A new incident to store whole, for {@link BulkIncidentAppend#appendNew}: its history from the
 * first event and the state that history leads to.
 *
 * @param events the whole history, numbered 1 to n, every event the incident's
 * @param state the state after the last event (version n)
 * @param nextDueAt when the incident next needs a tick, if ever
 */
public record NewIncident(List<IncidentEvent> events, Incident state, Optional<Instant> nextDueAt) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the history is empty, is not numbered 1 to n, names another
   *     incident, or the state's version is not n
   */
  public NewIncident {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(nextDueAt, "nextDueAt");
    events = List.copyOf(Objects.requireNonNull(events, "events"));
    if (events.isEmpty()) {
      throw new ValidationException("a new incident " + state.id() + " needs its history: events"
          + " must not be empty");
    }
    for (int i = 0; i < events.size(); i++) {
      IncidentEvent e = events.get(i);
      if (!e.incidentId().equals(state.id()) || e.sequence() != i + 1) {
        throw new ValidationException("the history of new incident " + state.id() + " must be"
            + " its events numbered 1 to " + events.size() + ", but event " + (i + 1) + " is "
            + e.type() + " #" + e.sequence() + " of " + e.incidentId());
      }
    }
    if (state.version() != events.size()) {
      throw new ValidationException("the state of new incident " + state.id() + " must have"
          + " version " + events.size() + " (its number of events), but has " + state.version());
    }
  }

  /**
   * Returns the incident's id.
   *
   * @return the id of the state
   */
  public String id() {
    return state.id();
  }
}
