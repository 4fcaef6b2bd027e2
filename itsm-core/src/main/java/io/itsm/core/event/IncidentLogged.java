package io.itsm.core.event;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.Ticket;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An incident was logged from a ticket; the incident starts in {@link Status#NEW}.
 *
 * <p>The ticket is kept exactly as reported. What of it the desk trusts is decided here, so a
 * replay gives the same incident: a ticket its own caller logged ({@code selfReported}, through
 * self-service) keeps its impact and urgency only as the caller's claims (the incident starts
 * without them; rules may use them as a hint), and its caller's VIP flag, department and location
 * count only when a {@link io.itsm.core.incident.CallerDirectory} vouches for them ({@code
 * verifiedCaller}). The incident's caller is {@code verifiedCaller} when present, else the
 * ticket's caller ({@linkplain Caller#withoutClaims() without those claims} when self-reported).
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id
 * @param sequence the event's position in the incident's history, from 1; equal to the incident's version after it
 * @param at when it happened
 * @param actor the id of the actor who caused it
 * @param ticket the ticket as reported
 * @param openedAt when the incident was opened
 * @param selfReported whether the caller logged the ticket themselves (an actor who may not see
 *     other people's incidents): its impact, urgency and caller facts are then claims, not trusted
 * @param verifiedCaller the caller as the desk's caller directory knows them, or empty when no
 *     directory knew the caller
 */
public record IncidentLogged(
    String incidentId,
    long sequence,
    Instant at,
    String actor,
    Ticket ticket,
    Instant openedAt,
    boolean selfReported,
    Optional<Caller> verifiedCaller)
    implements IncidentEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws ValidationException if {@code sequence} is below 1, or {@code verifiedCaller} is
   *     given for a ticket without a caller or with another caller id
   */
  public IncidentLogged {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(verifiedCaller, "verifiedCaller");
    IncidentEvent.checkSequence(sequence);
    if (verifiedCaller.isPresent()
        && !ticket.caller().map(c -> c.id().equals(verifiedCaller.get().id())).orElse(false)) {
      throw new ValidationException("IncidentLogged of " + incidentId + ": verifiedCaller "
          + verifiedCaller.get().id() + " must be the ticket's caller, but the ticket's caller is "
          + ticket.caller().map(Caller::id).orElse("missing"));
    }
  }

  /**
   * A ticket logged by staff, whose values are trusted as reported, without a directory entry.
   *
   * @param incidentId the incident's id
   * @param sequence the event's position in the history, 1
   * @param at when it happened
   * @param actor the id of the actor who logged it
   * @param ticket the ticket as reported
   * @param openedAt when the incident was opened
   * @throws ValidationException if {@code sequence} is below 1
   */
  public IncidentLogged(String incidentId, long sequence, Instant at, String actor, Ticket ticket,
      Instant openedAt) {
    this(incidentId, sequence, at, actor, ticket, openedAt, false, Optional.empty());
  }

  /**
   * Returns the caller the incident starts with: {@link #verifiedCaller()} when present, else the
   * ticket's caller, without the VIP flag, department and location when {@link #selfReported()}.
   *
   * @return the trusted caller, or empty when the ticket has none
   */
  public Optional<Caller> trustedCaller() {
    if (verifiedCaller.isPresent()) {
      return verifiedCaller;
    }
    return selfReported ? ticket.caller().map(Caller::withoutClaims) : ticket.caller();
  }
}
