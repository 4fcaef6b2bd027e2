package io.itsm.core.incident.internal;

import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalStatus;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.Resolved;
import io.itsm.core.event.SlaBreached;
import io.itsm.core.event.SlaKind;
import io.itsm.core.event.SlaThresholdReached;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Status;
import io.itsm.core.sla.SlaClock;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.sla.SlaReport;
import io.itsm.core.sla.SlaState;
import io.itsm.core.sla.SlaStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * When the desk next has due work for an incident: the instant stored with it in the repository's
 * due index, so that {@code tick} reads only incidents that are due.
 *
 * <p>Two answers:
 *
 * <ul>
 *   <li>{@link #afterCommand}: cheap, from the new state alone. Without an SLA policy it is exact
 *       (auto-close of a resolved incident, expiry of a pending approval, else nothing); with one
 *       it is {@link #AT_ONCE}: the next tick looks at the incident and computes the exact time.
 *   <li>{@link #next}: exact, from the state and history at an instant, computed by the tick after
 *       it looked at an incident: the earliest of the auto-close, the approval expiry, the next
 *       SLA threshold or breach not yet recorded, and (with an escalation policy, for open
 *       incidents) the next escalation checkpoint or breach of a running SLA clock.
 * </ul>
 *
 * <p>A due time is never later than the work it stands for; it may be earlier (the tick then
 * finds nothing and stores the exact time), so the index never makes a tick miss work.
 *
 * <p>Immutable and thread-safe.
 */
public final class DueWork {

  /** "Look at it at the next tick, whatever its instant." */
  public static final Instant AT_ONCE = Instant.EPOCH;

  /** One nanosecond of business time: a breach is more business time than the target allows. */
  private static final Duration JUST_PAST = Duration.ofNanos(1);

  /** Past a checkpoint by enough for {@link SlaStatus#percentUsed()} to reach it despite rounding. */
  private static final Duration CHECKPOINT_MARGIN = Duration.ofNanos(1_000);

  private final Duration autoCloseAfter;
  private final Optional<SlaPolicy> slaPolicy;
  private final List<Integer> slaThresholds;
  private final boolean escalates;
  private final List<Integer> escalationCheckpoints;

  /**
   * Creates the calculation for a desk's configuration.
   *
   * @param autoCloseAfter how long a resolved incident waits for the caller
   * @param slaPolicy the SLA policy, if any
   * @param slaThresholds the SLA warning thresholds recorded, in percent
   * @param escalates whether the desk has an escalation policy
   * @param escalationCheckpoints the percents at which the escalation policy is consulted
   */
  public DueWork(Duration autoCloseAfter, Optional<SlaPolicy> slaPolicy, List<Integer> slaThresholds,
      boolean escalates, List<Integer> escalationCheckpoints) {
    this.autoCloseAfter = autoCloseAfter;
    this.slaPolicy = slaPolicy;
    this.slaThresholds = List.copyOf(slaThresholds);
    this.escalates = escalates;
    this.escalationCheckpoints = List.copyOf(escalationCheckpoints);
  }

  /**
   * The due time to store with a command's new state.
   *
   * @param state the incident after the command
   * @param events the command's events
   * @return the due time, or empty when nothing will be due
   */
  public Optional<Instant> afterCommand(Incident state, List<IncidentEvent> events) {
    if (state.status().isFinal()) {
      return Optional.empty();
    }
    if (slaPolicy.isPresent()) {
      return Optional.of(AT_ONCE);
    }
    if (state.status() == Status.RESOLVED) {
      for (int i = events.size() - 1; i >= 0; i--) {
        if (events.get(i) instanceof Resolved r) {
          return Optional.of(r.at().plus(autoCloseAfter));
        }
      }
      return Optional.of(AT_ONCE); // resolved earlier: the tick finds when from the history
    }
    return approvalExpiry(state);
  }

  /**
   * The exact due time of an incident, as the tick stores it after looking at the incident.
   *
   * @param inc the incident's current state
   * @param history supplies its stored history, read only when needed
   * @param at the instant the tick looked at it, not before {@code inc.updatedAt()}
   * @return the earliest due work, or empty when none will come without a command
   */
  public Optional<Instant> next(Incident inc, Supplier<List<IncidentEvent>> history, Instant at) {
    return next(inc, history, at, h -> SlaClock.evaluate(h, slaPolicy.orElseThrow(), at));
  }

  /**
   * {@link #next(Incident, Supplier, Instant)} with the SLA report of the history at {@code at}
   * from the caller (which may have computed it already in the same tick).
   *
   * @param inc the incident's current state
   * @param history supplies its stored history, read only when needed
   * @param at the instant the tick looked at it, not before {@code inc.updatedAt()}
   * @param report gives the SLA report of a history at {@code at}
   * @return the earliest due work, or empty when none will come without a command
   */
  public Optional<Instant> next(Incident inc, Supplier<List<IncidentEvent>> history, Instant at,
      Function<List<IncidentEvent>, SlaReport> report) {
    if (inc.status().isFinal()) {
      return Optional.empty();
    }
    Earliest due = new Earliest();
    if (inc.status() == Status.RESOLVED) {
      due.offer(lastResolvedAt(history.get()).orElse(inc.updatedAt()).plus(autoCloseAfter));
    }
    approvalExpiry(inc).ifPresent(due::offer);
    if (slaPolicy.isPresent()) {
      List<IncidentEvent> h = history.get();
      SlaReport sla = report.apply(h);
      Set<String> recorded = recorded(h);
      boolean consultsEscalation = escalates && inc.status().isOpen();
      for (SlaKind kind : SlaKind.values()) {
        slaDue(sla.status(kind), recorded, consultsEscalation, at, due);
      }
    }
    return Optional.ofNullable(due.min);
  }

  private void slaDue(SlaStatus st, Set<String> recorded, boolean consultsEscalation, Instant at,
      Earliest due) {
    boolean running = st.state() == SlaState.RUNNING;
    Duration goal = st.target().duration();
    for (int p : slaThresholds) {
      if (!recorded.contains(st.kind() + "/" + p)) {
        Duration amount = share(goal, p);
        if (!amount.isZero() && st.elapsed().compareTo(amount) >= 0) {
          due.offer(at); // reached (as SlaStatus.reachedAt counts it), not recorded yet
        } else if (running) {
          due.offer(crossing(st, amount, at));
        }
      }
    }
    if (!recorded.contains(st.kind() + "/100")) {
      if (st.breached()) {
        due.offer(at);
      } else if (running) {
        due.offer(crossing(st, goal.plus(JUST_PAST), at));
      }
    }
    if (consultsEscalation && running) {
      for (int p : escalationCheckpoints) {
        if (st.percentUsed() < p) {
          Duration amount = share(goal, p);
          due.offer(st.elapsed().compareTo(amount) < 0
              ? crossing(st, amount, at)
              : crossing(st, st.elapsed().plus(CHECKPOINT_MARGIN), at));
        }
      }
      if (!st.breached()) {
        due.offer(crossing(st, goal.plus(JUST_PAST), at));
      }
    }
  }

  /** {@code goal × percent / 100}, rounded down, as {@link SlaStatus#reachedAt} computes it. */
  private static Duration share(Duration goal, int percent) {
    try {
      return Duration.ofNanos(Math.multiplyExact(goal.toNanos(), (long) percent) / 100);
    } catch (ArithmeticException tooLong) {
      return goal.multipliedBy(percent).dividedBy(100);
    }
  }

  /** When a running clock, at {@code elapsed} by {@code at}, will have run {@code amount}. */
  private static Instant crossing(SlaStatus st, Duration amount, Instant at) {
    Instant from = at.isBefore(st.startedAt()) ? st.startedAt() : at;
    Duration rest = amount.minus(st.elapsed());
    return rest.isNegative() || rest.isZero() ? from : st.target().calendar().addBusinessTime(from, rest);
  }

  private static Optional<Instant> approvalExpiry(Incident inc) {
    if (inc.status() != Status.PENDING_APPROVAL) {
      return Optional.empty();
    }
    return inc.approval().filter(a -> a.status() == ApprovalStatus.PENDING).flatMap(Approval::dueAt);
  }

  /**
   * The instant of the last {@link Resolved} event of a history.
   *
   * @param history the history
   * @return the instant, or empty when it was never resolved
   */
  public static Optional<Instant> lastResolvedAt(List<IncidentEvent> history) {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i) instanceof Resolved) {
        return Optional.of(history.get(i).at());
      }
    }
    return Optional.empty();
  }

  /**
   * The SLA records of a history, as {@code "KIND/percent"} (a breach is percent 100).
   *
   * @param history the history
   * @return the keys of the recorded thresholds and breaches
   */
  public static Set<String> recorded(List<IncidentEvent> history) {
    Set<String> recorded = new HashSet<>();
    for (IncidentEvent e : history) {
      if (e instanceof SlaThresholdReached t) {
        recorded.add(t.kind() + "/" + t.percent());
      } else if (e instanceof SlaBreached b) {
        recorded.add(b.kind() + "/100");
      }
    }
    return recorded;
  }

  private static final class Earliest {
    Instant min;

    void offer(Instant t) {
      if (min == null || t.isBefore(min)) {
        min = t;
      }
    }
  }
}
