package io.itsm.core.cmdb;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.Objects;

/**
 * A configuration item was registered: the first event of its history.
 *
 * <p>Immutable and thread-safe.
 *
 * @param ciId the item's id
 * @param sequence the event's position in the history, from 1
 * @param at when it happened
 * @param actor who registered it
 * @param definition what was registered
 */
public record CiRegistered(String ciId, long sequence, Instant at, String actor, CiDefinition definition)
    implements CiEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the sequence is below 1, the actor blank, or the definition is
   *     of another item
   */
  public CiRegistered {
    CiEvent.check(ciId, sequence, at, actor);
    Objects.requireNonNull(definition, "definition");
    if (!definition.id().equals(ciId)) {
      throw new ValidationException("definition of CiRegistered must be of " + ciId + ", but was of "
          + definition.id());
    }
  }
}
