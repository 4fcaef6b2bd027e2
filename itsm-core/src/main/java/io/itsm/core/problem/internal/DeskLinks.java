package io.itsm.core.problem.internal;

import static io.itsm.core.problem.internal.ProblemContext.FAILURES;
import static io.itsm.core.problem.internal.ProblemContext.LOG;

import io.itsm.core.ItsmException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.LinkType;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Status;
import io.itsm.core.problem.Problem;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.core.repository.StaleVersionException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The desk's side of problems: linking a problem to its incidents ({@link
 * LinkType#RELATED_PROBLEM}) and resuming the incidents on hold awaiting a resolved problem.
 * Thread-safe.
 */
public final class DeskLinks {

  private final ProblemContext ctx;

  /**
   * Makes the desk links.
   *
   * @param ctx the context
   */
  public DeskLinks(ProblemContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  /**
   * Checks that an actor may link an incident that is not final.
   *
   * @param actor who links
   * @param inc the incident
   * @throws io.itsm.core.access.AccessDeniedException if the actor lacks {@link Permission#LINK}
   */
  void checkLinkable(Actor actor, Incident inc) {
    if (!inc.status().isFinal()) {
      ctx.accessPolicy().check(actor, Permission.LINK, Optional.of(inc));
    }
  }

  /**
   * Links the problem to the incident on the desk, unless the incident is final or linked; a
   * second concurrent change is logged and the link left out.
   *
   * @param actor who links
   * @param incidentId the incident
   * @param problemId the problem
   */
  void linkOnDesk(Actor actor, String incidentId, String problemId) {
    Link link = new Link(LinkType.RELATED_PROBLEM, problemId);
    for (int attempt = 0; attempt < 2; attempt++) {
      Incident inc = ctx.desk().get(Actor.system(), incidentId);
      if (inc.status().isFinal() || inc.links().contains(link)) {
        return;
      }
      try {
        ctx.desk().link(actor, incidentId, link);
        return;
      } catch (StaleVersionException e) {
        LOG.debug("linking {} to {} met a concurrent change; retrying", incidentId, problemId);
      }
    }
    LOG.warn("incident {} changed concurrently twice; it is not linked to problem {} (the problem"
        + " explains it)", incidentId, problemId);
  }

  /**
   * Resumes, by {@code "system"}, every incident on hold awaiting a problem that the resolved
   * problem explains or that links to it; one that cannot be resumed is logged and left on hold.
   *
   * @param p the resolved problem
   */
  void resumeWaiting(Problem p) {
    Actor system = Actor.system();
    Set<String> candidates = new TreeSet<>(p.incidentIds());
    Link link = new Link(LinkType.RELATED_PROBLEM, p.id());
    for (Incident i : ctx.desk().find(system, IncidentQuery.all().withStatus(Status.ON_HOLD))) {
      if (i.links().contains(link)) {
        candidates.add(i.id());
      }
    }
    String note = "problem " + p.id() + " resolved: " + p.resolution().orElse("");
    for (String id : candidates) {
      for (int attempt = 0; attempt < 2; attempt++) {
        Incident inc = ctx.desk().get(system, id);
        if (inc.status() != Status.ON_HOLD
            || inc.onHoldReason().orElse(null) != OnHoldReason.AWAITING_PROBLEM) {
          break;
        }
        try {
          ctx.desk().resume(system, id, note);
          break;
        } catch (StaleVersionException e) {
          LOG.debug("resuming {} met a concurrent change; retrying", id);
        } catch (ItsmException e) {
          FAILURES.warn("incident " + id + " awaiting problem " + p.id() + " could not be resumed",
              e);
          break;
        }
      }
    }
  }
}
