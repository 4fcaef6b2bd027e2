package io.itsm.core.incident;

import io.itsm.core.ValidationException;
import io.itsm.core.approval.Approval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An incident or service request: the aggregate the desk works on, composed of what was reported
 * (its {@link #ticket()}) and what the desk decided (classification, assignment, status,
 * resolution, approval, counters, links, tags).
 *
 * <p>An {@code Incident} is a snapshot. It never changes; every command of {@link
 * io.itsm.core.ServiceDesk} records {@linkplain io.itsm.core.event.IncidentEvent events} and the
 * new snapshot is the old one with those events applied ({@link
 * io.itsm.core.event.IncidentHistory#apply}), through the {@code withX} copies. Its {@link
 * #version()} counts the events applied.
 *
 * <p><b>Each value has one home.</b> The ticket holds what was reported, as the desk took it in:
 * the caller it trusts and when the incident was opened. What the desk decides starts from the
 * ticket when the reporter is trusted and then lives in the incident alone: impact and urgency in
 * the {@link #classification()}, tags in {@link #tags()}; so the incident's ticket never holds
 * impact, urgency or tags ({@link #logged} moves them). The accessors {@link #title()}, {@link
 * #caller()}, {@link #service()}, {@link #category()}, {@link #priority()}, {@link #team()} and
 * the like read through to where a value lives; the rest of the report is in {@link #ticket()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the desk's id, for example {@code INC-000123}
 * @param ticket what was reported, as the desk took it in: with its {@code openedAt}, without
 *     impact, urgency and tags
 * @param classification category, subcategory, impact, urgency and priority
 * @param assignment the team, assignee and support level; empty while unassigned
 * @param status the lifecycle state
 * @param onHoldReason why it is on hold; present only while {@link Status#ON_HOLD}
 * @param resolution the proposed or accepted resolution
 * @param approvalRequired whether resolving needs approval
 * @param approval the latest resolution approval, pending or decided
 * @param reopenCount how often it was reopened (a rejected resolution, or a reopen after closing)
 * @param reassignmentCount how often an assignment (by {@code assign} or a functional escalation)
 *     changed the team or assignee of an incident that had one: the first assignment, and the
 *     same team and assignee again, do not count (a metric input: "ping-pong" between groups)
 * @param links links to other records
 * @param tags tags, the reported ones and those added since
 * @param updatedAt when it last changed
 * @param version the number of events applied; used for optimistic concurrency
 */
public record Incident(
    String id,
    Ticket ticket,
    Classification classification,
    Optional<Assignment> assignment,
    Status status,
    Optional<OnHoldReason> onHoldReason,
    Optional<Resolution> resolution,
    boolean approvalRequired,
    Optional<Approval> approval,
    int reopenCount,
    int reassignmentCount,
    List<Link> links,
    Set<String> tags,
    Instant updatedAt,
    long version) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException naming each invalid value: a blank id, a ticket without {@code
   *     openedAt} or with impact, urgency or tags (they belong to the incident), a negative count
   *     or version
   */
  public Incident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(assignment, "assignment");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(onHoldReason, "onHoldReason");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(approval, "approval");
    links = List.copyOf(links);
    tags = Set.copyOf(tags);
    Objects.requireNonNull(updatedAt, "updatedAt");
    List<String> problems = new ArrayList<>();
    if (id.isBlank()) {
      problems.add("incident id must not be blank");
    }
    if (ticket.openedAt().isEmpty()) {
      problems.add("incident " + id + ": its ticket must have openedAt (when the incident was opened)");
    }
    if (ticket.impact().isPresent() || ticket.urgency().isPresent() || !ticket.tags().isEmpty()) {
      problems.add("incident " + id + ": its ticket must not hold impact, urgency or tags; the"
          + " incident's own are in classification() and tags() (Incident.logged moves them)");
    }
    if (reopenCount < 0) {
      problems.add("reopenCount must be zero or more, but was " + reopenCount);
    }
    if (reassignmentCount < 0) {
      problems.add("reassignmentCount must be zero or more, but was " + reassignmentCount);
    }
    if (version < 0) {
      problems.add("version must be zero or more, but was " + version);
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /**
   * The incident a ticket opens: NEW, unclassified but for the ticket's impact and urgency, with
   * the ticket's tags, at version 1. The ticket is taken as the desk trusts it; its impact,
   * urgency and tags move into the incident.
   *
   * @param id the desk's id
   * @param ticket the ticket as trusted, with its {@code openedAt}
   * @param at when the incident was logged, its first {@code updatedAt}
   * @return the incident
   * @throws ValidationException if the ticket has no {@code openedAt}
   */
  public static Incident logged(String id, Ticket ticket, Instant at) {
    Ticket kept = ticket.toBuilder().impact(null).urgency(null).tags(Set.of()).build();
    Classification c = Classification.none()
        .withPriority(ticket.impact().orElse(null), ticket.urgency().orElse(null), null);
    return new Incident(id, kept, c, Optional.empty(), Status.NEW, Optional.empty(),
        Optional.empty(), false, Optional.empty(), 0, 0, List.of(), ticket.tags(), at, 1);
  }

  /**
   * Returns the one-line summary, from the ticket.
   *
   * @return the title
   */
  public String title() {
    return ticket.title();
  }

  /**
   * Returns incident or service request, from the ticket.
   *
   * @return the type
   */
  public IncidentType type() {
    return ticket.type();
  }

  /**
   * Returns the id the ticket has in the system it came from.
   *
   * @return the external id, or empty
   */
  public Optional<String> externalId() {
    return ticket.id();
  }

  /**
   * Returns the full description, from the ticket.
   *
   * @return the description; empty when none
   */
  public String description() {
    return ticket.description();
  }

  /**
   * Returns the affected business service, from the ticket.
   *
   * @return the service, or empty
   */
  public Optional<String> service() {
    return ticket.service();
  }

  /**
   * Returns the affected configuration item, from the ticket.
   *
   * @return the configuration item, or empty
   */
  public Optional<String> configurationItem() {
    return ticket.configurationItem();
  }

  /**
   * Returns who reported it, as the desk trusts them.
   *
   * @return the caller, or empty
   */
  public Optional<Caller> caller() {
    return ticket.caller();
  }

  /**
   * Returns when the incident was opened.
   *
   * @return the instant
   */
  public Instant openedAt() {
    return ticket.openedAt().orElseThrow();
  }

  /**
   * Returns the category code, for example {@code network}.
   *
   * @return the category, or empty
   */
  public Optional<String> category() {
    return classification.category();
  }

  /**
   * Returns the subcategory code, for example {@code vpn}.
   *
   * @return the subcategory, or empty
   */
  public Optional<String> subcategory() {
    return classification.subcategory();
  }

  /**
   * Returns the impact.
   *
   * @return the impact, or empty
   */
  public Optional<Impact> impact() {
    return classification.impact();
  }

  /**
   * Returns the urgency.
   *
   * @return the urgency, or empty
   */
  public Optional<Urgency> urgency() {
    return classification.urgency();
  }

  /**
   * Returns the priority.
   *
   * @return the priority, or empty
   */
  public Optional<Priority> priority() {
    return classification.priority();
  }

  /**
   * Returns the team the incident is assigned to.
   *
   * @return the team, or empty while unassigned
   */
  public Optional<String> team() {
    return assignment.map(Assignment::team);
  }

  /**
   * Tells whether an actor id is this incident's caller.
   *
   * @param actorId the actor's id
   * @return {@code true} if the incident has a caller with that id
   */
  public boolean isCalledBy(String actorId) {
    return ticket.caller().map(c -> c.id().equals(actorId)).orElse(false);
  }

  /**
   * Returns a copy with another classification.
   *
   * @param classification the classification
   * @return the copy
   */
  public Incident withClassification(Classification classification) {
    return new Incident(id, ticket, classification, assignment, status, onHoldReason, resolution,
        approvalRequired, approval, reopenCount, reassignmentCount, links, tags, updatedAt, version);
  }

  /**
   * Returns a copy with another assignment.
   *
   * @param assignment the assignment, or {@code null} for none
   * @return the copy
   */
  public Incident withAssignment(Assignment assignment) {
    return new Incident(id, ticket, classification, Optional.ofNullable(assignment), status,
        onHoldReason, resolution, approvalRequired, approval, reopenCount, reassignmentCount, links,
        tags, updatedAt, version);
  }

  /**
   * Returns a copy with another status and hold reason.
   *
   * @param status the status
   * @param onHoldReason why it is on hold, or {@code null} for none
   * @return the copy
   */
  public Incident withStatus(Status status, OnHoldReason onHoldReason) {
    return new Incident(id, ticket, classification, assignment, status,
        Optional.ofNullable(onHoldReason), resolution, approvalRequired, approval, reopenCount,
        reassignmentCount, links, tags, updatedAt, version);
  }

  /**
   * Returns a copy with another resolution.
   *
   * @param resolution the resolution, or {@code null} for none
   * @return the copy
   */
  public Incident withResolution(Resolution resolution) {
    return new Incident(id, ticket, classification, assignment, status, onHoldReason,
        Optional.ofNullable(resolution), approvalRequired, approval, reopenCount, reassignmentCount,
        links, tags, updatedAt, version);
  }

  /**
   * Returns a copy with another approval requirement and approval.
   *
   * @param approvalRequired whether resolving needs approval
   * @param approval the latest approval, or {@code null} for none
   * @return the copy
   */
  public Incident withApproval(boolean approvalRequired, Approval approval) {
    return new Incident(id, ticket, classification, assignment, status, onHoldReason, resolution,
        approvalRequired, Optional.ofNullable(approval), reopenCount, reassignmentCount, links, tags,
        updatedAt, version);
  }

  /**
   * Returns a copy with other counters.
   *
   * @param reopenCount how often it was reopened
   * @param reassignmentCount how often it was reassigned
   * @return the copy
   */
  public Incident withCounts(int reopenCount, int reassignmentCount) {
    return new Incident(id, ticket, classification, assignment, status, onHoldReason, resolution,
        approvalRequired, approval, reopenCount, reassignmentCount, links, tags, updatedAt, version);
  }

  /**
   * Returns a copy with other links.
   *
   * @param links the links
   * @return the copy
   */
  public Incident withLinks(List<Link> links) {
    return new Incident(id, ticket, classification, assignment, status, onHoldReason, resolution,
        approvalRequired, approval, reopenCount, reassignmentCount, links, tags, updatedAt, version);
  }

  /**
   * Returns a copy with other tags.
   *
   * @param tags the tags
   * @return the copy
   */
  public Incident withTags(Set<String> tags) {
    return new Incident(id, ticket, classification, assignment, status, onHoldReason, resolution,
        approvalRequired, approval, reopenCount, reassignmentCount, links, tags, updatedAt, version);
  }

  /**
   * Returns a copy at another version and last change: an event was applied.
   *
   * @param version the version, the event's sequence
   * @param updatedAt the event's instant
   * @return the copy
   */
  public Incident withVersion(long version, Instant updatedAt) {
    return new Incident(id, ticket, classification, assignment, status, onHoldReason, resolution,
        approvalRequired, approval, reopenCount, reassignmentCount, links, tags, updatedAt, version);
  }

  @Override
  public String toString() {
    return "Incident{" + id + " v" + version + " " + status + " '" + ticket.title() + "'}";
  }
}
