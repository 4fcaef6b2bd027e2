package io.itsm.core.problem.internal;

import static io.itsm.core.problem.internal.ProblemContext.FAILURES;

import io.itsm.core.IncidentListener;
import io.itsm.core.ItsmException;
import io.itsm.core.access.Actor;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.improvement.internal.RecentIncidents;
import io.itsm.core.incident.Incident;
import io.itsm.core.problem.Problem;
import io.itsm.core.problem.ProblemIncidentLinked;
import io.itsm.core.problem.ProblemLogged;
import io.itsm.core.problem.ProblemProposal;
import io.itsm.core.problem.ProblemQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Recurrence detection: keeps the window of recent incidents, asks the detection policy about each
 * new one and logs or links problems as it proposes. The contracts are those of the same-named
 * methods of {@link io.itsm.core.problem.Problems}. Thread-safe.
 */
public final class ProblemDetection {

  private final ProblemContext ctx;
  private final DeskLinks links;
  private final RecentIncidents recent = new RecentIncidents();

  /**
   * Makes the detection.
   *
   * @param ctx the context
   * @param links links problems to incidents on the desk
   */
  public ProblemDetection(ProblemContext ctx, DeskLinks links) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.links = Objects.requireNonNull(links, "links");
  }

  /**
   * See {@link io.itsm.core.problem.Problems#incidentListener}.
   *
   * @return the listener that detects on every newly logged incident
   */
  public IncidentListener incidentListener() {
    return (event, incident) -> {
      if (event instanceof IncidentLogged) {
        try {
          detect(incident);
        } catch (RuntimeException e) {
          FAILURES.warn("problem detection failed for " + incident.id() + "; skipped", e);
        }
      }
    };
  }

  /**
   * See {@link io.itsm.core.problem.Problems#remember}.
   *
   * @param incidents the incidents, in any order
   */
  public void remember(Collection<Incident> incidents) {
    Objects.requireNonNull(incidents, "incidents");
    incidents.stream().sorted(Comparator.comparing(Incident::openedAt))
        .forEach(i -> recent.add(i, ctx.detection().lookBack()));
  }

  /**
   * See {@link io.itsm.core.problem.Problems#detect}.
   *
   * @param incident the new incident
   * @return the problems logged or linked, maybe empty
   */
  public List<Problem> detect(Incident incident) {
    Objects.requireNonNull(incident, "incident");
    List<Incident> before = recent.add(incident, ctx.detection().lookBack());
    List<ProblemProposal> proposals;
    try {
      proposals = List.copyOf(Objects.requireNonNull(ctx.detection().propose(incident, before),
          "problem proposals"));
    } catch (ItsmException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ItsmException("problem detection policy " + ctx.detection()
          + " failed for incident " + incident.id() + ": " + e, incident.id(), e);
    }
    Actor system = Actor.system();
    List<Problem> out = new ArrayList<>();
    for (ProblemProposal proposal : proposals) {
      Optional<Problem> existing = ctx.repository().find(ProblemQuery.all().withOpenOnly())
          .stream()
          .filter(p -> proposal.incidentIds().stream()
              .anyMatch(i -> !i.equals(incident.id()) && p.explains(i)))
          .findFirst();
      Problem p;
      if (existing.isPresent()) {
        if (existing.get().explains(incident.id())) {
          continue;
        }
        p = ctx.writer().update(existing.get().id(), system, ctx.clock().instant(), (cur, r) ->
            r.record(new ProblemIncidentLinked(cur.id(), r.seq(), r.now(), system.id(),
                incident.id(), proposal.decidedBy())));
        links.linkOnDesk(system, incident.id(), p.id());
      } else {
        String id = ctx.ids().get();
        p = ctx.writer().create(id, system, ctx.clock().instant(), r -> r.record(
            new ProblemLogged(id, r.seq(), r.now(), system.id(), proposal.title(), "",
                proposal.category(), proposal.service(), proposal.configurationItem(),
                proposal.incidentIds(), proposal.decidedBy())));
        for (String incidentId : p.incidentIds()) {
          links.linkOnDesk(system, incidentId, p.id());
        }
      }
      out.add(p);
    }
    return List.copyOf(out);
  }
}
