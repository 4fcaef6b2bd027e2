package io.itsm.core.cmdb;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The change was verified: IMPLEMENTED → COMPLETED, and its configuration item updates were
 * applied (each item's history shows a {@link CiUpdated} naming this change).
 *
 * <p>Immutable and thread-safe.
 *
 * @param changeId the change
 * @param sequence the event's position, from 1
 * @param at when
 * @param actor who verified it
 * @param notes how it was verified
 * @param updatedCis the items whose fields changed
 */
public record ChangeVerified(
    String changeId, long sequence, Instant at, String actor, String notes, List<String> updatedCis)
    implements ChangeEvent {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1
   */
  public ChangeVerified {
    ChangeEvent.check(changeId, sequence, at, actor);
    Objects.requireNonNull(notes, "notes");
    updatedCis = List.copyOf(Objects.requireNonNull(updatedCis, "updatedCis"));
  }
}
