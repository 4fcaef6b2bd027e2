package io.itsm.core.cmdb;

import java.time.Instant;
import java.util.Objects;

/**
 * Implementation of an approved change started: APPROVED → IN_PROGRESS.
 *
 * <p>Immutable and thread-safe.
 *
 * @param changeId the change
 * @param sequence the event's position, from 1
 * @param at when
 * @param actor who
 * @param note what is being done first, maybe empty
 */
public record ChangeStarted(String changeId, long sequence, Instant at, String actor, String note)
    implements ChangeEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1
   */
  public ChangeStarted {
    ChangeEvent.check(changeId, sequence, at, actor);
    Objects.requireNonNull(note, "note");
  }
}
