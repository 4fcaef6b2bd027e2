package io.itsm.core.cmdb;

import java.time.Instant;
import java.util.Objects;

/**
 * Implementation or verification failed: → FAILED; no configuration item update was applied.
 *
 * <p>Immutable and thread-safe.
 *
 * @param changeId the change
 * @param sequence the event's position, from 1
 * @param at when
 * @param actor who
 * @param reason what went wrong
 */
public record ChangeFailed(String changeId, long sequence, Instant at, String actor, String reason)
    implements ChangeEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1
   */
  public ChangeFailed {
    ChangeEvent.check(changeId, sequence, at, actor);
    Objects.requireNonNull(reason, "reason");
  }
}
