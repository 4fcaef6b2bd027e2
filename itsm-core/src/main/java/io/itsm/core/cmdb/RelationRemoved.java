package io.itsm.core.cmdb;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.Objects;

/**
 * A relation starting at a configuration item was removed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param ciId the item's id: the relation's {@code from}
 * @param sequence the event's position in the history, from 1
 * @param at when it happened
 * @param actor who removed it
 * @param relation the relation
 */
public record RelationRemoved(String ciId, long sequence, Instant at, String actor, Relation relation)
    implements CiEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the sequence is below 1, the actor blank, or the relation does
   *     not start at the item
   */
  public RelationRemoved {
    CiEvent.check(ciId, sequence, at, actor);
    Objects.requireNonNull(relation, "relation");
    if (!relation.from().equals(ciId)) {
      throw new ValidationException("relation of RelationRemoved must start at " + ciId + ", but was "
          + relation);
    }
  }
}
