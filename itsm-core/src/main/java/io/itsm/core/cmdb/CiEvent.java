package io.itsm.core.cmdb;

import io.itsm.core.ValidationException;
import java.time.Instant;

/**
 * One change to a configuration item: the unit of its history and audit trail. An item's state is
 * rebuilt from its events alone ({@link CiHistory#replay}). A relation's events belong to the item
 * the relation starts at.
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface CiEvent
    permits CiRegistered, CiUpdated, CiRetired, RelationAdded, RelationRemoved {

  /**
   * Returns the id of the item the event belongs to.
   *
   * @return the item id
   */
  String ciId();

  /**
   * Returns the event's position in the item's history, from 1.
   *
   * @return the sequence number
   */
  long sequence();

  /**
   * Returns when the change happened.
   *
   * @return the instant
   */
  Instant at();

  /**
   * Returns the id of the actor who made the change.
   *
   * @return the actor id
   */
  String actor();

  /**
   * Returns the event type's name as used in JSON, for example {@code "CiUpdated"}.
   *
   * @return the simple name of the record
   */
  default String type() {
    return getClass().getSimpleName();
  }

  /**
   * Checks the common components.
   *
   * @param ciId the item id
   * @param sequence the sequence
   * @param at the instant
   * @param actor the actor
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the sequence is below 1 or the actor blank
   */
  static void check(String ciId, long sequence, Instant at, String actor) {
    java.util.Objects.requireNonNull(ciId, "ciId");
    java.util.Objects.requireNonNull(at, "at");
    java.util.Objects.requireNonNull(actor, "actor");
    if (sequence < 1) {
      throw new ValidationException("event sequence must be 1 or more, but was " + sequence);
    }
    if (actor.isBlank()) {
      throw new ValidationException("event actor must not be blank");
    }
  }
}
