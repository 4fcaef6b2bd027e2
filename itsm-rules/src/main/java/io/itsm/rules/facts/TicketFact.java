package io.itsm.rules.facts;

import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.IncidentType;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.ReportedValues;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The read-only view of a ticket that rules match, one per triage, flattened so DRL constraints
 * compare plain values: {@code TicketFact(vip, affectedUsers >= 10, impact == null)}.
 *
 * <p>Optional values of the ticket are {@code null} here when absent (constraints on null are
 * simply false, for example {@code language == "de"}). The decided values are in {@link DecidedSoFar}.
 *
 * <p><b>Trusted and reported values.</b> {@link #impact()}, {@link #urgency()} and the caller
 * facts ({@link #vip()}, {@link #department()}, {@link #location()}, {@link #language()}) are the
 * values the desk <em>trusts</em>: for a ticket logged by staff, as reported; for a ticket its
 * caller logged themselves ({@link #selfReported()}), no impact and urgency, and only the caller
 * facts the application's caller directory confirms — so {@code "vip": true} written by an end
 * user raises nothing. {@link #reportedImpact()} and {@link #reportedUrgency()} are what the
 * reporter said, always; a rule may use them as a hint:
 *
 * <pre>{@code
 * rule "A caller's own low urgency stands"
 *   ruleflow-group "assess"
 * when
 *   TicketFact(urgency == null, reportedUrgency == Urgency.LOW)
 * then
 *   decide.urgency(Urgency.LOW, "the caller says it can wait");
 * end
 * }</pre>
 *
 * <p>A ticket triaged directly ({@code engine.triage(ticket)}) is trusted as given: reported and
 * trusted values are the same.
 *
 * <p>Rules never change the ticket: they write decisions into {@link RuleDecisions}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the external id, or null
 * @param type incident or service request
 * @param title the title
 * @param description the description, maybe empty
 * @param channel the channel, or null
 * @param callerId the caller's id, or null when there is no caller
 * @param vip whether the caller is a VIP (false without caller)
 * @param department the caller's department, or null
 * @param location the caller's location, or null
 * @param language the caller's language code, or null
 * @param affectedUsers how many users are affected
 * @param service the affected service, or null
 * @param configurationItem the affected configuration item, or null
 * @param ciCritical whether the configuration item is business-critical (engine configuration)
 * @param serviceCritical whether the service is business-critical (engine configuration)
 * @param impact the trusted impact (as reported by staff), or null
 * @param urgency the trusted urgency (as reported by staff), or null
 * @param openedAt when the ticket was opened; the engine's clock when the ticket does not say
 * @param insideBusinessHours whether {@code openedAt} is inside the engine's business hours
 * @param tags the ticket's tags
 * @param attributes the ticket's custom attributes
 * @param reportedImpact the impact as reported, trusted or not, or null
 * @param reportedUrgency the urgency as reported, trusted or not, or null
 * @param selfReported whether the caller logged the ticket themselves (self-service)
 */
public record TicketFact(
    String id,
    IncidentType type,
    String title,
    String description,
    Channel channel,
    String callerId,
    boolean vip,
    String department,
    String location,
    String language,
    int affectedUsers,
    String service,
    String configurationItem,
    boolean ciCritical,
    boolean serviceCritical,
    Impact impact,
    Urgency urgency,
    Instant openedAt,
    boolean insideBusinessHours,
    Set<String> tags,
    Map<String, String> attributes,
    Impact reportedImpact,
    Urgency reportedUrgency,
    boolean selfReported) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if type, title, description, openedAt, tags or attributes is null
   */
  public TicketFact {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(openedAt, "openedAt");
    tags = Set.copyOf(tags);
    attributes = Map.copyOf(attributes);
  }

  /**
   * Creates the view of a ticket trusted as given (reported and trusted values are the same).
   *
   * @param ticket the ticket
   * @param openedAt when it was opened (the ticket's own instant, or the clock's)
   * @param ciCritical whether its configuration item is business-critical
   * @param serviceCritical whether its service is business-critical
   * @param insideBusinessHours whether {@code openedAt} is inside business hours
   * @return the view
   */
  public static TicketFact of(
      Ticket ticket,
      Instant openedAt,
      boolean ciCritical,
      boolean serviceCritical,
      boolean insideBusinessHours) {
    return of(ticket, ReportedValues.trusted(ticket), openedAt, ciCritical, serviceCritical,
        insideBusinessHours);
  }

  /**
   * Creates the view of a ticket the desk sorted into trusted and reported values.
   *
   * @param ticket the trusted ticket
   * @param reported what was reported
   * @param openedAt when it was opened (the ticket's own instant, or the clock's)
   * @param ciCritical whether its configuration item is business-critical
   * @param serviceCritical whether its service is business-critical
   * @param insideBusinessHours whether {@code openedAt} is inside business hours
   * @return the view
   */
  public static TicketFact of(
      Ticket ticket,
      ReportedValues reported,
      Instant openedAt,
      boolean ciCritical,
      boolean serviceCritical,
      boolean insideBusinessHours) {
    Caller c = ticket.caller().orElse(null);
    return new TicketFact(
        ticket.id().orElse(null),
        ticket.type(),
        ticket.title(),
        ticket.description(),
        ticket.channel().orElse(null),
        c == null ? null : c.id(),
        c != null && c.vip(),
        c == null ? null : c.department().orElse(null),
        c == null ? null : c.location().orElse(null),
        c == null ? null : c.language().orElse(null),
        ticket.affectedUsers(),
        ticket.service().orElse(null),
        ticket.configurationItem().orElse(null),
        ciCritical,
        serviceCritical,
        ticket.impact().orElse(null),
        ticket.urgency().orElse(null),
        openedAt,
        insideBusinessHours,
        ticket.tags(),
        ticket.attributes(),
        reported.impact().orElse(null),
        reported.urgency().orElse(null),
        reported.selfReported());
  }
}
