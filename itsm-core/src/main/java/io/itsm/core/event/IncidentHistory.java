package io.itsm.core.event;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageAttribute;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds an incident's state from its events. The desk itself computes every new state this
 * way, so a stored history always replays to the state the desk had.
 *
 * <p>Stateless and thread-safe.
 */
public final class IncidentHistory {

  private IncidentHistory() {}

  /**
   * Rebuilds an incident from its whole history.
   *
   * @param events the history, oldest first, starting with {@link IncidentLogged}
   * @return the incident after the last event
   * @throws ValidationException if the history is empty, does not start with {@link
   *     IncidentLogged}, mixes incidents, skips or repeats a sequence number, or goes back in time
   */
  public static Incident replay(List<? extends IncidentEvent> events) {
    Objects.requireNonNull(events, "events");
    if (events.isEmpty()) {
      throw new ValidationException("events must not be empty: a history starts with IncidentLogged");
    }
    Incident incident = null;
    for (IncidentEvent event : events) {
      incident = apply(incident, event);
    }
    return incident;
  }

  /**
   * Applies one event to an incident.
   *
   * @param current the incident before the event, or {@code null} when {@code event} is the
   *     {@link IncidentLogged} that starts the history
   * @param event the event
   * @return the incident after the event, with its version equal to the event's sequence
   * @throws ValidationException if the event does not follow {@code current}: another incident,
   *     a sequence other than {@code current.version() + 1}, an instant before the last change,
   *     or a first event that is not {@link IncidentLogged}
   */
  public static Incident apply(Incident current, IncidentEvent event) {
    Objects.requireNonNull(event, "event");
    if (current == null) {
      if (!(event instanceof IncidentLogged logged)) {
        throw new ValidationException(
            "history of " + event.incidentId() + " must start with IncidentLogged, but started with "
                + event.type());
      }
      return logged(logged);
    }
    if (!current.id().equals(event.incidentId())) {
      throw new ValidationException(
          "event " + event.type() + " #" + event.sequence() + " belongs to incident "
              + event.incidentId() + ", not to " + current.id());
    }
    if (event.sequence() != current.version() + 1) {
      throw new ValidationException(
          "events out of order for " + current.id() + ": expected sequence "
              + (current.version() + 1) + ", but was " + event.sequence() + " (" + event.type() + ")");
    }
    if (event.at().isBefore(current.updatedAt())) {
      throw new ValidationException(
          "events out of order for " + current.id() + ": " + event.type() + " #" + event.sequence()
              + " at " + event.at() + " is before the previous change at " + current.updatedAt());
    }
    Incident c = current.withVersion(event.sequence(), event.at());
    if (event instanceof IncidentLogged) {
      throw new ValidationException(
          "incident " + current.id() + " is already logged; IncidentLogged may only come first");
    } else if (event instanceof Categorized e) {
      return c.withClassification(
          c.classification().withCategory(e.category(), e.subcategory().orElse(null)));
    } else if (event instanceof Prioritized e) {
      return c.withClassification(
          c.classification().withPriority(e.impact(), e.urgency(), e.priority()));
    } else if (event instanceof Assigned e) {
      // a reassignment while on hold keeps the hold (and its reason)
      return c.withAssignment(e.assignment())
          .withStatus(e.status(), e.status() == Status.ON_HOLD ? c.onHoldReason().orElse(null) : null)
          .withCounts(c.reopenCount(), reassignments(current, e.assignment()));
    } else if (event instanceof ApprovalRequirementDecided e) {
      return c.withApproval(e.required(), c.approval().orElse(null));
    } else if (event instanceof Tagged e) {
      Set<String> tags = new LinkedHashSet<>(c.tags());
      tags.addAll(e.tags());
      return c.withTags(tags);
    } else if (event instanceof StatusChanged e) {
      return c.withStatus(e.to(), e.to() == Status.ON_HOLD ? c.onHoldReason().orElse(null) : null);
    } else if (event instanceof PutOnHold e) {
      return c.withStatus(Status.ON_HOLD, e.reason());
    } else if (event instanceof Resumed) {
      return c.withStatus(Status.IN_PROGRESS, null);
    } else if (event instanceof CommentAdded) {
      return c; // comments live in the history only; the version and updatedAt move on
    } else if (event instanceof ResolutionProposed e) {
      return c.withResolution(e.resolution()).withStatus(c.status(), null);
    } else if (event instanceof ApprovalRequested e) {
      return c.withApproval(c.approvalRequired(), e.approval())
          .withStatus(Status.PENDING_APPROVAL, c.onHoldReason().orElse(null));
    } else if (event instanceof ApprovalDecided e) {
      return c.withApproval(c.approvalRequired(), e.approval());
    } else if (event instanceof ApprovalExpired e) {
      return c.withApproval(c.approvalRequired(), e.approval());
    } else if (event instanceof Resolved e) {
      return c.withResolution(e.resolution()).withStatus(Status.RESOLVED, null);
    } else if (event instanceof Reopened e) {
      return c.withStatus(Status.IN_PROGRESS, c.onHoldReason().orElse(null)).withResolution(null)
          .withCounts(e.reopenCount(), c.reassignmentCount());
    } else if (event instanceof Closed) {
      return c.withStatus(Status.CLOSED, null);
    } else if (event instanceof Cancelled) {
      return c.withStatus(Status.CANCELLED, null);
    } else if (event instanceof Escalated e) {
      return e.assignment().map(a -> c.withAssignment(a)
          .withCounts(c.reopenCount(), reassignments(current, a))).orElse(c);
    } else if (event instanceof Linked e) {
      List<Link> links = new ArrayList<>(c.links());
      if (!links.contains(e.link())) {
        links.add(e.link());
      }
      return c.withLinks(links);
    } else if (event instanceof SlaThresholdReached || event instanceof SlaBreached) {
      return c; // SLA records live in the history only; the version and updatedAt move on
    }
    throw new IllegalStateException("unhandled event type " + event.type());
  }

