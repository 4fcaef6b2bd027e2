package io.itsm.core.problem.internal;

import io.itsm.core.ItsmException;
import io.itsm.core.RecordStateException;
import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.event.Provenance;
import io.itsm.core.improvement.RecordRef;
import io.itsm.core.improvement.internal.Recorder;
import io.itsm.core.incident.Incident;
import io.itsm.core.problem.KnownError;
import io.itsm.core.problem.Problem;
import io.itsm.core.problem.ProblemClosed;
import io.itsm.core.problem.ProblemEvent;
import io.itsm.core.problem.ProblemIncidentLinked;
import io.itsm.core.problem.ProblemInvestigationStarted;
import io.itsm.core.problem.ProblemKnownErrorDeclared;
import io.itsm.core.problem.ProblemLogged;
import io.itsm.core.problem.ProblemResolved;
import io.itsm.core.problem.ProblemRootCauseRecorded;
import io.itsm.core.problem.ProblemStatus;
import io.itsm.core.problem.ProblemWorkaroundRecorded;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The commands on problems: log, link an incident, investigate, record root cause and
 * workaround, declare a known error, resolve, close. They need {@link
 * Permission#PROBLEM_MANAGE}. The contracts are those of the same-named methods of {@link
 * io.itsm.core.problem.Problems}. Thread-safe.
 */
public final class ProblemCommands {

  private static final Set<ProblemStatus> OPEN = Set.of(ProblemStatus.NEW,
      ProblemStatus.UNDER_INVESTIGATION, ProblemStatus.KNOWN_ERROR);

  private final ProblemContext ctx;
  private final DeskLinks links;

