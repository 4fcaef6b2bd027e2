package io.itsm.core.cmdb;

import io.itsm.core.ValidationException;
import java.util.List;
import java.util.Objects;

/**
 * Rebuilds a configuration item's state from its events.
 *
 * <p>Stateless and thread-safe.
 */
public final class CiHistory {

  private CiHistory() {}

  /**
   * Applies one event to a state.
   *
   * @param state the state before, or {@code null} before the first event
   * @param event the event; its sequence must follow the state's version
   * @return the state after
   * @throws ValidationException if the event does not fit: out of sequence, of another item, not
   *     starting with {@link CiRegistered}, a relation added twice or removed when absent, a change
   *     of a retired item
   */
  public static ConfigurationItem apply(ConfigurationItem state, CiEvent event) {
    Objects.requireNonNull(event, "event");
    long expected = state == null ? 1 : state.version() + 1;
    if (event.sequence() != expected) {
      throw new ValidationException("event " + event.type() + " of " + event.ciId()
          + " must have sequence " + expected + ", but had " + event.sequence());
    }
    if (state == null) {
      if (!(event instanceof CiRegistered r)) {
        throw new ValidationException("the history of " + event.ciId()
            + " must start with CiRegistered, but started with " + event.type());
      }
      return new ConfigurationItem(r.definition(), List.of(), CiStatus.ACTIVE, r.at(), r.at(), 1);
    }
    if (!event.ciId().equals(state.id())) {
      throw new ValidationException("event " + event.type() + " #" + event.sequence() + " is of "
          + event.ciId() + ", not of " + state.id());
    }
    if (!state.isActive()) {
      throw new ValidationException("configuration item " + state.id()
          + " is RETIRED: its history cannot continue with " + event.type());
    }
    ConfigurationItem next;
    if (event instanceof CiRegistered) {
      throw new ValidationException("configuration item " + state.id() + " is already registered");
    } else if (event instanceof CiUpdated u) {
      next = state.withDefinition(state.definition().applyChanges(u.changes()));
    } else if (event instanceof CiRetired) {
      if (!state.relations().isEmpty()) {
        throw new ValidationException("configuration item " + state.id()
            + " must have no relations left when retired, but had " + state.relations());
      }
      next = state.withStatus(CiStatus.RETIRED);
    } else if (event instanceof RelationAdded a) {
      if (state.relations().contains(a.relation())) {
        throw new ValidationException("relation " + a.relation() + " already exists");
      }
      next = state.withRelation(a.relation());
    } else {
      RelationRemoved r = (RelationRemoved) event;
      if (!state.relations().contains(r.relation())) {
        throw new ValidationException("relation " + r.relation() + " does not exist");
      }
      next = state.withoutRelation(r.relation());
    }
    return next.touched(event.at().isBefore(state.updatedAt()) ? state.updatedAt() : event.at(),
        event.sequence());
  }

  /**
   * Rebuilds a state from a whole history.
   *
   * @param events the events, oldest first; not empty
   * @return the state after the last event
   * @throws ValidationException if the history is empty or an event does not fit
   */
  public static ConfigurationItem replay(List<? extends CiEvent> events) {
    Objects.requireNonNull(events, "events");
    if (events.isEmpty()) {
      throw new ValidationException("a configuration item's history must not be empty");
    }
    ConfigurationItem state = null;
    for (CiEvent e : events) {
      state = apply(state, e);
    }
    return state;
  }
}
