package io.itsm.core.incident.internal;

import io.itsm.core.access.Actor;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.SlaBreached;
import io.itsm.core.event.SlaKind;
import io.itsm.core.event.SlaThresholdReached;
import io.itsm.core.incident.Incident;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.repository.StaleVersionException;
import io.itsm.core.sla.SlaClock;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.sla.SlaReport;
import io.itsm.core.sla.SlaStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The SLA thresholds and breaches an incident has reached and its history does not record yet:
 * what a tick records, and what a command that ends an incident records first (a tick no longer
 * looks at a final incident).
 *
 * <p>Each is recorded once per incident, SLA kind and percent, read from the history (after a
 * reopen, what is recorded stays recorded). An event's instant is when its threshold was crossed,
 * or the incident's last change if that is later, so events stay in order; the actor is {@code
 * "system"}.
 *
 * <p>Immutable and thread-safe, provided the repository is.
 */
public final class SlaRecords {

  /** A threshold or breach (percent 100) reached and not recorded. */
  private record Pending(Instant at, SlaKind kind, int percent, Instant dueAt) {}

  private final SlaPolicy policy;
  private final List<Integer> thresholds;
  private final IncidentRepository repository;

  /**
   * Creates the calculation.
   *
   * @param policy the desk's SLA policy
   * @param thresholds the warning thresholds recorded, in percent, ascending
   * @param repository where histories are read
   */
  public SlaRecords(SlaPolicy policy, List<Integer> thresholds, IncidentRepository repository) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.thresholds = List.copyOf(thresholds);
    this.repository = Objects.requireNonNull(repository, "repository");
  }

  /**
   * Evaluates a history's SLA clocks.
   *
   * @param history the incident's history
   * @param at the instant
   * @return the report
   */
  public SlaReport evaluate(List<IncidentEvent> history, Instant at) {
    return SlaClock.evaluate(history, policy, at);
  }

  /**
   * Tells whether a report holds something the history does not record yet.
   *
   * @param report the SLA report of {@code history}
   * @param history the history
   * @return {@code true} if a threshold or breach is reached and not recorded
   */
  public boolean anyPending(SlaReport report, List<IncidentEvent> history) {
    return !pending(report, history).isEmpty();
  }

  /**
   * Records, by {@code "system"}, the thresholds and breaches reached by the recorder's instant
   * and not yet recorded.
   *
   * @param inc the incident as the command loaded it
   * @param r the command's recorder
   * @throws StaleVersionException if the stored history moved past {@code inc}'s version
   */
  public void recordPending(Incident inc, Recorder r) {
    String system = Actor.system().id();
    List<IncidentEvent> history = currentHistory(inc);
    for (Pending p : pending(evaluate(history, r.now()), history)) {
      Instant updated = r.state().updatedAt();
      Instant when = p.at().isBefore(updated) ? updated : p.at();
      r.record(p.percent() == 100
          ? new SlaBreached(inc.id(), r.seq(), when, system, p.kind(), p.dueAt())
          : new SlaThresholdReached(inc.id(), r.seq(), when, system, p.kind(), p.percent(),
              p.dueAt()));
    }
  }

  /**
   * Returns the stored history of an incident, checked to end at its version.
   *
   * @param inc the incident as loaded
   * @return the history
   * @throws StaleVersionException if it changed since it was loaded
   */
  public List<IncidentEvent> currentHistory(Incident inc) {
    List<IncidentEvent> h = repository.history(inc.id());
    long last = h.isEmpty() ? 0 : h.get(h.size() - 1).sequence();
    if (last != inc.version()) {
      throw new StaleVersionException(inc.id(), inc.version(), last);
    }
    return h;
  }

  /** The thresholds and breaches of a report not yet recorded in the history, oldest first. */
  private List<Pending> pending(SlaReport report, List<IncidentEvent> history) {
    Set<String> recorded = DueWork.recorded(history);
    List<Pending> pending = new ArrayList<>();
    for (SlaKind kind : SlaKind.values()) {
      SlaStatus status = report.status(kind);
      for (int percent : thresholds) {
        if (!recorded.contains(kind + "/" + percent)) {
          status.reachedAt(percent)
              .ifPresent(t -> pending.add(new Pending(t, kind, percent, status.dueAt())));
        }
      }
      if (status.breached() && !recorded.contains(kind + "/100")) {
        pending.add(new Pending(status.breachedAt().orElseThrow(), kind, 100, status.dueAt()));
      }
    }
    pending.sort(Comparator.comparing(Pending::at));
    return pending;
  }
}