  /**
   * Makes the commands.
   *
   * @param ctx the context
   * @param links links problems to incidents on the desk and resumes waiting incidents
   */
  public ProblemCommands(ProblemContext ctx, DeskLinks links) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.links = Objects.requireNonNull(links, "links");
  }

  /**
   * See {@link io.itsm.core.problem.Problems#log}.
   *
   * @param actor who logs it
   * @param title the title
   * @param description what is known, or {@code null}
   * @param incidentIds the incidents it explains so far
   * @return the new problem
   */
  public Problem log(Actor actor, String title, String description,
      Collection<String> incidentIds) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(incidentIds, "incidentIds");
    ctx.accessPolicy().check(actor, Permission.PROBLEM_MANAGE, Optional.empty());
    if (title.isBlank()) {
      throw new ValidationException("problem title must not be blank");
    }
    List<Incident> incidents = new ArrayList<>();
    for (String id : new LinkedHashSet<>(incidentIds)) {
      Incident inc = ctx.desk().get(actor, id);
      links.checkLinkable(actor, inc);
      incidents.add(inc);
    }
    String id = ctx.ids().get();
    Problem p = ctx.writer().create(id, actor, ctx.clock().instant(), r -> r.record(
        new ProblemLogged(id, r.seq(), r.now(), actor.id(), title.strip(),
            description == null ? "" : description.strip(),
            shared(incidents, Incident::category), shared(incidents, Incident::service),
            shared(incidents, Incident::configurationItem),
            incidents.stream().map(Incident::id).toList(), Provenance.manual(actor.id()))));
    for (Incident inc : incidents) {
      links.linkOnDesk(actor, inc.id(), p.id());
    }
    return p;
  }

  /**
   * See {@link io.itsm.core.problem.Problems#linkIncident}.
   *
   * @param actor who links it
   * @param problemId the problem
   * @param incidentId the incident
   * @return the problem after the change
   */
  public Problem linkIncident(Actor actor, String problemId, String incidentId) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(incidentId, "incidentId");
    ctx.accessPolicy().check(actor, Permission.PROBLEM_MANAGE, Optional.empty());
    Problem p = ctx.writer().load(problemId);
    requireOpen(p, "linkIncident");
    Incident inc = ctx.desk().get(actor, incidentId);
    links.checkLinkable(actor, inc);
    links.linkOnDesk(actor, incidentId, p.id());
    if (p.explains(incidentId)) {
      return p;
    }
    return ctx.writer().update(problemId, actor, ctx.clock().instant(), (cur, r) -> {
      requireOpen(cur, "linkIncident");
      r.record(new ProblemIncidentLinked(cur.id(), r.seq(), r.now(), actor.id(), incidentId,
          Provenance.manual(actor.id())));
    });
  }

  /**
   * See {@link io.itsm.core.problem.Problems#startInvestigation}.
   *
   * @param actor who starts it
   * @param problemId the problem
   * @param owner who investigates
   * @return the problem after the change
   */
  public Problem startInvestigation(Actor actor, String problemId, String owner) {
    Objects.requireNonNull(owner, "owner");
    return command(actor, problemId, "startInvestigation", Set.of(ProblemStatus.NEW), (p, r) -> {
      requireText("owner", owner);
      r.record(new ProblemInvestigationStarted(p.id(), r.seq(), r.now(), actor.id(),
          owner.strip()));
    });
  }

  /**
   * See {@link io.itsm.core.problem.Problems#recordRootCause}.
   *
   * @param actor who records it
   * @param problemId the problem
   * @param rootCause the root cause
   * @return the problem after the change
   */
  public Problem recordRootCause(Actor actor, String problemId, String rootCause) {
    Objects.requireNonNull(rootCause, "rootCause");
    return command(actor, problemId, "recordRootCause", OPEN, (p, r) -> {
      requireText("root cause", rootCause);
      r.record(new ProblemRootCauseRecorded(p.id(), r.seq(), r.now(), actor.id(),
          rootCause.strip()));
    });
  }

  /**
   * See {@link io.itsm.core.problem.Problems#recordWorkaround}.
   *
   * @param actor who records it
   * @param problemId the problem
   * @param workaround the workaround
   * @return the problem after the change
   */
  public Problem recordWorkaround(Actor actor, String problemId, String workaround) {
    Objects.requireNonNull(workaround, "workaround");
    return command(actor, problemId, "recordWorkaround", OPEN, (p, r) -> {
      requireText("workaround", workaround);
      r.record(new ProblemWorkaroundRecorded(p.id(), r.seq(), r.now(), actor.id(),
          workaround.strip()));
    });
  }

  /**
   * See {@link io.itsm.core.problem.Problems#declareKnownError}.
   *
   * @param actor who declares it
   * @param problemId the problem
   * @return the problem after the change
   */
  public Problem declareKnownError(Actor actor, String problemId) {
    return command(actor, problemId, "declareKnownError",
        Set.of(ProblemStatus.UNDER_INVESTIGATION), (p, r) -> {
          if (p.rootCause().isEmpty() || p.workaround().isEmpty()) {
            throw new RecordStateException("problem", p.id(), p.status().name()
                + (p.rootCause().isEmpty() ? " without root cause" : "")
                + (p.workaround().isEmpty() ? " without workaround" : ""), "declareKnownError",
                "UNDER_INVESTIGATION with a root cause and a workaround recorded",
                "record them with recordRootCause and recordWorkaround first");
          }
          Optional<String> article;
          KnownError ke = new KnownError(p.id(), p.title(), p.description(),
              p.rootCause().orElseThrow(), p.workaround().orElseThrow(), p.category(),
              p.service(), p.configurationItem(), p.incidentIds());
          try {
            article = Objects.requireNonNull(ctx.publisher().publish(ke),
                "published article id");
          } catch (ItsmException e) {
            throw e;
          } catch (RuntimeException e) {
            throw new ItsmException("publishing the KNOWN_ERROR article of problem " + p.id()
                + " failed (" + ctx.publisher() + "): " + e + "; nothing was recorded, retry",
                null, e);
          }
          r.record(new ProblemKnownErrorDeclared(p.id(), r.seq(), r.now(), actor.id(), article));
        });
  }

  /**
   * See {@link io.itsm.core.problem.Problems#resolve}.
   *
   * @param actor who resolves it
   * @param problemId the problem
   * @param resolution what removed the root cause
   * @param fix the record that implemented the fix, or {@code null}
   * @return the problem after the change
   */
  public Problem resolve(Actor actor, String problemId, String resolution, RecordRef fix) {
    Objects.requireNonNull(resolution, "resolution");
    Problem p = command(actor, problemId, "resolve",
        Set.of(ProblemStatus.UNDER_INVESTIGATION, ProblemStatus.KNOWN_ERROR), (cur, r) -> {
          requireText("resolution", resolution);
          if (cur.rootCause().isEmpty()) {
            throw new RecordStateException("problem", cur.id(), cur.status().name()
                + " without root cause", "resolve", "its root cause is recorded",
                "record it with recordRootCause first");
          }
          r.record(new ProblemResolved(cur.id(), r.seq(), r.now(), actor.id(), resolution.strip(),
              Optional.ofNullable(fix)));
        });
    links.resumeWaiting(p);
    return p;
  }

  /**
   * See {@link io.itsm.core.problem.Problems#close}.
   *
   * @param actor who closes it
   * @param problemId the problem
   * @param note why, or {@code null}
   * @return the problem after the change
   */
  public Problem close(Actor actor, String problemId, String note) {
    String n = note == null ? "" : note.strip();
    return command(actor, problemId, "close", Set.of(ProblemStatus.NEW,
        ProblemStatus.UNDER_INVESTIGATION, ProblemStatus.KNOWN_ERROR, ProblemStatus.RESOLVED),
        (p, r) -> {
          if (p.status() != ProblemStatus.RESOLVED && n.isEmpty()) {
            throw new ValidationException("closing problem " + p.id() + " while it is "
                + p.status() + " (without a resolution) needs a note saying why");
          }
          r.record(new ProblemClosed(p.id(), r.seq(), r.now(), actor.id(), n));
        });
  }

  private Problem command(Actor actor, String problemId, String command,
      Set<ProblemStatus> legal, BiConsumer<Problem, Recorder<Problem, ProblemEvent>> step) {
    Objects.requireNonNull(actor, "actor");
    ctx.accessPolicy().check(actor, Permission.PROBLEM_MANAGE, Optional.empty());
    return ctx.writer().update(problemId, actor, ctx.clock().instant(), (p, r) -> {
      if (!legal.contains(p.status())) {
        throw new RecordStateException("problem", p.id(), p.status().name(), command,
            new TreeSet<>(legal).toString(), p.status() == ProblemStatus.CLOSED
                ? "a closed problem is final; log a new problem" : "");
      }
      step.accept(p, r);
    });
  }

  private static void requireOpen(Problem p, String command) {
    if (!p.status().isOpen()) {
      throw new RecordStateException("problem", p.id(), p.status().name(), command,
          "[NEW, UNDER_INVESTIGATION, KNOWN_ERROR]", "link the incident to a new problem");
    }
  }

  private static void requireText(String what, String text) {
    if (text.isBlank()) {
      throw new ValidationException(what + " must not be blank");
    }
  }

  private static Optional<String> shared(List<Incident> incidents,
      Function<Incident, Optional<String>> value) {
    Set<Optional<String>> values = new LinkedHashSet<>();
    incidents.forEach(i -> values.add(value.apply(i)));
    return values.size() == 1 ? values.iterator().next() : Optional.empty();
  }
}
