package io.itsm.core.sla;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.event.CloseReason;
import io.itsm.core.event.Closed;
import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.event.Reopened;
import io.itsm.core.event.ResolutionProposed;
import io.itsm.core.event.Resolved;
import io.itsm.core.event.Resumed;
import io.itsm.core.event.SlaKind;
import io.itsm.core.event.StatusChanged;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Computes an incident's SLA clocks from its event history and an {@link SlaPolicy} alone. There
 * is no stored SLA state: the same history, policy and instant always give the same {@link
 * SlaReport}, so a stored history can be re-evaluated and explained at any time.
 *
 * <pre>{@code
 * SlaReport r = SlaClock.evaluate(desk.history(agent, id), SlaPolicy.defaults(), Instant.now());
 * r.resolution().explain();  // "resolution due Tue 24 Nov 10:30 UTC; paused 3 h 12 min awaiting user; 82 % used"
 * }</pre>
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>Start.</b> Both clocks start at the incident's {@code openedAt}.
 *   <li><b>Pause.</b> While the incident is ON_HOLD for a reason the policy pauses on ({@link
 *       SlaPolicy#pauseReasons()}, by default only AWAITING_USER), neither clock runs. Holds for
 *       other reasons (a vendor, a change) do not stop the clock.
 *   <li><b>Response</b> is the first human action the caller can see or that starts work:
 *       <ul>
 *         <li>work started or resumed: {@link StatusChanged} to IN_PROGRESS, or {@link Resumed};
 *         <li>a PUBLIC {@link CommentAdded} by someone other than the caller;
 *         <li>a resolution: {@link ResolutionProposed} or {@link Resolved}.
 *       </ul>
 *       Events by the {@code "system"} actor never count, and neither do assignment,
 *       categorization, prioritization, internal work notes, links or escalations. In particular
 *       the assignment triage rules make when a ticket is logged is not a response: it would make
 *       every response instant and the response target meaningless. A comment by the caller is
 *       not a response either.
 *   <li><b>Resolution</b> stops at {@link Resolved} (PENDING_APPROVAL still counts: the caller
 *       is still without a fix). A reopen resumes it with the elapsed time kept, so a
 *       reopened ticket does not get a fresh target. CLOSED after RESOLVED leaves it stopped.
 *   <li><b>Cancelled</b> incidents, and incidents closed without a resolution (a duplicate, raised
 *       in error), stop both clocks that are still running, with state {@link SlaState#CANCELLED}
 *       (no outcome). Reopening a closed incident runs its stopped clocks again, elapsed time
 *       kept.
 *   <li><b>Priority changes</b>: the targets are those of the incident's current priority (and
 *       current service, category and caller), applied from the start; the elapsed time is kept.
 *       A P3 raised to P1 after 3 hours is therefore at 75 % of a 4-hour target at once. When the
 *       new target uses another calendar, all elapsed time is recounted on it.
 *   <li><b>No priority yet</b>: measured as {@link SlaPolicy#defaultPriority()} (P3 by default),
 *       and the report says the priority was assumed.
 *   <li><b>Breach</b>: a clock is breached when more business time elapsed than the target
 *       allows; {@link SlaStatus#breachedAt()} is the instant it reached 100 %.
 * </ul>
 *
 * <p><b>Cost.</b> One pass over the events, plus a few calls of the calendar's {@code
 * businessTimeBetween}/{@code addBusinessTime} per block the clock ran; no per-minute loops.
 *
 * <p>Stateless and thread-safe.
 */
public final class SlaClock {

  private SlaClock() {}

  /**
   * Evaluates an incident's SLA clocks at an instant.
   *
   * @param history the incident's whole history, oldest first, starting with IncidentLogged
   * @param policy the SLA policy
   * @param now the instant to evaluate at; not before the last event
   * @return the report
   * @throws ValidationException if the history is empty, out of order or mixes incidents (as
   *     {@link IncidentHistory#replay}), or if {@code now} is before its last event
   */
  public static SlaReport evaluate(List<? extends IncidentEvent> history, SlaPolicy policy, Instant now) {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(now, "now");
    if (history.isEmpty()) {
      throw new ValidationException("history must not be empty: a history starts with IncidentLogged");
    }
    Incident inc = null;
    Instant start = null;
    Track response = new Track();
    Track resolution = new Track();
    boolean responded = false;
    boolean closedUnresolved = false;
    for (IncidentEvent e : history) {
      inc = IncidentHistory.apply(inc, e);
      if (e instanceof Closed c) {
        closedUnresolved = c.closeReason() == CloseReason.WITHOUT_RESOLUTION;
      } else if (e instanceof Reopened) {
        closedUnresolved = false;
      }
      Instant t;
      if (start == null) {
        start = inc.openedAt();
        t = start;
      } else {
        t = e.at().isBefore(start) ? start : e.at();
        if (!responded && isResponse(e, inc)) {
          responded = true;
        }
      }
      Status status = inc.status();
      Optional<OnHoldReason> hold = status == Status.ON_HOLD ? inc.onHoldReason() : Optional.empty();
      boolean pausing = hold.isPresent() && policy.pauses(hold.get());
      boolean cancelled = status == Status.CANCELLED || (status == Status.CLOSED && closedUnresolved);
      boolean resolved = status == Status.RESOLVED || (status == Status.CLOSED && !closedUnresolved);

      if (responded || cancelled || status.isFinal()) {
        response.stop(t, responded ? Stop.DONE : closedUnresolved ? Stop.UNRESOLVED : Stop.CANCELLED);
      } else {
        response.move(t, pausing ? Mode.PAUSED : Mode.RUNNING, hold);
      }
      if (resolved || cancelled) {
        resolution.stop(t, resolved ? Stop.DONE : closedUnresolved ? Stop.UNRESOLVED : Stop.CANCELLED);
      } else {
        resolution.move(t, pausing ? Mode.PAUSED : Mode.RUNNING, hold);
      }
    }
    if (now.isBefore(inc.updatedAt())) {
      throw new ValidationException("now must not be before the last event of " + inc.id() + " at "
          + inc.updatedAt() + ", but was " + now);
    }
    Priority priority = inc.priority().orElse(policy.defaultPriority());
    SlaTargets targets = policy.targetsFor(inc);
    Instant end = now.isBefore(start) ? start : now;
    return new SlaReport(inc.id(), priority, inc.priority().isEmpty(), targets, now,
        response.status(SlaKind.RESPONSE, targets.target(SlaKind.RESPONSE, priority), start, now, end),
        resolution.status(SlaKind.RESOLUTION, targets.target(SlaKind.RESOLUTION, priority), start, now, end));
  }

  private static boolean isResponse(IncidentEvent e, Incident inc) {
    if (Actor.SYSTEM_ID.equals(e.actor())) {
      return false;
    }
    if (e instanceof StatusChanged s) {
      return s.to() == Status.IN_PROGRESS;
    }
    if (e instanceof CommentAdded c) {
      return c.visibility() == Visibility.PUBLIC
          && !inc.caller().map(Caller::id).filter(e.actor()::equals).isPresent();
    }
    return e instanceof Resumed || e instanceof ResolutionProposed || e instanceof Resolved;
  }

  /** The zone explanations use: the calendar's, or the first zone of a union's members, or UTC. */
  static ZoneId zoneOf(BusinessCalendar calendar) {
    if (calendar instanceof WorkingHoursCalendar w) {
      return w.zone();
    }
    if (calendar instanceof UnionCalendar u) {
      for (BusinessCalendar m : u.members()) {
        if (!(m instanceof TwentyFourSeven)) {
          return zoneOf(m);
        }
      }
    }
    return ZoneId.of("UTC");
  }

  private enum Mode { RUNNING, PAUSED, STOPPED }

  private enum Stop { DONE, CANCELLED, UNRESOLVED }

  /** One clock's blocks of running and paused time, built event by event. */
  private static final class Track {
    Mode mode;
    Instant since;
    Stop stop;
    final List<Instant> runs = new ArrayList<>();
    final List<Instant> pauses = new ArrayList<>();
    final Set<OnHoldReason> reasons = EnumSet.noneOf(OnHoldReason.class);

    void move(Instant t, Mode m, Optional<OnHoldReason> hold) {
      if (m == Mode.PAUSED) {
        reasons.add(hold.orElseThrow());
      }
      if (m != mode) {
        close(t);
        mode = m;
        since = t;
      }
    }

    void stop(Instant t, Stop cause) {
      if (mode != Mode.STOPPED) {
        close(t);
        mode = Mode.STOPPED;
        since = t;
        stop = cause;
      }
    }

    private void close(Instant t) {
      if (mode == Mode.RUNNING && t.isAfter(since)) {
        runs.add(since);
        runs.add(t);
      } else if (mode == Mode.PAUSED && t.isAfter(since)) {
        pauses.add(since);
        pauses.add(t);
      }
    }

    SlaStatus status(SlaKind kind, SlaTarget target, Instant start, Instant now, Instant end) {
      List<Instant> r = runs;
      List<Instant> p = pauses;
      if (mode == Mode.RUNNING && end.isAfter(since)) {
        r = new ArrayList<>(runs);
        r.add(since);
        r.add(end);
      } else if (mode == Mode.PAUSED && end.isAfter(since)) {
        p = new ArrayList<>(pauses);
        p.add(since);
        p.add(end);
      }
      BusinessCalendar cal = target.calendar();
      Duration elapsed = sum(cal, r);
      Duration paused = sum(cal, p);
      SlaState state = switch (mode) {
        case RUNNING -> SlaState.RUNNING;
        case PAUSED -> SlaState.PAUSED;
        case STOPPED -> stop != Stop.DONE ? SlaState.CANCELLED
            : elapsed.compareTo(target.duration()) > 0 ? SlaState.MISSED : SlaState.MET;
      };
      return new SlaStatus(kind, target, state, start, now, elapsed, paused, reasons,
          mode == Mode.PAUSED ? Optional.of(since) : Optional.empty(),
          mode == Mode.STOPPED ? Optional.of(since) : Optional.empty(), r, zoneOf(cal),
          mode == Mode.STOPPED && stop == Stop.UNRESOLVED);
    }

    private static Duration sum(BusinessCalendar cal, List<Instant> blocks) {
      Duration d = Duration.ZERO;
      for (int i = 0; i < blocks.size(); i += 2) {
        d = d.plus(cal.businessTimeBetween(blocks.get(i), blocks.get(i + 1)));
      }
      return d;
    }
  }
}
