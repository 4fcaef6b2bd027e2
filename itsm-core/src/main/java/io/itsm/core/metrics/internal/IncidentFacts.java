package io.itsm.core.metrics.internal;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.event.ApprovalRequested;
import io.itsm.core.event.Assigned;
import io.itsm.core.event.Cancelled;
import io.itsm.core.event.Categorized;
import io.itsm.core.event.CloseReason;
import io.itsm.core.event.Closed;
import io.itsm.core.event.Escalated;
import io.itsm.core.event.EscalationKind;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.event.Prioritized;
import io.itsm.core.event.PutOnHold;
import io.itsm.core.event.Reopened;
import io.itsm.core.event.Resolved;
import io.itsm.core.event.Resumed;
import io.itsm.core.event.StatusChanged;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.sla.SlaClock;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.sla.SlaReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the metrics need from one incident's history, cut at the end of the period: one pass over
 * the events (no incident state is rebuilt) and one evaluation of the SLA clocks.
 *
 * <p>The status follows the same rules as {@code IncidentHistory.apply}; a test replays every
 * test history both ways and compares.
 *
 * <p>Not thread-safe: one per history.
 */
public final class IncidentFacts {

  /** A block of time the incident was IN_PROGRESS, with who held it. */
  public record WorkSegment(Instant start, Instant end, String team, SupportLevel level) {}

  String id;
  Instant openedAt;
  String caller;
  String department;
  String language;
  String channel;
  String service;
  String category;
  String subcategory;
  Priority priority;
  String team;
  String assignee;
  SupportLevel level;
  Status status;
  Instant ackAt;
  Instant finalResolvedAt;
  boolean firstContact;
  int reassignmentsAtResolution;
  Instant closedAt;
  boolean closedWithoutResolution;
  Instant cancelledAt;
  boolean reopened;
  boolean escalatedFunctional;
  boolean escalatedHierarchical;
  final List<Instant> reopens = new ArrayList<>(2);
  final List<Instant> reassignments = new ArrayList<>(2);
  /** Instants the incident became open and stopped being open, alternately, from openedAt. */
  final List<Instant> openToggles = new ArrayList<>(4);
  final List<WorkSegment> work = new ArrayList<>(2);
  SlaReport sla;
  private Instant workStart;

  private IncidentFacts() {}

  /**
   * Reads a history up to an instant.
   *
   * @param history the whole history, oldest first
   * @param to events at or after it are ignored
   * @param policy the SLA policy to evaluate the clocks by
   * @return the facts, or empty when the incident was logged at or after {@code to}
   * @throws ValidationException if the history does not start with IncidentLogged, or its SLA
   *     clocks cannot be evaluated (out of order, mixed incidents); the message names the incident
   */
  public static Optional<IncidentFacts> read(List<? extends IncidentEvent> history, Instant to,
      SlaPolicy policy) {
    int n = 0;
    while (n < history.size() && history.get(n).at().isBefore(to)) {
      n++;
    }
    if (n == 0) {
      return Optional.empty();
    }
    List<? extends IncidentEvent> cut = n == history.size() ? history : history.subList(0, n);
    IncidentFacts f = new IncidentFacts();
    f.fold(cut);
    try {
      f.sla = SlaClock.evaluate(cut, policy, to);
    } catch (ValidationException e) {
      throw new ValidationException("metrics cannot read the history of " + f.id + ": "
          + e.getMessage());
    }
    return Optional.of(f);
  }

  private void fold(List<? extends IncidentEvent> events) {
    if (!(events.get(0) instanceof IncidentLogged logged)) {
      throw new ValidationException("metrics cannot read the history of "
          + events.get(0).incidentId() + ": it must start with IncidentLogged, but started with "
          + events.get(0).type());
    }
    id = logged.incidentId();
    openedAt = logged.openedAt();
    Optional<Caller> c = logged.trustedCaller();
    caller = c.map(Caller::id).orElse(null);
    department = c.flatMap(Caller::department).orElse(null);
    language = c.flatMap(Caller::language).orElse(null);
    channel = logged.ticket().channel().map(Enum::name).orElse(null);
    service = logged.ticket().service().orElse(null);
    status = Status.NEW;
    openToggles.add(openedAt);
    if (isAcknowledgement(logged)) {
      ackAt = logged.at();
    }
    boolean hasAssignment = false;
    for (int i = 1; i < events.size(); i++) {
      IncidentEvent e = events.get(i);
      Instant at = e.at();
      if (ackAt == null && isAcknowledgement(e)) {
        ackAt = at;
      }
      Status next = status;
      if (e instanceof Categorized x) {
        category = x.category();
        subcategory = x.subcategory().orElse(null);
      } else if (e instanceof Prioritized x) {
        priority = x.priority();
      } else if (e instanceof Assigned x) {
        hasAssignment = assign(x.assignment(), hasAssignment, at);
        next = x.status();
      } else if (e instanceof Escalated x) {
        if (x.kind() == EscalationKind.FUNCTIONAL) {
          escalatedFunctional = true;
        } else if (x.kind() == EscalationKind.HIERARCHICAL) {
          escalatedHierarchical = true;
        }
        if (x.assignment().isPresent()) {
          hasAssignment = assign(x.assignment().get(), hasAssignment, at);
        }
      } else if (e instanceof StatusChanged x) {
        next = x.to();
      } else if (e instanceof PutOnHold) {
        next = Status.ON_HOLD;
      } else if (e instanceof Resumed) {
        next = Status.IN_PROGRESS;
      } else if (e instanceof ApprovalRequested) {
        next = Status.PENDING_APPROVAL;
      } else if (e instanceof Resolved x) {
        next = Status.RESOLVED;
        finalResolvedAt = at;
        firstContact = x.resolution().firstContact();
        reassignmentsAtResolution = reassignments.size();
      } else if (e instanceof Reopened) {
        next = Status.IN_PROGRESS;
        reopened = true;
        reopens.add(at);
        finalResolvedAt = null;
        closedAt = null;
      } else if (e instanceof Closed x) {
        next = Status.CLOSED;
        closedAt = at;
        closedWithoutResolution = x.closeReason() == CloseReason.WITHOUT_RESOLUTION;
        if (closedWithoutResolution) {
          finalResolvedAt = null;
        }
      } else if (e instanceof Cancelled) {
        next = Status.CANCELLED;
        cancelledAt = at;
      }
      move(next, at);
    }
  }

