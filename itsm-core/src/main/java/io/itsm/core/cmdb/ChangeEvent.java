package io.itsm.core.cmdb;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a change request: the unit of its history.
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface ChangeEvent
    permits ChangeRequested, ChangeApprovalDecided, ChangeStarted, ChangeImplemented,
        ChangeVerified, ChangeFailed, ChangeCancelled {

  /**
   * Returns the id of the change the event belongs to.
   *
   * @return the change id
   */
  String changeId();

  /**
   * Returns the event's position in the change's history, from 1.
   *
   * @return the sequence number
   */
  long sequence();

  /**
   * Returns when it happened.
   *
   * @return the instant
   */
  Instant at();

  /**
   * Returns who caused it.
   *
   * @return the actor id
   */
  String actor();

  /**
   * Returns the event type's name as used in JSON, for example {@code "ChangeVerified"}.
   *
   * @return the simple name of the record
   */
  default String type() {
    return getClass().getSimpleName();
  }

  /**
   * Checks the common components.
   *
   * @param changeId the change
   * @param sequence the sequence
   * @param at the instant
   * @param actor the actor
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1
   */
  static void check(String changeId, long sequence, Instant at, String actor) {
    Objects.requireNonNull(changeId, "changeId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    if (sequence < 1) {
      throw new io.itsm.core.ValidationException("event sequence must be 1 or more, but was " + sequence);
    }
  }
}
