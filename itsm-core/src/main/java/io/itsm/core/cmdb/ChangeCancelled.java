package io.itsm.core.cmdb;

import java.time.Instant;
import java.util.Objects;

/**
 * The change was withdrawn before it started: → CANCELLED.
 *
 * <p>Immutable and thread-safe.
 *
 * @param changeId the change
 * @param sequence the event's position, from 1
 * @param at when
 * @param actor who
 * @param reason why
 */
public record ChangeCancelled(String changeId, long sequence, Instant at, String actor, String reason)
    implements ChangeEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1
   */
  public ChangeCancelled {
    ChangeEvent.check(changeId, sequence, at, actor);
    Objects.requireNonNull(reason, "reason");
  }
}
