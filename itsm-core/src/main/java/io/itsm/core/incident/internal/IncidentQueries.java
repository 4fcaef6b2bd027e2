package io.itsm.core.incident.internal;

import io.itsm.core.DeskConfig;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.Explanation;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Incident;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.sla.SlaClock;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.sla.SlaReport;
import io.itsm.core.triage.TriageAttribute;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The desk's reads, each checked against the access policy: an incident, a search, a history
 * (without internal work notes for actors who may not write them), an explanation, SLA clocks.
 * {@link io.itsm.core.ServiceDesk} documents each.
 *
 * <p>Immutable and thread-safe, provided the repository and access policy are.
 */
public final class IncidentQueries {
  private final Clock clock;
  private final IncidentRepository repository;
  private final AccessPolicy accessPolicy;
  private final Optional<SlaPolicy> slaPolicy;
  private final CommandExecutor executor;

  /**
   * Creates the reads of a desk.
   *
   * @param config the desk's config
   * @param executor loads incidents
   */
  public IncidentQueries(DeskConfig config, CommandExecutor executor) {
    this.clock = config.clock();
    this.repository = config.repository();
    this.accessPolicy = config.accessPolicy();
    this.slaPolicy = config.slaPolicy();
    this.executor = executor;
  }

  /** See {@link io.itsm.core.ServiceDesk#get}. */
  public Incident get(Actor actor, String id) {
    Incident inc = executor.load(id);
    accessPolicy.check(Objects.requireNonNull(actor, "actor"), Permission.VIEW_ALL, Optional.of(inc));
    return inc;
  }

  /** See {@link io.itsm.core.ServiceDesk#find}. */
  public List<Incident> find(Actor actor, IncidentQuery query) {
    Objects.requireNonNull(actor, "actor");
    List<Incident> out = new ArrayList<>();
    for (Incident inc : repository.find(Objects.requireNonNull(query, "query"))) {
      if (accessPolicy.permits(actor, Permission.VIEW_ALL, Optional.of(inc))) {
        out.add(inc);
      }
    }
    return out;
  }

  /** See {@link io.itsm.core.ServiceDesk#history}. */
  public List<IncidentEvent> history(Actor actor, String id) {
    Incident inc = get(actor, id);
    List<IncidentEvent> all = repository.history(inc.id());
    if (accessPolicy.permits(actor, Permission.WORK_NOTE, Optional.of(inc))) {
      return all;
    }
    return all.stream()
        .filter(e -> !(e instanceof CommentAdded c && c.visibility() == Visibility.INTERNAL))
        .toList();
  }

  /** See {@link io.itsm.core.ServiceDesk#explain}. */
  public Explanation explain(Actor actor, String id, TriageAttribute attribute) {
    Objects.requireNonNull(attribute, "attribute");
    return IncidentHistory.explain(history(actor, id), attribute);
  }

  /** See {@link io.itsm.core.ServiceDesk#sla}. */
  public Optional<SlaReport> sla(Actor actor, String id) {
    Incident inc = get(actor, id);
    if (slaPolicy.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return Optional.of(SlaClock.evaluate(repository.history(inc.id()), slaPolicy.get(),
        now.isBefore(inc.updatedAt()) ? inc.updatedAt() : now));
  }
}
