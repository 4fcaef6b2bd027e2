package io.itsm.core.triage;

import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import java.util.Objects;
import java.util.Optional;

/**
 * What a ticket's reporter said, next to the ticket the desk trusts: the impact, urgency and
 * caller exactly as reported, and whether the caller reported it themselves.
 *
 * <p>The desk ({@link io.itsm.core.ServiceDesk#log}) hands a {@link TriagePolicy} the
 * <em>trusted</em> ticket — for a self-reported ticket without impact and urgency, and with the
 * caller's VIP flag, department and location only as a {@link io.itsm.core.incident.CallerDirectory}
 * confirms them — and these values beside it, so rules may use the reporter's claims as a hint
 * (for example, take a caller's own "low urgency" at their word) without letting anyone raise
 * their own priority.
 *
 * <p>Immutable and thread-safe.
 *
 * @param impact the impact as reported, or empty
 * @param urgency the urgency as reported, or empty
 * @param caller the caller as reported, or empty
 * @param selfReported whether the caller logged the ticket themselves (self-service); false when
 *     staff logged it, in which case the reported values are also the trusted ones
 */
public record ReportedValues(
    Optional<Impact> impact, Optional<Urgency> urgency, Optional<Caller> caller, boolean selfReported) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public ReportedValues {
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(urgency, "urgency");
    Objects.requireNonNull(caller, "caller");
  }

  /**
   * The values of a ticket as reported.
   *
   * @param ticket the ticket as reported
   * @param selfReported whether its caller logged it themselves
   * @return the values
   */
  public static ReportedValues of(Ticket ticket, boolean selfReported) {
    Objects.requireNonNull(ticket, "ticket");
    return new ReportedValues(ticket.impact(), ticket.urgency(), ticket.caller(), selfReported);
  }

  /**
   * The values of a ticket that is trusted as it is (logged by staff, or triaged directly by an
   * application): reported and trusted values are the same.
   *
   * @param ticket the ticket
   * @return the values, not self-reported
   */
  public static ReportedValues trusted(Ticket ticket) {
    return of(ticket, false);
  }
}