  /**
   * A reassignment moves an assigned incident away from its holder: to another team, or from one
   * assignee to another (or back to the team's queue). Giving the first assignee to an incident
   * its team holds unassigned is a pick-up, not a reassignment.
   */
  private boolean assign(Assignment a, boolean hadAssignment, Instant at) {
    String newTeam = a.team();
    String newAssignee = a.assignee().orElse(null);
    boolean changed = hadAssignment
        && (!newTeam.equals(team) || !java.util.Objects.equals(newAssignee, assignee));
    if (hadAssignment && (!newTeam.equals(team)
        || (assignee != null && !assignee.equals(newAssignee)))) {
      reassignments.add(at);
    }
    if (workStart != null && (changed || a.level() != level)) {
      // the work so far was done by the previous holder
      closeWork(at);
      workStart = at;
    }
    team = newTeam;
    assignee = newAssignee;
    level = a.level();
    return true;
  }

  private void move(Status next, Instant at) {
    if (next != Status.IN_PROGRESS && workStart != null) {
      closeWork(at);
    } else if (next == Status.IN_PROGRESS && workStart == null) {
      workStart = at;
    }
    if (next.isOpen() != status.isOpen()) {
      Instant last = openToggles.get(openToggles.size() - 1);
      openToggles.add(at.isBefore(last) ? last : at);
    }
    status = next;
  }

  private void closeWork(Instant at) {
    if (at.isAfter(workStart)) {
      work.add(new WorkSegment(workStart, at, team, level));
    }
    workStart = null;
  }

  private boolean isAcknowledgement(IncidentEvent e) {
    String actor = e.actor();
    return !Actor.SYSTEM_ID.equals(actor) && !actor.equals(caller);
  }

  /**
   * Returns the handling time up to the final resolution: the business time of each work segment
   * on a calendar, or for a first-contact resolution never worked, openedAt to the resolution.
   *
   * @param cal the calendar
   * @param each told each segment and its seconds (the contact of a first-contact resolution as a
   *     segment held by the team at the resolution)
   * @return the seconds; 0 when not resolved
   */
  long handling(io.itsm.core.sla.BusinessCalendar cal,
      java.util.function.ObjLongConsumer<WorkSegment> each) {
    Instant t = finalResolvedAt;
    if (t == null) {
      return 0;
    }
    if (firstContact && work.isEmpty()) {
      long s = business(cal, openedAt, t);
      each.accept(new WorkSegment(openedAt, t, team, level), s);
      return s;
    }
    long total = 0;
    for (WorkSegment w : work) {
      if (w.start().isBefore(t)) {
        Instant end = w.end().isAfter(t) ? t : w.end();
        long s = business(cal, w.start(), end);
        each.accept(w, s);
        total += s;
      }
    }
    return total;
  }

  private static long business(io.itsm.core.sla.BusinessCalendar cal, Instant a, Instant b) {
    return b.isAfter(a) ? cal.businessTimeBetween(a, b).getSeconds() : 0;
  }

  /**
   * Returns the incident id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the status at the end of the period.
   *
   * @return the status after the last event before the end
   */
  public Status status() {
    return status;
  }

  /**
   * Returns the blocks the incident was worked, up to the end of the period.
   *
   * @return the closed work segments, oldest first
   */
  public List<WorkSegment> work() {
    return work;
  }

  /**
   * Returns the SLA clocks at the end of the period.
   *
   * @return the report
   */
  public SlaReport sla() {
    return sla;
  }

  /**
   * Returns whether the incident is open (backlog) at an instant: after every event before it.
   *
   * @param at the instant, at most the end of the period
   * @return {@code true} if open
   */
  public boolean openAt(Instant at) {
    int k = 0;
    for (Instant t : openToggles) {
      if (!t.isBefore(at)) {
        break;
      }
      k++;
    }
    return (k & 1) == 1;
  }
}
