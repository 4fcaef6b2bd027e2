package io.itsm.core.cmdb;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Fields of a configuration item changed: each with its value before and after.
 *
 * <p>Immutable and thread-safe.
 *
 * @param ciId the item's id
 * @param sequence the event's position in the history, from 1
 * @param at when it happened
 * @param actor who changed it (for a change request: who verified it)
 * @param changes what changed, not empty
 * @param changeRequestId the change request that made the change, or empty for a direct update
 */
public record CiUpdated(
    String ciId,
    long sequence,
    Instant at,
    String actor,
    List<AttributeChange> changes,
    Optional<String> changeRequestId)
    implements CiEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the sequence is below 1, the actor blank, or there are no
   *     changes
   */
  public CiUpdated {
    CiEvent.check(ciId, sequence, at, actor);
    changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
    Objects.requireNonNull(changeRequestId, "changeRequestId");
    if (changes.isEmpty()) {
      throw new ValidationException("changes of CiUpdated of " + ciId + " must not be empty");
    }
  }
}
