package io.itsm.core.review.internal;

import io.itsm.core.event.Assigned;
import io.itsm.core.event.Cancelled;
import io.itsm.core.event.Closed;
import io.itsm.core.event.CloseReason;
import io.itsm.core.event.EscalationKind;
import io.itsm.core.event.Escalated;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.event.Prioritized;
import io.itsm.core.event.Provenance;
import io.itsm.core.event.PutOnHold;
import io.itsm.core.event.Reopened;
import io.itsm.core.event.Resolved;
import io.itsm.core.event.Resumed;
import io.itsm.core.event.SlaBreached;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import io.itsm.core.review.ReviewImpact;
import io.itsm.core.review.SlaMiss;
import io.itsm.core.review.TimelineEntry;
import io.itsm.core.sla.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Assembles a review's timeline and impact from the histories of its incidents.
 *
 * <p>The timeline keeps what a review asks about: logged, prioritized, assigned, escalated, put on
 * hold and resumed, SLA breaches, resolved, reopened and closed; ordered by instant, then by the
 * incident's place in the scope, then by sequence. The impact: the number of incidents; the users
 * affected (the largest number one incident reported, at least the number of distinct callers);
 * from the first log to the last resolution (or, while one is unresolved, to {@code now}); that
 * span's working time on the calendar; and every SLA breach.
 *
 * <p>Stateless and thread-safe.
 */
public final class TimelineAssembler {

  /** A timeline with its impact. */
  public record Assembled(List<TimelineEntry> timeline, ReviewImpact impact) {}

  private TimelineAssembler() {}

  /**
   * Assembles the timeline and impact.
   *
   * @param histories each incident's history, in the scope's order
   * @param incidents each incident's state
   * @param calendar the calendar business time is counted on
   * @param now the instant an unresolved span ends at
   * @return the timeline and impact
   */
  public static Assembled assemble(Map<String, List<IncidentEvent>> histories,
      Map<String, Incident> incidents, BusinessCalendar calendar, Instant now) {
    Map<String, Integer> order = new LinkedHashMap<>();
    histories.keySet().forEach(id -> order.put(id, order.size()));
    List<TimelineEntry> timeline = new ArrayList<>();
    List<SlaMiss> misses = new ArrayList<>();
    Instant started = null;
    Instant restored = null;
    boolean allRestored = true;
    int users = 0;
    Set<String> callers = new HashSet<>();
    for (Map.Entry<String, List<IncidentEvent>> h : histories.entrySet()) {
      Instant restoredHere = null;
      for (IncidentEvent e : h.getValue()) {
        entry(e).ifPresent(x -> timeline.add(new TimelineEntry(e.at(), e.incidentId(),
            e.sequence(), x.kind(), e.actor(), x.text())));
        if (e instanceof SlaBreached b) {
          misses.add(new SlaMiss(b.incidentId(), b.kind(), b.dueAt(), b.at()));
        } else if (e instanceof Resolved || e instanceof Cancelled
            || e instanceof Closed c && c.closeReason() == CloseReason.WITHOUT_RESOLUTION) {
          restoredHere = e.at();
        } else if (e instanceof Reopened) {
          restoredHere = null;
        }
      }
      Incident inc = incidents.get(h.getKey());
      if (inc != null) {
        started = started == null || inc.openedAt().isBefore(started) ? inc.openedAt() : started;
        users = Math.max(users, inc.ticket().affectedUsers());
        inc.caller().map(Caller::id).ifPresent(callers::add);
      }
      if (restoredHere == null) {
        allRestored = false;
      } else if (restored == null || restoredHere.isAfter(restored)) {
        restored = restoredHere;
      }
    }
    timeline.sort(Comparator.comparing(TimelineEntry::at)
        .thenComparing(t -> order.getOrDefault(t.incidentId(), Integer.MAX_VALUE))
        .thenComparingLong(TimelineEntry::sequence));
    Instant start = started == null ? now : started;
    Optional<Instant> restoredAt = allRestored && restored != null
        ? Optional.of(restored) : Optional.empty();
    Instant end = restoredAt.orElse(now.isBefore(start) ? start : now);
    ReviewImpact impact = new ReviewImpact(histories.size(), Math.max(users, callers.size()),
        start, restoredAt, Duration.between(start, end), calendar.businessTimeBetween(start, end),
        misses);
    return new Assembled(List.copyOf(timeline), impact);
  }

  private record Line(TimelineEntry.Kind kind, String text) {}

  private static Optional<Line> entry(IncidentEvent e) {
    if (e instanceof IncidentLogged l) {
      Ticket t = l.ticket();
      return line(TimelineEntry.Kind.LOGGED, t.title()
          + t.channel().map(c -> " (via " + c + ")").orElse("")
          + (t.affectedUsers() > 1 ? ", " + t.affectedUsers() + " users affected" : ""));
    } else if (e instanceof Prioritized p) {
      return line(TimelineEntry.Kind.PRIORITIZED, p.priority() + " (impact " + p.impact()
          + ", urgency " + p.urgency() + ")" + byRule(p.decidedBy()));
    } else if (e instanceof Assigned a) {
      return line(TimelineEntry.Kind.ASSIGNED, a.assignment().team() + " "
          + a.assignment().level() + a.assignment().assignee().map(x -> " (" + x + ")").orElse("")
          + byRule(a.decidedBy()));
    } else if (e instanceof Escalated x) {
      return line(TimelineEntry.Kind.ESCALATED, (x.kind() == EscalationKind.FUNCTIONAL
          ? "to " + x.assignment().map(a -> a.team() + " " + a.level()).orElse("?")
          : "notify " + x.notified().map(Enum::name).orElse("?")) + ": " + x.reason());
    } else if (e instanceof PutOnHold h) {
      return line(TimelineEntry.Kind.ON_HOLD, h.reason() + (h.note().isEmpty() ? ""
          : ": " + h.note()));
    } else if (e instanceof Resumed r) {
      return line(TimelineEntry.Kind.RESUMED, r.note());
    } else if (e instanceof SlaBreached b) {
      return line(TimelineEntry.Kind.SLA_BREACHED, b.kind().label() + " target breached, was due "
          + b.dueAt());
    } else if (e instanceof Resolved r) {
      return line(TimelineEntry.Kind.RESOLVED, r.resolution().code() + ": "
          + r.resolution().steps());
    } else if (e instanceof Reopened r) {
      return line(TimelineEntry.Kind.REOPENED, "reopen #" + r.reopenCount() + ": " + r.reason());
    } else if (e instanceof Closed c) {
      return line(TimelineEntry.Kind.CLOSED, c.closeReason() + (c.note().isEmpty() ? ""
          : ": " + c.note()));
    } else if (e instanceof Cancelled c) {
      return line(TimelineEntry.Kind.CLOSED, "CANCELLED: " + c.reason());
    }
    return Optional.empty();
  }

  private static Optional<Line> line(TimelineEntry.Kind kind, String text) {
    return Optional.of(new Line(kind, text));
  }

  private static String byRule(Provenance p) {
    return p.kind() == Provenance.Kind.RULE ? " [rule: " + p.name() + "]" : "";
  }
}
