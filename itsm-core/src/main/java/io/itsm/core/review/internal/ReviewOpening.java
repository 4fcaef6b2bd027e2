package io.itsm.core.review.internal;

import static io.itsm.core.review.internal.ReviewContext.FAILURES;

import io.itsm.core.IncidentListener;
import io.itsm.core.ItsmException;
import io.itsm.core.RecordStateException;
import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.Provenance;
import io.itsm.core.event.Resolved;
import io.itsm.core.event.SlaBreached;
import io.itsm.core.event.SlaKind;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.LinkType;
import io.itsm.core.incident.Priority;
import io.itsm.core.problem.Problem;
import io.itsm.core.problem.ProblemKnownErrorDeclared;
import io.itsm.core.problem.ProblemListener;
import io.itsm.core.review.PostIncidentReview;
import io.itsm.core.review.ReviewCandidate;
import io.itsm.core.review.ReviewOpened;
import io.itsm.core.review.ReviewQuery;
import io.itsm.core.review.ReviewRequirement;
import io.itsm.core.review.ReviewScope;
import io.itsm.core.review.ReviewStatus;
import io.itsm.core.sla.BusinessCalendar;
import io.itsm.core.sla.SlaPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Opens reviews: by hand, or when the review policy requires one for a resolved incident or a
 * problem declared a known error; assembles a review's timeline and impact. The contracts are
 * those of the same-named methods of {@link io.itsm.core.review.Reviews}. Thread-safe.
 */
public final class ReviewOpening {

  private final ReviewContext ctx;

  /**
   * Makes the opening part.
   *
   * @param ctx the context
   */
  public ReviewOpening(ReviewContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  /**
   * See {@link io.itsm.core.review.Reviews#incidentListener}.
   *
   * @return the listener that considers every resolved incident
   */
  public IncidentListener incidentListener() {
    return (event, incident) -> {
      if (event instanceof Resolved) {
        try {
          considerResolved(incident);
        } catch (RuntimeException e) {
          FAILURES.warn("review decision failed for " + incident.id() + "; no review opened", e);
        }
      }
    };
  }

  /**
   * See {@link io.itsm.core.review.Reviews#problemListener}.
   *
   * @return the listener that considers every problem declared a known error
   */
  public ProblemListener problemListener() {
    return (event, problem) -> {
      if (event instanceof ProblemKnownErrorDeclared) {
        try {
          considerKnownError(problem);
        } catch (RuntimeException e) {
          FAILURES.warn("review decision failed for problem " + problem.id()
              + "; no review opened", e);
        }
      }
    };
  }

  /**
   * See {@link io.itsm.core.review.Reviews#considerResolved}.
   *
   * @param incident the resolved incident
   * @return the review opened, or empty
   */
  public Optional<PostIncidentReview> considerResolved(Incident incident) {
    Objects.requireNonNull(incident, "incident");
    if (isCovered(incident.id()) || incident.links().stream()
        .anyMatch(l -> l.type() == LinkType.PARENT)) {
      return Optional.empty();
    }
    Actor system = Actor.system();
    List<IncidentEvent> history = ctx.desk().history(system, incident.id());
    Instant resolvedAt = history.stream().filter(e -> e instanceof Resolved)
        .reduce((a, b) -> b).map(IncidentEvent::at).orElse(incident.updatedAt());
    List<String> children = children(incident);
    ReviewCandidate candidate = new ReviewCandidate(ReviewCandidate.Trigger.INCIDENT_RESOLVED,
        incident.id(), incident.priority(), incident.category(), incident.tags(),
        breaches(history), incident.reopenCount(), 1 + children.size(), resolvedAt);
    ReviewRequirement req = decide(candidate);
    if (!req.required()) {
      return Optional.empty();
    }
    ReviewScope scope = scopeOf(incident, children);
    return Optional.of(open(system, scope, titleOf(incident, scope), req.decidedBy(),
        req.dueAt()));
  }

  /**
   * See {@link io.itsm.core.review.Reviews#considerKnownError}.
   *
   * @param problem the problem
   * @return the review opened, or empty
   */
  public Optional<PostIncidentReview> considerKnownError(Problem problem) {
    Objects.requireNonNull(problem, "problem");
    if (problem.incidentIds().isEmpty() || problemReview(problem).isPresent()) {
      return Optional.empty();
    }
    Actor system = Actor.system();
    Optional<Priority> highest = Optional.empty();
    Set<SlaKind> breached = EnumSet.noneOf(SlaKind.class);
    for (String id : problem.incidentIds()) {
      Incident inc = ctx.desk().get(system, id);
      if (inc.priority().isPresent()
          && (highest.isEmpty() || inc.priority().get().compareTo(highest.get()) < 0)) {
        highest = inc.priority();
      }
      breached.addAll(breaches(ctx.desk().history(system, id)));
    }
    ReviewCandidate candidate = new ReviewCandidate(ReviewCandidate.Trigger.PROBLEM_KNOWN_ERROR,
        problem.id(), highest, problem.category(), Set.of(), breached, 0,
        problem.incidentIds().size(), problem.updatedAt());
    ReviewRequirement req = decide(candidate);
    if (!req.required()) {
      return Optional.empty();
    }
    return Optional.of(open(system, problemScope(problem), problemTitle(problem),
        req.decidedBy(), req.dueAt()));
  }

  /**
   * See {@link io.itsm.core.review.Reviews#openForIncident}.
   *
   * @param actor who opens it
   * @param incidentId the incident
   * @return the new review
   */
  public PostIncidentReview openForIncident(Actor actor, String incidentId) {
    Objects.requireNonNull(actor, "actor");
    ctx.accessPolicy().check(actor, Permission.REVIEW_MANAGE, Optional.empty());
    Incident incident = ctx.desk().get(actor, incidentId);
    for (PostIncidentReview r : ctx.reviews().find(ReviewQuery.all().withIncident(incidentId))) {
      if (r.status() != ReviewStatus.CANCELLED) {
        throw new RecordStateException("incident", incidentId, "covered by review " + r.id() + " ("
            + r.status() + ")", "openForIncident", "no review covers it",
            "continue review " + r.id() + ", or cancel it first");
      }
    }
    ReviewScope scope = scopeOf(incident, children(incident));
    return open(actor, scope, titleOf(incident, scope), Optional.empty(), Optional.empty());
  }

  /**
   * See {@link io.itsm.core.review.Reviews#openForProblem}.
   *
   * @param actor who opens it
   * @param problem the problem
   * @return the new review
   */
  public PostIncidentReview openForProblem(Actor actor, Problem problem) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(problem, "problem");
    ctx.accessPolicy().check(actor, Permission.REVIEW_MANAGE, Optional.empty());
    if (problem.incidentIds().isEmpty()) {
      throw new ValidationException("problem " + problem.id() + " explains no incident yet; link"
          + " its incidents before reviewing it");
    }
    Optional<PostIncidentReview> existing = problemReview(problem);
    if (existing.isPresent()) {
      PostIncidentReview r = existing.get();
      throw new RecordStateException("problem", problem.id(), "reviewed by " + r.id() + " ("
          + r.status() + ")", "openForProblem", "no review of it exists",
          "continue review " + r.id() + ", or cancel it first");
    }
    return open(actor, problemScope(problem), problemTitle(problem), Optional.empty(),
        Optional.empty());
  }

