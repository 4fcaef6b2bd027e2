package io.itsm.core.event;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The incident was closed: after its resolution (confirmed, closed by an agent, auto-closed), or
 * without one ({@link CloseReason#WITHOUT_RESOLUTION}, with a close code).
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param closeReason how it came to be closed
 * @param note a note; may be empty
 * @param closeCode for {@link CloseReason#WITHOUT_RESOLUTION}: why, a close code of the desk's
 *     {@link io.itsm.core.incident.ResolutionCodes} such as {@code DUPLICATE}; empty otherwise
 */
public record Closed(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    CloseReason closeReason,
    String note,
    Optional<String> closeCode)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws ValidationException if {@code sequence} is below 1, or a close code is missing (or
   *     blank) for {@link CloseReason#WITHOUT_RESOLUTION} or given for another reason
   */
  public Closed {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(closeReason, "closeReason");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(closeCode, "closeCode");
    IncidentEvent.checkSequence(sequence);
    if (closeReason == CloseReason.WITHOUT_RESOLUTION && closeCode.filter(c -> !c.isBlank()).isEmpty()) {
      throw new ValidationException("Closed #" + sequence + " of " + incidentId
          + ": closing WITHOUT_RESOLUTION needs a close code (for example DUPLICATE), but there was none");
    }
    if (closeReason != CloseReason.WITHOUT_RESOLUTION && closeCode.isPresent()) {
      throw new ValidationException("Closed #" + sequence + " of " + incidentId + ": a close code ("
          + closeCode.get() + ") belongs only to closeReason WITHOUT_RESOLUTION, but was " + closeReason);
    }
  }

  /**
   * A close after the resolution, without a close code.
   *
   * @param incidentId the incident's id
   * @param sequence the event's position in the history
   * @param at when it happened
   * @param actor the id of the actor who caused it
   * @param closeReason how it came to be closed; not {@link CloseReason#WITHOUT_RESOLUTION}
   * @param note a note; may be empty
   * @throws ValidationException as the canonical constructor
   */
  public Closed(String incidentId, long sequence, Instant at, String actor, CloseReason closeReason,
      String note) {
    this(incidentId, sequence, at, actor, closeReason, note, Optional.empty());
  }
}
