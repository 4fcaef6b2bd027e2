package io.itsm.core.cmdb;

import java.time.Instant;
import java.util.Objects;

/**
 * A configuration item was taken out of service. Its own relations were removed just before (as
 * {@link RelationRemoved} events); relations of other items to it must be removed first.
 *
 * <p>Immutable and thread-safe.
 *
 * @param ciId the item's id
 * @param sequence the event's position in the history, from 1
 * @param at when it happened
 * @param actor who retired it
 * @param reason why
 */
public record CiRetired(String ciId, long sequence, Instant at, String actor, String reason)
    implements CiEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1 or the actor blank
   */
  public CiRetired {
    CiEvent.check(ciId, sequence, at, actor);
    Objects.requireNonNull(reason, "reason");
  }
}