  /**
   * Assembles the timeline and impact of a scope's incidents from their current events.
   *
   * @param scope what is reviewed
   * @param now the instant the impact is counted to
   * @return the timeline and impact
   */
  public TimelineAssembler.Assembled assemble(ReviewScope scope, Instant now) {
    Actor system = Actor.system();
    Map<String, List<IncidentEvent>> histories = new LinkedHashMap<>();
    Map<String, Incident> incidents = new LinkedHashMap<>();
    for (String id : scope.incidentIds()) {
      incidents.put(id, ctx.desk().get(system, id));
      histories.put(id, ctx.desk().history(system, id));
    }
    Incident subject = incidents.values().iterator().next();
    BusinessCalendar cal = ctx.calendar().or(() -> ctx.desk().config().slaPolicy()
            .map(p -> p.targetFor(subject, SlaKind.RESOLUTION).calendar()))
        .orElse(SlaPolicy.DEFAULT_BUSINESS_CALENDAR);
    return TimelineAssembler.assemble(histories, incidents, cal, now);
  }

  private ReviewRequirement decide(ReviewCandidate candidate) {
    try {
      return Objects.requireNonNull(ctx.policy().decide(candidate), "review requirement");
    } catch (ItsmException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ItsmException("review policy " + ctx.policy() + " failed for "
          + candidate.subjectId() + ": " + e, null, e);
    }
  }

  private PostIncidentReview open(Actor actor, ReviewScope scope, String title,
      Optional<Provenance> requiredBy, Optional<Instant> dueAt) {
    Instant now = ctx.clock().instant();
    TimelineAssembler.Assembled a = assemble(scope, now);
    String id = ctx.reviewIds().get();
    return ctx.reviewWriter().create(id, actor, now, rec -> rec.record(new ReviewOpened(id,
        rec.seq(), rec.now(), actor.id(), title, scope, requiredBy, dueAt, a.timeline(),
        a.impact())));
  }

  /** The review (not cancelled) of a problem, if any. */
  private Optional<PostIncidentReview> problemReview(Problem problem) {
    return ctx.reviews().find(ReviewQuery.all()).stream()
        .filter(r -> r.status() != ReviewStatus.CANCELLED
            && r.scope().kind() == ReviewScope.Kind.PROBLEM
            && r.scope().subjectId().equals(problem.id()))
        .findFirst();
  }

  private boolean isCovered(String incidentId) {
    return ctx.reviews().find(ReviewQuery.all().withIncident(incidentId)).stream()
        .anyMatch(r -> r.status() != ReviewStatus.CANCELLED);
  }

  private static ReviewScope problemScope(Problem problem) {
    return new ReviewScope(ReviewScope.Kind.PROBLEM, problem.id(), problem.incidentIds());
  }

  private static String problemTitle(Problem problem) {
    return "Review of problem " + problem.id() + ": " + problem.title();
  }

  private static List<String> children(Incident incident) {
    return incident.links().stream().filter(l -> l.type() == LinkType.CHILD)
        .map(Link::targetId).distinct().toList();
  }

  private static ReviewScope scopeOf(Incident incident, List<String> children) {
    List<String> ids = new ArrayList<>();
    ids.add(incident.id());
    ids.addAll(children);
    return new ReviewScope(children.isEmpty() ? ReviewScope.Kind.INCIDENT
        : ReviewScope.Kind.MAJOR_INCIDENT, incident.id(), ids);
  }

  private static String titleOf(Incident incident, ReviewScope scope) {
    return (scope.kind() == ReviewScope.Kind.MAJOR_INCIDENT ? "Review of major incident "
        : "Review of ") + incident.id() + ": " + incident.title();
  }

  private static Set<SlaKind> breaches(List<IncidentEvent> history) {
    Set<SlaKind> kinds = EnumSet.noneOf(SlaKind.class);
    for (IncidentEvent e : history) {
      if (e instanceof SlaBreached b) {
        kinds.add(b.kind());
      }
    }
    return kinds;
  }
}
