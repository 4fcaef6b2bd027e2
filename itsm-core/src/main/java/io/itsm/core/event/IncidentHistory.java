package io.itsm.core.event;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Incident;
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
    Incident.Builder b = current.toBuilder().version(event.sequence()).updatedAt(event.at());
    if (event instanceof IncidentLogged) {
      throw new ValidationException(
          "incident " + current.id() + " is already logged; IncidentLogged may only come first");
    } else if (event instanceof Categorized e) {
      b.category(e.category()).subcategory(e.subcategory().orElse(null));
    } else if (event instanceof Prioritized e) {
      b.impact(e.impact()).urgency(e.urgency()).priority(e.priority());
    } else if (event instanceof Assigned e) {
      // a reassignment while on hold keeps the hold (and its reason)
      b.assignment(e.assignment()).status(e.status())
          .onHoldReason(e.status() == Status.ON_HOLD ? current.onHoldReason().orElse(null) : null)
          .reassignmentCount(reassignments(current, e.assignment()));
    } else if (event instanceof ApprovalRequirementDecided e) {
      b.approvalRequired(e.required());
    } else if (event instanceof Tagged e) {
      Set<String> tags = new LinkedHashSet<>(current.tags());
      tags.addAll(e.tags());
      b.tags(tags);
    } else if (event instanceof StatusChanged e) {
      b.status(e.to());
      if (e.to() != Status.ON_HOLD) {
        b.onHoldReason(null);
      }
    } else if (event instanceof PutOnHold e) {
      b.status(Status.ON_HOLD).onHoldReason(e.reason());
    } else if (event instanceof Resumed) {
      b.status(Status.IN_PROGRESS).onHoldReason(null);
    } else if (event instanceof CommentAdded) {
      // comments live in the history only; the version and updatedAt move on
    } else if (event instanceof ResolutionProposed e) {
      b.resolution(e.resolution()).onHoldReason(null);
    } else if (event instanceof ApprovalRequested e) {
      b.approval(e.approval()).status(Status.PENDING_APPROVAL);
    } else if (event instanceof ApprovalDecided e) {
      b.approval(e.approval());
    } else if (event instanceof ApprovalExpired e) {
      b.approval(e.approval());
    } else if (event instanceof Resolved e) {
      b.resolution(e.resolution()).status(Status.RESOLVED).onHoldReason(null);
    } else if (event instanceof Reopened e) {
      b.status(Status.IN_PROGRESS).reopenCount(e.reopenCount()).resolution(null);
    } else if (event instanceof Closed) {
      b.status(Status.CLOSED).onHoldReason(null);
    } else if (event instanceof Cancelled) {
      b.status(Status.CANCELLED).onHoldReason(null);
    } else if (event instanceof Escalated e) {
      e.assignment().ifPresent(a -> b.assignment(a).reassignmentCount(reassignments(current, a)));
    } else if (event instanceof Linked e) {
      List<io.itsm.core.incident.Link> links = new java.util.ArrayList<>(current.links());
      if (!links.contains(e.link())) {
        links.add(e.link());
      }
      b.links(links);
    } else if (event instanceof SlaThresholdReached || event instanceof SlaBreached) {
      // SLA records live in the history only; the version and updatedAt move on
    } else {
      throw new IllegalStateException("unhandled event type " + event.type());
    }
    return b.build();
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
    return Incident.builder()
        .id(e.incidentId())
        .externalId(t.id().orElse(null))
        .type(t.type())
        .title(t.title())
        .description(t.description())
        .channel(t.channel().orElse(null))
        .caller(e.trustedCaller().orElse(null))
        .affectedUsers(t.affectedUsers())
        .service(t.service().orElse(null))
        .configurationItem(t.configurationItem().orElse(null))
        .errorCodes(t.errorCodes())
        .stepsTried(t.stepsTried())
        .attachments(t.attachments())
        // a caller's own impact and urgency are claims, not the desk's decision
        .impact(e.selfReported() ? null : t.impact().orElse(null))
        .urgency(e.selfReported() ? null : t.urgency().orElse(null))
        .tags(t.tags())
        .attributes(t.attributes())
        .status(Status.NEW)
        .openedAt(e.openedAt())
        .updatedAt(e.at())
        .version(1)
        .build();
  }
}
