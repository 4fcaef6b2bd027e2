package io.itsm.core.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A comment was added: public (the caller sees it) or an internal work note.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param text the comment
 * @param visibility who may see it
 */
public record CommentAdded(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    String text,
    Visibility visibility)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public CommentAdded {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(visibility, "visibility");
    IncidentEvent.checkSequence(sequence);
  }
}
