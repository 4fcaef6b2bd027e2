package io.itsm.core.incident.internal;

import io.itsm.core.DeskConfig;
import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalStatus;
import io.itsm.core.escalation.EscalationAction;
import io.itsm.core.escalation.EscalationPolicy;
import io.itsm.core.event.ApprovalExpired;
import io.itsm.core.event.CloseReason;
import io.itsm.core.event.Closed;
import io.itsm.core.event.Escalated;
import io.itsm.core.event.EscalationKind;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.Provenance;
import io.itsm.core.event.Reopened;
import io.itsm.core.event.StatusChanged;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Status;
import io.itsm.core.kernel.internal.FailureLog;
import io.itsm.core.lifecycle.Command;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.repository.StaleVersionException;
import io.itsm.core.repository.UnreadableRecordException;
import io.itsm.core.sla.SlaReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's due work, run by {@link ServiceDesk#tick(Instant)}: for the incidents the
 * repository's due index names, in this order, the SLA thresholds and breaches reached (with an
 * SLA policy), the escalation policy's actions not yet applied (with one), auto-close of resolved
 * incidents whose caller did not answer, expiry of pending approvals; then the exact next due time
 * of every incident it looked at ({@link DueWork#next}).
 *
 * <p>All of it goes through the {@link CommandExecutor} as {@code "system"}, on the incident as
 * the tick saw it: an incident changed meanwhile (by another thread, or another desk on the same
 * repository) is left for the next tick. An escalation policy that throws is logged (repeats are
 * counted, see {@link FailureLog}) and asked again at the next tick. What each step records, and
 * why each is done once, is described in docs/sla.md.
 *
 * <p>Thread-safe, provided the repository and policies are.
 */
public final class DueWorkRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceDesk.class);
  private static final FailureLog FAILURES = new FailureLog(LOG);

  private final IncidentRepository repository;
  private final Duration autoCloseAfter;
  private final Optional<SlaRecords> sla;
  private final Optional<EscalationPolicy> escalationPolicy;
  private final KnownTeams teams;
  private final DueWork dueWork;
  private final CommandExecutor executor;

  /**
   * Creates the due work of a desk.
   *
   * @param config the desk's config
   * @param sla the SLA records, when the desk has an SLA policy
   * @param teams the known teams (a hand-over to another team is skipped)
   * @param dueWork computes due times
   * @param executor the write path
   */
  public DueWorkRunner(DeskConfig config, Optional<SlaRecords> sla, KnownTeams teams,
      DueWork dueWork, CommandExecutor executor) {
    this.repository = config.repository();
    this.autoCloseAfter = config.autoCloseAfter();
    this.sla = sla;
    this.escalationPolicy = config.escalationPolicy();
    this.teams = teams;
    this.dueWork = dueWork;
    this.executor = executor;
  }

  /**
   * Runs what is due at an instant.
   *
   * @param now the instant
   * @return the incidents changed, by id, each once in its latest state
   */
  public List<Incident> tick(Instant now) {
    Objects.requireNonNull(now, "now");
    List<String> due = List.copyOf(new TreeSet<>(repository.findDue(now)));
    Tick tick = new Tick(now);
    if (sla.isPresent()) {
      for (String id : due) {
        skipUnreadable(id, () -> repository.find(id).filter(inc -> !inc.status().isFinal())
            .ifPresent(tick::slaAndEscalation));
      }
    }
    for (String id : due) {
      skipUnreadable(id, () -> repository.find(id).filter(inc -> inc.status() == Status.RESOLVED)
          .ifPresent(tick::autoClose));
    }
    for (String id : due) {
      skipUnreadable(id, () -> repository.find(id)
          .filter(inc -> inc.status() == Status.PENDING_APPROVAL).ifPresent(tick::expireApproval));
    }
    for (String id : due) {
      skipUnreadable(id, () -> tick.reschedule(id));
    }
    return List.copyOf(tick.changed.values());
  }

  /**
   * Runs one incident's due work; an incident whose stored records cannot be read (a row edited by
   * hand) is logged and skipped, and the tick goes on with the others.
   */
  private static void skipUnreadable(String id, Runnable work) {
    try {
      work.run();
    } catch (UnreadableRecordException e) {
      FAILURES.warn("tick skipped incident " + id + ": its stored records cannot be read", e);
    }
  }

  /** One run of the due work: what it changed, what to ask again, the SLA reports it computed. */
  private final class Tick {
    private record Computed(int events, Instant at, SlaReport report) {}

    final Instant now;
    final Map<String, Incident> changed = new LinkedHashMap<>();
    final Set<String> askAgain = new HashSet<>();
    /** By incident: a tick that finds nothing to record evaluates the clocks once, not per question. */
    final Map<String, Computed> reports = new HashMap<>();

    Tick(Instant now) {
      this.now = now;
    }

    SlaReport report(String id, List<IncidentEvent> history, Instant at) {
      Computed c = reports.get(id);
      if (c == null || c.events() != history.size() || !c.at().equals(at)) {
        c = new Computed(history.size(), at, sla.orElseThrow().evaluate(history, at));
        reports.put(id, c);
      }
      return c.report();
    }

    void slaAndEscalation(Incident inc) {
      Instant at = now.isBefore(inc.updatedAt()) ? inc.updatedAt() : now;
      List<IncidentEvent> history = repository.history(inc.id());
      if (sla.orElseThrow().anyPending(report(inc.id(), history, at), history)) {
        attempt(() -> executor.executeDue(inc, Command.RECORD_SLA, at, (i, r) -> {
          sla.get().recordPending(i, r);
          if (r.isEmpty()) {
            throw new StaleVersionException(i.id(), i.version(), i.version() + 1);
          }
        }));
      }
      if (escalationPolicy.isPresent()) {
        Incident current = changed.getOrDefault(inc.id(), inc);
        if (current.status().isOpen()) {
          escalate(current, at);
        }
      }
    }

    void escalate(Incident inc, Instant at) {
      List<IncidentEvent> history = repository.history(inc.id());
      Optional<List<EscalationAction>> decided =
          decideEscalations(inc, () -> report(inc.id(), history, at));
      if (decided.isEmpty()) {
        askAgain.add(inc.id());
        return;
      }
      if (notDoneYet(decided.get(), history).isEmpty()) {
        return;
      }
      attempt(() -> executor.executeDue(inc, Command.ESCALATE, at, (i, r) -> {
        for (EscalationAction a : escalationsToApply(i, sla.get().currentHistory(i), r.now())) {
          Optional<Assignment> to = Optional.empty();
          if (a.kind() == EscalationKind.FUNCTIONAL) {
            Optional<String> team = a.team().or(() -> r.state().team());
            if (team.isEmpty()) {
              LOG.warn("escalation '{}' of {} names no team and the incident has none; skipped",
                  a.rule(), i.id());
              continue;
            }
            if (!teams.accepts(team.get())) {
              LOG.warn("escalation '{}' of {} hands over to unknown team '{}' (known: {}); skipped",
                  a.rule(), i.id(), team.get(), teams.teams().orElseThrow());
              continue;
            }
            to = Optional.of(Assignment.toTeam(team.get(), a.level().orElseThrow()));
          }
          r.record(new Escalated(i.id(), r.seq(), r.now(), Actor.system().id(), a.kind(), to,
              a.notified(), a.reason(), Provenance.rule(a.rule(), a.reason())));
        }
        if (r.isEmpty()) {
          throw new StaleVersionException(i.id(), i.version(), i.version() + 1);
        }
      }));
    }

    void autoClose(Incident inc) {
      Instant resolvedAt = DueWork.lastResolvedAt(repository.history(inc.id())).orElse(inc.updatedAt());
      if (!now.isBefore(resolvedAt.plus(autoCloseAfter))) {
        attempt(() -> executor.executeDue(inc, Command.AUTO_CLOSE, now, (i, r) ->
            r.record(new Closed(i.id(), r.seq(), r.now(), Actor.system().id(),
                CloseReason.AUTO_CLOSED,
                "no answer from the caller within " + autoCloseAfter.toDays() + " days"))));
      }
    }

    void expireApproval(Incident inc) {
      Optional<Approval> a = inc.approval().map(x -> x.expireIfDue(now));
      if (a.isPresent() && a.get().status() == ApprovalStatus.EXPIRED) {
        attempt(() -> executor.executeDue(inc, Command.EXPIRE_APPROVAL, now, (i, r) -> {
          String system = Actor.system().id();
          r.record(new ApprovalExpired(i.id(), r.seq(), r.now(), system, a.get()));
          r.record(new StatusChanged(i.id(), r.seq(), r.now(), system, Status.PENDING_APPROVAL,
              Status.IN_PROGRESS, "resolution approval " + a.get().id() + " expired"));
        }));
      }
    }

    /** Stores when the tick next has work for an incident it looked at. */
    void reschedule(String id) {
      Optional<Incident> found = repository.find(id);
      if (found.isEmpty()) {
        return;
      }
      Incident inc = found.get();
      Instant at = now.isBefore(inc.updatedAt()) ? inc.updatedAt() : now;
      Optional<Instant> next = askAgain.contains(id) && !inc.status().isFinal()
          ? Optional.of(DueWork.AT_ONCE)
          : dueWork.next(inc, () -> repository.history(id), at, h -> report(id, h, at));
      // false: changed meanwhile; the change stored its own due time
      repository.reschedule(id, inc.version(), next);
    }

    void attempt(Supplier<Incident> work) {
      try {
        Incident after = work.get();
        changed.put(after.id(), after);
      } catch (StaleVersionException e) {
        LOG.debug("tick skipped an incident changed concurrently: {}", e.getMessage());
      }
    }
  }

  /** The escalation policy's actions that no Escalated event since the last reopen already did. */
  private List<EscalationAction> escalationsToApply(Incident inc, List<IncidentEvent> history,
      Instant at) {
    return decideEscalations(inc, () -> sla.orElseThrow().evaluate(history, at))
        .map(a -> notDoneYet(a, history)).orElse(List.of());
  }

  /** What the escalation policy decides; empty (logged) when it fails. */
  private Optional<List<EscalationAction>> decideEscalations(Incident inc, Supplier<SlaReport> report) {
    try {
      return Optional.of(List.copyOf(Objects.requireNonNull(
          escalationPolicy.orElseThrow().decide(inc, report.get()), "escalation actions")));
    } catch (RuntimeException e) {
      FAILURES.warn("escalation policy failed for " + inc.id() + "; skipped this tick", e);
      return Optional.empty();
    }
  }

  private static List<EscalationAction> notDoneYet(List<EscalationAction> actions,
      List<IncidentEvent> history) {
    List<Escalated> done = new ArrayList<>();
    for (IncidentEvent e : history) {
      if (e instanceof Reopened) {
        done.clear();
      } else if (e instanceof Escalated x) {
        done.add(x);
      }
    }
    List<EscalationAction> todo = new ArrayList<>();
    for (EscalationAction a : actions) {
      Objects.requireNonNull(a, "escalation action");
      if (done.stream().noneMatch(a::sameAs)
          && todo.stream().noneMatch(t -> t.rule().equals(a.rule()) && t.kind() == a.kind()
              && t.level().equals(a.level()) && t.notified().equals(a.notified()))) {
        todo.add(a);
      }
    }
    return todo;
  }
}
