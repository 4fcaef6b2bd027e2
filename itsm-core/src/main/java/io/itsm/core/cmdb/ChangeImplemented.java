package io.itsm.core.cmdb;

import java.time.Instant;
import java.util.Objects;

/**
 * The change was implemented: IN_PROGRESS → IMPLEMENTED, waiting for verification.
 *
 * <p>Immutable and thread-safe.
 *
 * @param changeId the change
 * @param sequence the event's position, from 1
 * @param at when
 * @param actor who
 * @param notes what was done
 */
public record ChangeImplemented(String changeId, long sequence, Instant at, String actor, String notes)
    implements ChangeEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1
   */
  public ChangeImplemented {
    ChangeEvent.check(changeId, sequence, at, actor);
    Objects.requireNonNull(notes, "notes");
  }
}