  /** The reassignment count after a new assignment: one more when it changes team or assignee. */
  private static int reassignments(Incident current, Assignment next) {
    Optional<Assignment> before = current.assignment();
    boolean changed = before.isPresent()
        && (!before.get().team().equals(next.team()) || !before.get().assignee().equals(next.assignee()));
    return current.reassignmentCount() + (changed ? 1 : 0);
  }

  /**
   * Explains why an incident has its value of one attribute, from its history alone: every event
   * that set the attribute (triage decisions, changes by hand, escalations, the value as reported
   * in the ticket), with who decided and, for triage, the winning decision and the overruled
   * candidates.
   *
   * @param events the incident's whole history, oldest first, starting with {@link IncidentLogged}
   * @param attribute the attribute to explain
   * @return the explanation; its last change gives the value the incident has now
   * @throws ValidationException if the events do not replay (see {@link #replay})
   */
  public static Explanation explain(
      List<? extends IncidentEvent> events, TriageAttribute attribute) {
    Objects.requireNonNull(attribute, "attribute");
    Incident incident = replay(events);
    List<Explanation.Change> changes = new ArrayList<>();
    Set<String> tags = new LinkedHashSet<>();
    for (IncidentEvent e : events) {
      Object value = null;
      Provenance by = null;
      boolean changed = true;
      switch (attribute) {
        case CATEGORY -> {
          if (e instanceof Categorized c) {
            value = c.category();
            by = c.decidedBy();
          }
        }
        case SUBCATEGORY -> {
          if (e instanceof Categorized c) {
            value = c.subcategory().orElse(null);
            by = c.decidedBy();
            changed = value != null || !changes.isEmpty(); // none before and none now: no change
          }
        }
        case IMPACT, URGENCY, PRIORITY -> {
          if (e instanceof Prioritized p) {
            value = switch (attribute) {
              case IMPACT -> p.impact();
              case URGENCY -> p.urgency();
              default -> p.priority();
            };
            by = p.decidedBy();
          } else if (e instanceof IncidentLogged l && attribute != TriageAttribute.PRIORITY) {
            value = attribute == TriageAttribute.IMPACT
                ? l.ticket().impact().orElse(null) : l.ticket().urgency().orElse(null);
            by = asReported(l);
            // a caller's own impact or urgency is a claim: it did not set the incident's value
            changed = value != null && !l.selfReported();
          }
        }
        case TEAM, SUPPORT_LEVEL -> {
          Optional<Assignment> a =
              e instanceof Assigned x ? Optional.of(x.assignment())
                  : e instanceof Escalated x ? x.assignment() : Optional.empty();
          if (a.isPresent()) {
            value = attribute == TriageAttribute.TEAM
                ? a.get().team() : a.get().level();
            by = e instanceof Assigned x ? x.decidedBy() : ((Escalated) e).decidedBy();
          }
        }
        case APPROVAL_REQUIRED -> {
          if (e instanceof ApprovalRequirementDecided d) {
            value = d.required();
            by = d.decidedBy();
          }
        }
        case TAG -> {
          if (e instanceof IncidentLogged l && !l.ticket().tags().isEmpty()) {
            tags.addAll(l.ticket().tags());
            value = Set.copyOf(tags);
            by = asReported(l);
          } else if (e instanceof Tagged t) {
            tags.addAll(t.tags());
            value = Set.copyOf(tags);
            by = t.decidedBy();
          }
        }
      }
      if (by != null && changed) {
        changes.add(new Explanation.Change(e.sequence(), e.at(), e.actor(), e.type(),
            Optional.ofNullable(value), by,
            by.contributing(attribute),
            by.overruled(attribute)));
      }
    }
    return new Explanation(incident.id(), attribute, changes);
  }

  private static Provenance asReported(IncidentLogged l) {
    return new Provenance(Provenance.Kind.MANUAL, l.actor().isBlank() ? "unknown" : l.actor(),
        Explanation.Change.AS_REPORTED);
  }

  private static Incident logged(IncidentLogged e) {
    if (e.sequence() != 1) {
      throw new ValidationException(
          "IncidentLogged of " + e.incidentId() + " must have sequence 1, but was " + e.sequence());
    }
    Ticket t = e.ticket();
    // the ticket as the desk trusts it: its caller, and a caller's own impact and urgency are claims
    Ticket trusted = t.toBuilder()
        .caller(e.trustedCaller().orElse(null))
        .impact(e.selfReported() ? null : t.impact().orElse(null))
        .urgency(e.selfReported() ? null : t.urgency().orElse(null))
        .openedAt(e.openedAt())
        .build();
    return Incident.logged(e.incidentId(), trusted, e.at());
  }
}
