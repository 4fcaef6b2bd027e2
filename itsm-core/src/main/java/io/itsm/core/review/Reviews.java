package io.itsm.core.review;

import io.itsm.core.IncidentListener;
import io.itsm.core.ItsmException;
import io.itsm.core.RecordStateException;
import io.itsm.core.ServiceDesk;
import io.itsm.core.StaleRecordException;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalStatus;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.Verdict;
import io.itsm.core.escalation.EscalationAction;
import io.itsm.core.event.EscalationKind;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.Provenance;
import io.itsm.core.event.Resolved;
import io.itsm.core.event.SlaBreached;
import io.itsm.core.event.SlaKind;
import io.itsm.core.improvement.RecordRef;
import io.itsm.core.kernel.internal.FailureLog;
import io.itsm.core.kernel.internal.OrderedDelivery;
import io.itsm.core.improvement.internal.Recorder;
import io.itsm.core.improvement.internal.RecordWriter;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.approval.ApprovalTerms;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.LinkType;
import io.itsm.core.incident.Priority;
import io.itsm.core.problem.Problem;
import io.itsm.core.problem.ProblemKnownErrorDeclared;
import io.itsm.core.problem.ProblemListener;
import io.itsm.core.review.internal.TimelineAssembler;
import io.itsm.core.sla.BusinessCalendar;
import io.itsm.core.sla.SlaPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Post-incident reviews and their preventive actions, on a {@link ServiceDesk}: a review of an
 * incident, a major incident with its children, or a problem's incidents is opened (by hand, or
 * when the {@link ReviewPolicy} requires one), its timeline and impact assembled from the
 * incidents' events; its findings are recorded and preventive actions planned; it is submitted for
 * approval by senior management (an {@link Approval} of kind {@code INCIDENT_REPORT}, with levels,
 * quorum and expiry); rejected, it goes back to draft with the comment on record; approved, its
 * actions start as {@link PreventiveAction}s, which their owners work to done; {@link #tick}
 * escalates overdue actions through an {@link ActionEscalationPolicy}; the review closes when every
 * action is done or cancelled.
 *
 * <pre>{@code
 * Reviews reviews = Reviews.builder().desk(desk).policy(ReviewEngine.withDefaults())
 *     .actionEscalation(ActionEscalationEngine.withDefaults()).build();
 * PostIncidentReview r = reviews.openForIncident(lead, "INC-000001");
 * reviews.recordFindings(lead, r.id(), "Certificate expired unnoticed", List.of("No expiry alert"),
 *     List.of("Monitor certificate expiry"));
 * reviews.planAction(lead, r.id(), PlannedAction.of("Alert 30 days before expiry", "nina", "network-ops",
 *     now.plus(Duration.ofDays(14))));
 * reviews.submit(lead, r.id());
 * reviews.decide(seniorManager, r.id(), Verdict.APPROVE, "Go ahead");   // actions start
 * }</pre>
 *
 * <p><b>Who may.</b> Reviews are run by holders of {@link Permission#REVIEW_MANAGE}; only the
 * review's approvers decide it (by default any {@link Role#SENIOR_MANAGER}), with {@link
 * Permission#DECIDE_APPROVAL}; an action's owner updates their own action (start, link, reschedule,
 * complete), holders of {@link Permission#PREVENTIVE_ACTION_MANAGE} every action (also reassign and
 * cancel). Reading needs {@link Permission#VIEW_ALL} (owners see their own actions).
 *
 * <p>A command that throws changes nothing. Starting the actions follows the approval's event in
 * a separate step per action; should one fail, {@link #tick} starts it. Thread-safe, provided the
 * repositories, policies and listeners are.
 */
public final class Reviews {

  /** The prefix of review ids: {@code PIR-000001}. */
  public static final String REVIEW_ID_PREFIX = "PIR";

  /** The prefix of preventive action ids: {@code PA-000001}. */
  public static final String ACTION_ID_PREFIX = "PA";

  private static final Logger LOG = LoggerFactory.getLogger(Reviews.class);
  private static final FailureLog FAILURES = new FailureLog(LOG);
  private static final Set<ActionStatus> OPEN_ACTIONS =
      EnumSet.of(ActionStatus.OPEN, ActionStatus.IN_PROGRESS);

  private final ServiceDesk desk;
  private final Clock clock;
  private final AccessPolicy accessPolicy;
  private final Supplier<String> reviewIds;
  private final Supplier<String> actionIds;
  private final ReviewRepository reviews;
  private final PreventiveActionRepository actions;
  private final ReviewPolicy policy;
  private final ApprovalTerms approvalTerms;
  private final ActionEscalationPolicy escalation;
  private final Optional<BusinessCalendar> calendar;
  private final boolean closeWhenActionsDone;
  private final RecordWriter<PostIncidentReview, ReviewEvent> reviewWriter;
  private final RecordWriter<PreventiveAction, PreventiveActionEvent> actionWriter;

  private Reviews(Builder b) {
    this.desk = b.desk;
    Kernel k = b.kernel != null ? b.kernel : b.desk.config().kernel();
    this.clock = b.clock != null ? b.clock : k.clock();
    this.accessPolicy = b.accessPolicy != null ? b.accessPolicy : k.accessPolicy();
    this.reviewIds = b.reviewIds != null ? b.reviewIds : () -> k.ids().next(REVIEW_ID_PREFIX);
    this.actionIds = b.actionIds != null ? b.actionIds : () -> k.ids().next(ACTION_ID_PREFIX);
    this.reviews = b.reviews != null ? b.reviews
        : k.stores().find(ReviewRepository.class).orElseGet(InMemoryReviewRepository::new);
    this.actions = b.actions != null ? b.actions
        : k.stores().find(PreventiveActionRepository.class)
            .orElseGet(InMemoryPreventiveActionRepository::new);
    this.policy = b.policy;
    this.approvalTerms = b.approvalTerms != null ? b.approvalTerms
        : k.approvalTerms(ApprovalSubject.Kind.INCIDENT_REPORT);
    this.escalation = b.escalation;
    this.calendar = Optional.ofNullable(b.calendar);
    this.closeWhenActionsDone = b.closeWhenActionsDone;
    this.reviewWriter = new RecordWriter<>("post-incident review", new RecordWriter.Store<>() {
      @Override
      public Optional<PostIncidentReview> find(String id) {
        return reviews.find(id);
      }

      @Override
      public void append(long v, List<ReviewEvent> events, PostIncidentReview state) {
        reviews.append(v, events, state);
      }
    }, ReviewHistory::apply, PostIncidentReview::version, PostIncidentReview::updatedAt,
        new OrderedDelivery<ReviewListener, ReviewEvent, PostIncidentReview>(b.reviewListeners,
            ReviewListener::onEvent, e -> e.type() + " #" + e.sequence() + " of " + e.reviewId()),
        "find reviews with Reviews.find(actor, ReviewQuery.all())");
    this.actionWriter = new RecordWriter<>("preventive action", new RecordWriter.Store<>() {
      @Override
      public Optional<PreventiveAction> find(String id) {
        return actions.find(id);
      }

      @Override
      public void append(long v, List<PreventiveActionEvent> events, PreventiveAction state) {
        actions.append(v, events, state);
      }
    }, PreventiveActionHistory::apply, PreventiveAction::version, PreventiveAction::updatedAt,
        new OrderedDelivery<PreventiveActionListener, PreventiveActionEvent, PreventiveAction>(
            b.actionListeners, PreventiveActionListener::onEvent,
            e -> e.type() + " #" + e.sequence() + " of " + e.actionId()),
        "find actions with Reviews.findActions(actor, ActionQuery.open())");
  }

  /**
   * Starts configuring reviews. A {@link Builder#desk desk} is required; the other defaults come
   * from the desk's kernel: its clock, access policy, ids (prefixes {@value #REVIEW_ID_PREFIX} and
   * {@value #ACTION_ID_PREFIX}), its {@link ReviewRepository} and {@link
   * PreventiveActionRepository} stores (else in memory) and its approval terms of {@code
   * INCIDENT_REPORT} (by default any senior manager, no expiry); and {@link ReviewPolicy#none()},
   * {@link ActionEscalationPolicy#none()}, business time on the desk's SLA calendar, reviews
   * closing when their last action finishes.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- automation

  /**
   * Returns the listener to register on the desk: every resolved incident is {@linkplain
   * #considerResolved considered}. A failing policy is logged.
   *
   * @return the listener
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
   * Returns the listener to register on {@code Problems}: every problem declared a known error is
   * {@linkplain #considerKnownError considered}. A failing policy is logged.
   *
   * @return the listener
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
   * Asks the review policy whether a resolved incident needs a review and, if so, opens one by
   * {@code "system"} with the deciding rule and due time: of the incident, or of the major
   * incident with its children when it links any as {@link LinkType#CHILD}. Nothing is opened for
   * an incident some review already covers, nor for a child of a major incident (its parent's
   * review covers it).
   *
   * @param incident the resolved incident
   * @return the review opened, or empty
   * @throws ItsmException if the policy fails
   */
  public Optional<PostIncidentReview> considerResolved(Incident incident) {
    Objects.requireNonNull(incident, "incident");
    if (isCovered(incident.id()) || incident.links().stream()
        .anyMatch(l -> l.type() == LinkType.PARENT)) {
      return Optional.empty();
    }
    Actor system = Actor.system();
    List<IncidentEvent> history = desk.history(system, incident.id());
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
   * Asks the review policy whether a problem that became a known error needs a review of its
   * incidents and, if so, opens one by {@code "system"}. Nothing is opened when a review of the
   * problem exists, or the problem explains no incident.
   *
   * @param problem the problem
   * @return the review opened, or empty
   * @throws ItsmException if the policy fails
   */
  public Optional<PostIncidentReview> considerKnownError(Problem problem) {
    Objects.requireNonNull(problem, "problem");
    if (problem.incidentIds().isEmpty() || reviews.find(ReviewQuery.all()).stream()
        .anyMatch(r -> r.status() != ReviewStatus.CANCELLED
            && r.scope().kind() == ReviewScope.Kind.PROBLEM
            && r.scope().subjectId().equals(problem.id()))) {
      return Optional.empty();
    }
    Actor system = Actor.system();
    Optional<Priority> highest = Optional.empty();
    Set<SlaKind> breached = EnumSet.noneOf(SlaKind.class);
    for (String id : problem.incidentIds()) {
      Incident inc = desk.get(system, id);
      if (inc.priority().isPresent()
          && (highest.isEmpty() || inc.priority().get().compareTo(highest.get()) < 0)) {
        highest = inc.priority();
      }
      breached.addAll(breaches(desk.history(system, id)));
    }
    ReviewCandidate candidate = new ReviewCandidate(ReviewCandidate.Trigger.PROBLEM_KNOWN_ERROR,
        problem.id(), highest, problem.category(), Set.of(), breached, 0,
        problem.incidentIds().size(), problem.updatedAt());
    ReviewRequirement req = decide(candidate);
    if (!req.required()) {
      return Optional.empty();
    }
    ReviewScope scope = new ReviewScope(ReviewScope.Kind.PROBLEM, problem.id(),
        problem.incidentIds());
    return Optional.of(open(system, scope, "Review of problem " + problem.id() + ": "
        + problem.title(), req.decidedBy(), req.dueAt()));
  }

  // ---------------------------------------------------------------- review commands

  /**
   * Opens a review of an incident by hand: of the incident, or of the major incident with its
   * children when it links any as {@link LinkType#CHILD}.
   *
   * @param actor who opens it (needs {@link Permission#REVIEW_MANAGE})
   * @param incidentId the incident
   * @return the new review, a DRAFT
   * @throws io.itsm.core.repository.IncidentNotFoundException if there is no such incident
   * @throws RecordStateException if a review (not cancelled) already covers the incident
   */
  public PostIncidentReview openForIncident(Actor actor, String incidentId) {
    Objects.requireNonNull(actor, "actor");
    accessPolicy.check(actor, Permission.REVIEW_MANAGE, Optional.empty());
    Incident incident = desk.get(actor, incidentId);
    requireNotCovered(incidentId);
    List<String> children = children(incident);
    ReviewScope scope = scopeOf(incident, children);
    return open(actor, scope, titleOf(incident, scope), Optional.empty(), Optional.empty());
  }

  /**
   * Opens a review of a problem's incidents by hand.
   *
   * @param actor who opens it (needs {@link Permission#REVIEW_MANAGE})
   * @param problem the problem (as {@code Problems.get} returns it)
   * @return the new review, a DRAFT
   * @throws ValidationException if the problem explains no incident
   * @throws RecordStateException if a review of the problem (not cancelled) exists
   */
  public PostIncidentReview openForProblem(Actor actor, Problem problem) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(problem, "problem");
    accessPolicy.check(actor, Permission.REVIEW_MANAGE, Optional.empty());
    if (problem.incidentIds().isEmpty()) {
      throw new ValidationException("problem " + problem.id() + " explains no incident yet; link"
          + " its incidents before reviewing it");
    }
    for (PostIncidentReview r : reviews.find(ReviewQuery.all())) {
      if (r.status() != ReviewStatus.CANCELLED && r.scope().kind() == ReviewScope.Kind.PROBLEM
          && r.scope().subjectId().equals(problem.id())) {
        throw new RecordStateException("problem", problem.id(), "reviewed by " + r.id() + " ("
            + r.status() + ")", "openForProblem", "no review of it exists",
            "continue review " + r.id() + ", or cancel it first");
      }
    }
    ReviewScope scope = new ReviewScope(ReviewScope.Kind.PROBLEM, problem.id(),
        problem.incidentIds());
    return open(actor, scope, "Review of problem " + problem.id() + ": " + problem.title(),
        Optional.empty(), Optional.empty());
  }

  /**
   * Assembles a draft's timeline and impact again from its incidents' current events.
   *
   * @param actor who asks (needs {@link Permission#REVIEW_MANAGE})
   * @param reviewId the review
   * @return the review after the change
   * @throws RecordStateException if it is not a DRAFT
   */
  public PostIncidentReview reassemble(Actor actor, String reviewId) {
    return reviewCommand(actor, reviewId, "reassemble", Set.of(ReviewStatus.DRAFT), (r, rec) -> {
      TimelineAssembler.Assembled a = assemble(r.scope(), rec.now());
      rec.record(new ReviewTimelineAssembled(r.id(), rec.seq(), rec.now(), actor.id(),
          a.timeline(), a.impact()));
    });
  }

  /**
   * Records a draft's findings, replacing earlier ones.
   *
   * @param actor who records them (needs {@link Permission#REVIEW_MANAGE})
   * @param reviewId the review
   * @param rootCause the root cause, not blank
   * @param contributingFactors what made it worse or longer, each not blank
   * @param lessons what was learned, each not blank
   * @return the review after the change
   * @throws RecordStateException if it is not a DRAFT
   * @throws ValidationException if the root cause, a factor or a lesson is blank
   */
  public PostIncidentReview recordFindings(Actor actor, String reviewId, String rootCause,
      List<String> contributingFactors, List<String> lessons) {
    Objects.requireNonNull(rootCause, "rootCause");
    Objects.requireNonNull(contributingFactors, "contributingFactors");
    Objects.requireNonNull(lessons, "lessons");
    return reviewCommand(actor, reviewId, "recordFindings", Set.of(ReviewStatus.DRAFT),
        (r, rec) -> rec.record(new ReviewFindingsRecorded(r.id(), rec.seq(), rec.now(),
            actor.id(), rootCause.strip(), strip(contributingFactors), strip(lessons))));
  }

  /**
   * Plans a preventive action in a draft; a planned action of the same title is replaced.
   *
   * @param actor who plans it (needs {@link Permission#REVIEW_MANAGE})
   * @param reviewId the review
   * @param action the action; its due time must be in the future
   * @return the review after the change
   * @throws RecordStateException if it is not a DRAFT
   * @throws ValidationException if the due time is not after now
   */
  public PostIncidentReview planAction(Actor actor, String reviewId, PlannedAction action) {
    Objects.requireNonNull(action, "action");
    return reviewCommand(actor, reviewId, "planAction", Set.of(ReviewStatus.DRAFT), (r, rec) -> {
      requireFuture(action, rec.now());
      rec.record(new ReviewActionPlanned(r.id(), rec.seq(), rec.now(), actor.id(), action));
    });
  }

  /**
   * Drops a planned action from a draft.
   *
   * @param actor who drops it (needs {@link Permission#REVIEW_MANAGE})
   * @param reviewId the review
   * @param title the action's title
   * @param reason why, or {@code null}
   * @return the review after the change
   * @throws RecordStateException if it is not a DRAFT
   * @throws ValidationException if no planned action has the title (the message lists them)
   */
  public PostIncidentReview dropAction(Actor actor, String reviewId, String title, String reason) {
    Objects.requireNonNull(title, "title");
    return reviewCommand(actor, reviewId, "dropAction", Set.of(ReviewStatus.DRAFT), (r, rec) -> {
      if (r.plannedAction(title).isEmpty()) {
        throw new ValidationException("review " + r.id() + " plans no action titled '" + title
            + "'; planned: " + r.plannedActions().stream().map(PlannedAction::title).toList());
      }
      rec.record(new ReviewActionDropped(r.id(), rec.seq(), rec.now(), actor.id(), title,
          reason == null ? "" : reason.strip()));
    });
  }

  /**
   * Submits a draft for approval (→ PENDING_APPROVAL): requests an {@link Approval} of kind {@code
   * INCIDENT_REPORT} from the review's approvers, due after the configured time.
   *
   * @param actor who submits it (needs {@link Permission#REVIEW_MANAGE})
   * @param reviewId the review
   * @return the review after the change
   * @throws RecordStateException if it is not a DRAFT or has no root cause recorded
   * @throws ValidationException if a planned action is due at or before now (reschedule it)
   */
  public PostIncidentReview submit(Actor actor, String reviewId) {
    return reviewCommand(actor, reviewId, "submit", Set.of(ReviewStatus.DRAFT), (r, rec) -> {
      if (r.rootCause().isEmpty()) {
        throw new RecordStateException("post-incident review", r.id(), "DRAFT without findings",
            "submit", "DRAFT with its root cause recorded", "record the findings first");
      }
      for (PlannedAction a : r.plannedActions()) {
        requireFuture(a, rec.now());
      }
      long n = reviews.history(r.id()).stream().filter(e -> e instanceof ReviewSubmitted).count();
      Approval approval = approvalTerms.request(r.id() + "-APR-" + (n + 1),
          new ApprovalSubject(ApprovalSubject.Kind.INCIDENT_REPORT, r.id()), actor.id(),
          rec.now());
      rec.record(new ReviewSubmitted(r.id(), rec.seq(), rec.now(), actor.id(), approval));
    });
  }

  /**
   * An approver decides a submitted review. A decision that completes the approval approves the
   * review (→ APPROVED) and starts its planned actions ({@link PreventiveActionOpened}, OPEN); a
   * review that planned none closes at once. A rejection (with a comment) sends it back to DRAFT
   * with the comment on record. A decision that leaves a quorum or a later level open keeps it
   * PENDING_APPROVAL.
   *
   * @param actor an approver of the current level (needs {@link Permission#DECIDE_APPROVAL})
   * @param reviewId the review
   * @param verdict approve or reject
   * @param comment the approver's comment; required when rejecting
   * @return the review after the decision
   * @throws RecordStateException if the review is not PENDING_APPROVAL (for example approved
   *     already)
   * @throws io.itsm.core.approval.NotAnApproverException if the actor is not an approver of the
   *     current level (by default: not a senior manager)
   * @throws io.itsm.core.approval.AlreadyDecidedException if the actor decided this level already
   * @throws io.itsm.core.approval.ApprovalExpiredException if the approval's due time has passed
   * @throws ValidationException if rejecting without a comment
   */
  public PostIncidentReview decide(Actor actor, String reviewId, Verdict verdict, String comment) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(verdict, "verdict");
    String c = comment == null ? "" : comment.strip();
    accessPolicy.check(actor, Permission.DECIDE_APPROVAL, Optional.empty());
    List<String> started = new ArrayList<>();
    PostIncidentReview after = reviewWriter.update(reviewId, actor, clock.instant(), (r, rec) -> {
      requireStatus(r, "decide", Set.of(ReviewStatus.PENDING_APPROVAL));
      Approval decided = r.approval().orElseThrow().decide(actor, verdict, c, rec.now());
      rec.record(new ReviewApprovalDecided(r.id(), rec.seq(), rec.now(), actor.id(), decided,
          verdict, c));
      if (decided.status() == ApprovalStatus.APPROVED) {
        List<String> ids = new ArrayList<>();
        r.plannedActions().forEach(a -> ids.add(actionIds.get()));
        rec.record(new ReviewApproved(r.id(), rec.seq(), rec.now(), actor.id(), ids));
        started.addAll(ids);
        if (ids.isEmpty() && closeWhenActionsDone) {
          rec.record(new ReviewClosed(r.id(), rec.seq(), rec.now(), Actor.SYSTEM_ID,
              "approved without preventive actions"));
        }
      }
    });
    if (!started.isEmpty()) {
      startActions(after, actor);
    }
    return reviewWriter.load(reviewId);
  }

  /**
   * Closes an approved review whose preventive actions are all done or cancelled (when reviews do
   * not close by themselves, or to add a closing note before they do).
   *
   * @param actor who closes it (needs {@link Permission#REVIEW_MANAGE})
   * @param reviewId the review
   * @param note a closing note, or {@code null}
   * @return the review after the change
   * @throws RecordStateException if it is not APPROVED, or an action is still open (the message
   *     lists them)
   */
  public PostIncidentReview close(Actor actor, String reviewId, String note) {
    return reviewCommand(actor, reviewId, "close", Set.of(ReviewStatus.APPROVED), (r, rec) -> {
      List<String> open = new ArrayList<>();
      for (String id : r.actionIds()) {
        Optional<PreventiveAction> a = actions.find(id);
        if (a.isEmpty() || !a.get().status().isFinished()) {
          open.add(a.map(x -> x.id() + " '" + x.title() + "' (" + x.status() + ", owner "
              + x.owner() + ", due " + x.dueAt() + ")").orElse(id + " (not started yet)"));
        }
      }
      if (!open.isEmpty()) {
        throw new RecordStateException("post-incident review", r.id(), "APPROVED with "
            + open.size() + " open preventive action" + (open.size() == 1 ? "" : "s"), "close",
            "APPROVED with every preventive action DONE or CANCELLED",
            "open: " + String.join("; ", open));
      }
      rec.record(new ReviewClosed(r.id(), rec.seq(), rec.now(), actor.id(),
          note == null ? "" : note.strip()));
    });
  }

  /**
   * Cancels a draft that is not needed after all.
   *
   * @param actor who cancels it (needs {@link Permission#REVIEW_MANAGE})
   * @param reviewId the review
   * @param reason why, not blank
   * @return the review after the change
   * @throws RecordStateException if it is not a DRAFT
   * @throws ValidationException if the reason is blank
   */
  public PostIncidentReview cancel(Actor actor, String reviewId, String reason) {
    Objects.requireNonNull(reason, "reason");
    return reviewCommand(actor, reviewId, "cancel", Set.of(ReviewStatus.DRAFT), (r, rec) -> {
      if (reason.isBlank()) {
        throw new ValidationException("cancelling review " + r.id() + " needs a reason");
      }
      rec.record(new ReviewCancelled(r.id(), rec.seq(), rec.now(), actor.id(), reason.strip()));
    });
  }

  // ---------------------------------------------------------------- action commands

  /**
   * Its owner starts work on an action: OPEN → IN_PROGRESS.
   *
   * @param actor the owner, or a holder of {@link Permission#PREVENTIVE_ACTION_MANAGE}
   * @param actionId the action
   * @return the action after the change
   * @throws RecordStateException if it is not OPEN
   * @throws AccessDeniedException if the actor is neither its owner nor a manager of actions
   */
  public PreventiveAction startAction(Actor actor, String actionId) {
    return actionCommand(actor, actionId, "start", true, Set.of(ActionStatus.OPEN), (a, rec) ->
        rec.record(new PreventiveActionStarted(a.id(), rec.seq(), rec.now(), actor.id())));
  }

  /**
   * The action is done (→ DONE), with evidence. When it was its review's last open action, the
   * review closes (by {@code "system"}) unless reviews were configured not to.
   *
   * @param actor the owner, or a holder of {@link Permission#PREVENTIVE_ACTION_MANAGE}
   * @param actionId the action
   * @param evidence what shows it is done, not blank
   * @return the action after the change
   * @throws RecordStateException if it is DONE or CANCELLED
   * @throws ValidationException if the evidence is blank
   */
  public PreventiveAction completeAction(Actor actor, String actionId, String evidence) {
    Objects.requireNonNull(evidence, "evidence");
    PreventiveAction a = actionCommand(actor, actionId, "complete", true, OPEN_ACTIONS,
        (x, rec) -> {
          if (evidence.isBlank()) {
            throw new ValidationException("completing preventive action " + x.id()
                + " needs evidence that it is done (a change id, a test, a link)");
          }
          rec.record(new PreventiveActionCompleted(x.id(), rec.seq(), rec.now(), actor.id(),
              evidence.strip()));
        });
    closeIfDone(a.reviewId());
    return a;
  }

  /**
   * Cancels an action (→ CANCELLED), with a reason. When it was its review's last open action, the
   * review closes as for {@link #completeAction}.
   *
   * @param actor a holder of {@link Permission#PREVENTIVE_ACTION_MANAGE}
   * @param actionId the action
   * @param reason why, not blank
   * @return the action after the change
   * @throws RecordStateException if it is DONE or CANCELLED
   * @throws ValidationException if the reason is blank
   */
  public PreventiveAction cancelAction(Actor actor, String actionId, String reason) {
    Objects.requireNonNull(reason, "reason");
    PreventiveAction a = actionCommand(actor, actionId, "cancel", false, OPEN_ACTIONS,
        (x, rec) -> {
          if (reason.isBlank()) {
            throw new ValidationException("cancelling preventive action " + x.id()
                + " needs a reason");
          }
          rec.record(new PreventiveActionCancelled(x.id(), rec.seq(), rec.now(), actor.id(),
              reason.strip()));
        });
    closeIfDone(a.reviewId());
    return a;
  }

  /**
   * Gives an action to another owner.
   *
   * @param actor a holder of {@link Permission#PREVENTIVE_ACTION_MANAGE}
   * @param actionId the action
   * @param owner the new owner, not blank
   * @param team the new owner's team, not blank
   * @param reason why, or {@code null}
   * @return the action after the change
   * @throws RecordStateException if it is DONE or CANCELLED
   * @throws ValidationException if the owner or team is blank
   */
  public PreventiveAction reassignAction(Actor actor, String actionId, String owner, String team,
      String reason) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(team, "team");
    return actionCommand(actor, actionId, "reassign", false, OPEN_ACTIONS, (a, rec) -> {
      if (owner.isBlank() || team.isBlank()) {
        throw new ValidationException("reassigning preventive action " + a.id()
            + " needs an owner and a team, but was owner '" + owner + "', team '" + team + "'");
      }
      rec.record(new PreventiveActionReassigned(a.id(), rec.seq(), rec.now(), actor.id(),
          owner.strip(), team.strip(), reason == null ? "" : reason.strip()));
    });
  }

  /**
   * Moves an action's due time; its escalation ladder starts again from the new due time.
   *
   * @param actor the owner, or a holder of {@link Permission#PREVENTIVE_ACTION_MANAGE}
   * @param actionId the action
   * @param dueAt the new due time, after now
   * @param reason why, not blank
   * @return the action after the change
   * @throws RecordStateException if it is DONE or CANCELLED
   * @throws ValidationException if the due time is not after now, or the reason is blank
   */
  public PreventiveAction rescheduleAction(Actor actor, String actionId, Instant dueAt,
      String reason) {
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(reason, "reason");
    return actionCommand(actor, actionId, "reschedule", true, OPEN_ACTIONS, (a, rec) -> {
      if (!dueAt.isAfter(rec.now())) {
        throw new ValidationException("the new due time of preventive action " + a.id()
            + " must be in the future (after " + rec.now() + "), but was " + dueAt);
      }
      if (reason.isBlank()) {
        throw new ValidationException("rescheduling preventive action " + a.id()
            + " needs a reason");
      }
      rec.record(new PreventiveActionRescheduled(a.id(), rec.seq(), rec.now(), actor.id(), dueAt,
          reason.strip()));
    });
  }

  /**
   * Links an action to what implements it: a change, a problem or a knowledge article.
   *
   * @param actor the owner, or a holder of {@link Permission#PREVENTIVE_ACTION_MANAGE}
   * @param actionId the action
   * @param implementedBy the record
   * @return the action after the change
   * @throws RecordStateException if it is DONE or CANCELLED
   * @throws ValidationException if the record is not a change, problem or knowledge article
   */
  public PreventiveAction linkAction(Actor actor, String actionId, RecordRef implementedBy) {
    Objects.requireNonNull(implementedBy, "implementedBy");
    return actionCommand(actor, actionId, "link", true, OPEN_ACTIONS, (a, rec) -> {
      switch (implementedBy.kind()) {
        case CHANGE, PROBLEM, KNOWLEDGE_ARTICLE -> { }
        default -> throw new ValidationException("a preventive action is implemented by a CHANGE,"
            + " PROBLEM or KNOWLEDGE_ARTICLE, but was " + implementedBy);
      }
      rec.record(new PreventiveActionLinked(a.id(), rec.seq(), rec.now(), actor.id(),
          implementedBy));
    });
  }

  // ---------------------------------------------------------------- due work

  /**
   * What one {@link #tick} changed.
   *
   * @param reviews the reviews changed (approvals expired, closed), each once in its latest state
   * @param actions the actions changed (escalated, started late), each once in its latest state
   */
  public record TickResult(List<PostIncidentReview> reviews, List<PreventiveAction> actions) {

    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a list is null
     */
    public TickResult {
      reviews = List.copyOf(reviews);
      actions = List.copyOf(actions);
    }
  }

  /**
   * Runs what is due at the clock's current instant; see {@link #tick(Instant)}.
   *
   * @return what changed
   */
  public TickResult tick() {
    return tick(clock.instant());
  }

  /**
   * Runs what is due at an instant, by {@code "system"}:
   *
   * <ol>
   *   <li>a pending approval past its due time expires ({@link ReviewApprovalExpired}; the review
   *       goes back to DRAFT);
   *   <li>an approved review whose actions did not all start gets them started; one whose actions
   *       are all finished closes (unless reviews were configured not to close by themselves);
   *   <li>each overdue action (OPEN or IN_PROGRESS, due at or before {@code now}) is handed to
   *       the {@link ActionEscalationPolicy}; each role it names that its rule has not told since
   *       the action was last rescheduled is told now ({@link PreventiveActionEscalated}). A
   *       policy that fails is logged and asked again at the next tick.
   * </ol>
   *
   * <p>Running it again changes nothing more. A record changed concurrently is left for the next
   * tick.
   *
   * @param now the instant
   * @return what changed
   */
  public TickResult tick(Instant now) {
    Objects.requireNonNull(now, "now");
    Actor system = Actor.system();
    Map<String, PostIncidentReview> changedReviews = new LinkedHashMap<>();
    Map<String, PreventiveAction> changedActions = new LinkedHashMap<>();
    for (PostIncidentReview r : reviews.find(
        ReviewQuery.all().withStatus(ReviewStatus.PENDING_APPROVAL))) {
      Approval a = r.approval().orElseThrow();
      Approval expired = a.expireIfDue(now);
      if (expired.status() == ApprovalStatus.EXPIRED) {
        Instant at = a.dueAt().orElse(now);
        tryTick(() -> changedReviews.put(r.id(), reviewWriter.update(r.id(), system, at,
            (cur, rec) -> {
              requireUnchanged(cur, r);
              rec.record(new ReviewApprovalExpired(cur.id(), rec.seq(), rec.now(), system.id(),
                  cur.approval().orElseThrow().expireIfDue(now)));
            })));
      }
    }
    for (PostIncidentReview r : reviews.find(ReviewQuery.all().withStatus(ReviewStatus.APPROVED))) {
      for (PreventiveAction started : startActions(r, system)) {
        changedActions.put(started.id(), started);
      }
      closeIfDone(r.id()).ifPresent(c -> changedReviews.put(c.id(), c));
    }
    for (PreventiveAction a : actions.find(ActionQuery.open().withOverdueAt(now))) {
      List<EscalationAction> decided;
      try {
        decided = List.copyOf(Objects.requireNonNull(escalation.decide(a, now),
            "escalation actions"));
      } catch (RuntimeException e) {
        FAILURES.warn("action escalation policy failed for " + a.id() + "; skipped this tick", e);
        continue;
      }
      List<EscalationAction> todo = new ArrayList<>();
      for (EscalationAction x : decided) {
        Objects.requireNonNull(x, "escalation action");
        if (x.kind() != EscalationKind.HIERARCHICAL) {
          LOG.warn("escalation '{}' of preventive action {} hands over to a team; preventive"
              + " actions are only escalated to roles; skipped", x.rule(), a.id());
          continue;
        }
        Role role = x.notified().orElseThrow();
        boolean done = a.escalations().stream()
            .anyMatch(e -> e.rule().equals(x.rule()) && e.notified() == role)
            || todo.stream().anyMatch(t -> t.rule().equals(x.rule())
                && t.notified().equals(x.notified()));
        if (!done) {
          todo.add(x);
        }
      }
      if (todo.isEmpty()) {
        continue;
      }
      tryTick(() -> changedActions.put(a.id(), actionWriter.update(a.id(), system, now,
          (cur, rec) -> {
            if (cur.version() != a.version()) {
              throw new StaleRecordException("preventive action", cur.id(), a.version(),
                  cur.version());
            }
            for (EscalationAction x : todo) {
              rec.record(new PreventiveActionEscalated(cur.id(), rec.seq(), rec.now(),
                  system.id(), x.notified().orElseThrow(), cur.dueAt(), x.reason(),
                  Provenance.rule(x.rule(), x.reason())));
            }
          })));
    }
    return new TickResult(List.copyOf(changedReviews.values()),
        List.copyOf(changedActions.values()));
  }

  // ---------------------------------------------------------------- queries

  /**
   * Returns a review.
   *
   * @param actor who asks (needs {@link Permission#VIEW_ALL})
   * @param reviewId the review
   * @return the review
   * @throws io.itsm.core.RecordNotFoundException if there is none
   */
  public PostIncidentReview get(Actor actor, String reviewId) {
    checkView(actor);
    return reviewWriter.load(reviewId);
  }

  /**
   * Finds reviews.
   *
   * @param actor who asks (needs {@link Permission#VIEW_ALL})
   * @param query the criteria
   * @return the reviews, ordered by id
   */
  public List<PostIncidentReview> find(Actor actor, ReviewQuery query) {
    checkView(actor);
    return reviews.find(Objects.requireNonNull(query, "query"));
  }

  /**
   * Returns a review's history.
   *
   * @param actor who asks (needs {@link Permission#VIEW_ALL})
   * @param reviewId the review
   * @return the events, oldest first
   * @throws io.itsm.core.RecordNotFoundException if there is none
   */
  public List<ReviewEvent> history(Actor actor, String reviewId) {
    return reviews.history(get(actor, reviewId).id());
  }

  /**
   * Returns a preventive action: its owner sees it; others need {@link Permission#VIEW_ALL}.
   *
   * @param actor who asks
   * @param actionId the action
   * @return the action
   * @throws io.itsm.core.RecordNotFoundException if there is none
   */
  public PreventiveAction action(Actor actor, String actionId) {
    Objects.requireNonNull(actor, "actor");
    PreventiveAction a = actionWriter.load(actionId);
    if (!a.owner().equals(actor.id())) {
      checkView(actor);
    }
    return a;
  }

  /**
   * Finds preventive actions: every match with {@link Permission#VIEW_ALL}, else the actor's own.
   *
   * @param actor who asks
   * @param query the criteria, for example {@code ActionQuery.open().withOverdueAt(now)}
   * @return the actions, ordered by id
   */
  public List<PreventiveAction> findActions(Actor actor, ActionQuery query) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(query, "query");
    if (accessPolicy.permits(actor, Permission.VIEW_ALL, Optional.empty())) {
      return actions.find(query);
    }
    return actions.find(query.withOwner(actor.id()));
  }

  /**
   * Returns a preventive action's history, with the same access as {@link #action}.
   *
   * @param actor who asks
   * @param actionId the action
   * @return the events, oldest first
   * @throws io.itsm.core.RecordNotFoundException if there is none
   */
  public List<PreventiveActionEvent> actionHistory(Actor actor, String actionId) {
    return actions.history(action(actor, actionId).id());
  }

  /**
   * Returns who approves reviews: the levels, each with its approvers and quorum, and the expiry.
   *
   * @return the terms
   */
  public ApprovalTerms approvalTerms() {
    return approvalTerms;
  }

  // ---------------------------------------------------------------- machinery

  private ReviewRequirement decide(ReviewCandidate candidate) {
    try {
      return Objects.requireNonNull(policy.decide(candidate), "review requirement");
    } catch (ItsmException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ItsmException("review policy " + policy + " failed for " + candidate.subjectId()
          + ": " + e, null, e);
    }
  }

  private PostIncidentReview open(Actor actor, ReviewScope scope, String title,
      Optional<Provenance> requiredBy, Optional<Instant> dueAt) {
    Instant now = clock.instant();
    TimelineAssembler.Assembled a = assemble(scope, now);
    String id = reviewIds.get();
    return reviewWriter.create(id, actor, now, rec -> rec.record(new ReviewOpened(id, rec.seq(),
        rec.now(), actor.id(), title, scope, requiredBy, dueAt, a.timeline(), a.impact())));
  }

  private TimelineAssembler.Assembled assemble(ReviewScope scope, Instant now) {
    Actor system = Actor.system();
    Map<String, List<IncidentEvent>> histories = new LinkedHashMap<>();
    Map<String, Incident> incidents = new LinkedHashMap<>();
    for (String id : scope.incidentIds()) {
      incidents.put(id, desk.get(system, id));
      histories.put(id, desk.history(system, id));
    }
    Incident subject = incidents.values().iterator().next();
    BusinessCalendar cal = calendar.or(() -> desk.config().slaPolicy().map(p -> p.targetFor(subject,
            SlaKind.RESOLUTION).calendar()))
        .orElse(SlaPolicy.DEFAULT_BUSINESS_CALENDAR);
    return TimelineAssembler.assemble(histories, incidents, cal, now);
  }

  private boolean isCovered(String incidentId) {
    return reviews.find(ReviewQuery.all().withIncident(incidentId)).stream()
        .anyMatch(r -> r.status() != ReviewStatus.CANCELLED);
  }

  private void requireNotCovered(String incidentId) {
    for (PostIncidentReview r : reviews.find(ReviewQuery.all().withIncident(incidentId))) {
      if (r.status() != ReviewStatus.CANCELLED) {
        throw new RecordStateException("incident", incidentId, "covered by review " + r.id() + " ("
            + r.status() + ")", "openForIncident", "no review covers it",
            "continue review " + r.id() + ", or cancel it first");
      }
    }
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

  private static List<String> strip(Collection<String> lines) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(Objects.requireNonNull(l, "line").strip());
    }
    return out;
  }

  private static void requireFuture(PlannedAction a, Instant now) {
    if (!a.dueAt().isAfter(now)) {
      throw new ValidationException("the due time of preventive action '" + a.title()
          + "' must be in the future (after " + now + "), but was " + a.dueAt()
          + "; plan it again with a later due time");
    }
  }

  private void checkView(Actor actor) {
    accessPolicy.check(Objects.requireNonNull(actor, "actor"), Permission.VIEW_ALL,
        Optional.empty());
  }

  private static void requireStatus(PostIncidentReview r, String command,
      Set<ReviewStatus> legal) {
    if (!legal.contains(r.status())) {
      String hint = switch (r.status()) {
        case APPROVED -> "it was approved already" + r.approval().map(a -> " (" + a.id() + ")")
            .orElse("") + "; its preventive actions run";
        case CLOSED, CANCELLED -> "it is final";
        case PENDING_APPROVAL -> "it waits for approval " + r.approval().map(Approval::id)
            .orElse("");
        case DRAFT -> "submit it first";
      };
      throw new RecordStateException("post-incident review", r.id(), r.status().name(), command,
          legal.size() == 1 ? legal.iterator().next().name() : legal.toString(), hint);
    }
  }

  private PostIncidentReview reviewCommand(Actor actor, String reviewId, String command,
      Set<ReviewStatus> legal,
      BiConsumer<PostIncidentReview, Recorder<PostIncidentReview, ReviewEvent>> step) {
    Objects.requireNonNull(actor, "actor");
    accessPolicy.check(actor, Permission.REVIEW_MANAGE, Optional.empty());
    return reviewWriter.update(reviewId, actor, clock.instant(), (r, rec) -> {
      requireStatus(r, command, legal);
      step.accept(r, rec);
    });
  }

  private PreventiveAction actionCommand(Actor actor, String actionId, String command,
      boolean ownerMay, Set<ActionStatus> legal,
      BiConsumer<PreventiveAction, Recorder<PreventiveAction, PreventiveActionEvent>> step) {
    Objects.requireNonNull(actor, "actor");
    return actionWriter.update(actionId, actor, clock.instant(), (a, rec) -> {
      boolean manager = accessPolicy.permits(actor, Permission.PREVENTIVE_ACTION_MANAGE,
          Optional.empty());
      if (!manager && !(ownerMay && a.owner().equals(actor.id()))) {
        throw new AccessDeniedException(actor, Permission.PREVENTIVE_ACTION_MANAGE, null,
            ownerMay ? "preventive action " + a.id() + " is owned by " + a.owner() + "; only its"
                + " owner or a holder of PREVENTIVE_ACTION_MANAGE may " + command + " it"
                : "only a holder of PREVENTIVE_ACTION_MANAGE may " + command + " preventive"
                    + " action " + a.id());
      }
      if (!legal.contains(a.status())) {
        throw new RecordStateException("preventive action", a.id(), a.status().name(), command,
            legal.size() == 1 ? legal.iterator().next().name() : "OPEN or IN_PROGRESS",
            a.status().isFinished() ? "it is final" : "");
      }
      step.accept(a, rec);
    });
  }

  /** Starts the review's planned actions that have not started; returns those started now. */
  private List<PreventiveAction> startActions(PostIncidentReview review, Actor actor) {
    List<PreventiveAction> out = new ArrayList<>();
    List<PlannedAction> planned = review.plannedActions();
    Instant approvedAt = review.updatedAt();
    for (int i = 0; i < review.actionIds().size(); i++) {
      String id = review.actionIds().get(i);
      if (actions.find(id).isPresent()) {
        continue;
      }
      PlannedAction p = planned.get(i);
      try {
        Instant at = clock.instant().isBefore(approvedAt) ? approvedAt : clock.instant();
        out.add(actionWriter.create(id, actor, at, rec -> rec.record(new PreventiveActionOpened(
            id, rec.seq(), rec.now(), actor.id(), review.id(), p.title(), p.owner(), p.team(),
            p.dueAt(), p.implementedBy()))));
      } catch (RuntimeException e) {
        FAILURES.warn("starting preventive action " + id + " of review " + review.id()
            + " failed; the next tick starts it", e);
      }
    }
    return out;
  }

  /** Closes an approved review whose actions are all finished, if reviews close by themselves. */
  private Optional<PostIncidentReview> closeIfDone(String reviewId) {
    if (!closeWhenActionsDone) {
      return Optional.empty();
    }
    Optional<PostIncidentReview> found = reviews.find(reviewId);
    if (found.isEmpty() || found.get().status() != ReviewStatus.APPROVED) {
      return Optional.empty();
    }
    PostIncidentReview r = found.get();
    int done = 0;
    for (String id : r.actionIds()) {
      Optional<PreventiveAction> a = actions.find(id);
      if (a.isEmpty() || !a.get().status().isFinished()) {
        return Optional.empty();
      }
      done++;
    }
    int n = done;
    try {
      return Optional.of(reviewWriter.update(r.id(), Actor.system(), clock.instant(),
          (cur, rec) -> {
            requireUnchanged(cur, r);
            rec.record(new ReviewClosed(cur.id(), rec.seq(), rec.now(), Actor.SYSTEM_ID,
                "all " + n + " preventive action" + (n == 1 ? " is" : "s are")
                    + " done or cancelled"));
          }));
    } catch (StaleRecordException e) {
      LOG.debug("closing review {} met a concurrent change; the next tick closes it", reviewId);
      return Optional.empty();
    }
  }

  private static void requireUnchanged(PostIncidentReview cur, PostIncidentReview seen) {
    if (cur.version() != seen.version()) {
      throw new StaleRecordException("post-incident review", cur.id(), seen.version(),
          cur.version());
    }
  }

  private static void tryTick(Runnable r) {
    try {
      r.run();
    } catch (StaleRecordException e) {
      LOG.debug("tick left a record changed concurrently: {}", e.getMessage());
    }
  }

  /**
   * Configures {@link Reviews}. Not thread-safe; build once and share.
   */
  public static final class Builder {
    private ServiceDesk desk;
    private Kernel kernel;
    private Clock clock;
    private AccessPolicy accessPolicy;
    private Supplier<String> reviewIds;
    private Supplier<String> actionIds;
    private ReviewRepository reviews;
    private PreventiveActionRepository actions;
    private ReviewPolicy policy = ReviewPolicy.none();
    private ApprovalTerms approvalTerms;
    private ActionEscalationPolicy escalation = ActionEscalationPolicy.none();
    private BusinessCalendar calendar;
    private boolean closeWhenActionsDone = true;
    private final List<ReviewListener> reviewListeners = new ArrayList<>();
    private final List<PreventiveActionListener> actionListeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the desk whose incidents are reviewed (required).
     *
     * @param desk the desk
     * @return this builder
     */
    public Builder desk(ServiceDesk desk) {
      this.desk = Objects.requireNonNull(desk, "desk");
      return this;
    }

    /**
     * Sets the kernel whose clock, access policy, ids, stores and approval terms are the
     * defaults; by default the desk's ({@code desk.config().kernel()}).
     *
     * @param kernel the kernel
     * @return this builder
     */
    public Builder kernel(Kernel kernel) {
      this.kernel = Objects.requireNonNull(kernel, "kernel");
      return this;
    }

    /**
     * Sets the clock; by default the kernel's.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the access policy; by default the kernel's.
     *
     * @param accessPolicy the policy
     * @return this builder
     */
    public Builder accessPolicy(AccessPolicy accessPolicy) {
      this.accessPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy");
      return this;
    }

    /**
     * Sets how review ids are made.
     *
     * @param ids a thread-safe supplier of fresh ids
     * @return this builder
     */
    public Builder reviewIdGenerator(Supplier<String> ids) {
      this.reviewIds = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * Sets how preventive action ids are made.
     *
     * @param ids a thread-safe supplier of fresh ids
     * @return this builder
     */
    public Builder actionIdGenerator(Supplier<String> ids) {
      this.actionIds = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * Sets where reviews are kept.
     *
     * @param repository the repository
     * @return this builder
     */
    public Builder repository(ReviewRepository repository) {
      this.reviews = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * Sets where preventive actions are kept.
     *
     * @param repository the repository
     * @return this builder
     */
    public Builder actionRepository(PreventiveActionRepository repository) {
      this.actions = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * Sets the policy that decides when a review is required, for example {@code
     * ReviewEngine.withDefaults()} of itsm-rules.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(ReviewPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets who approves reviews — levels decided in order, each with its approvers and quorum —
     * and how long an approval may stay pending before it expires (the review goes back to
     * DRAFT); by default the kernel's terms of {@code INCIDENT_REPORT}.
     *
     * <pre>{@code
     * .approvalTerms(new ApprovalTerms(List.of(
     *     new ApprovalStage(List.of(Approver.role(Role.MANAGER)), ApprovalPolicy.any()),
     *     new ApprovalStage(List.of(Approver.role(Role.SENIOR_MANAGER)), ApprovalPolicy.quorum(2))),
     *     Optional.of(Duration.ofDays(5))))
     * }</pre>
     *
     * @param terms the terms
     * @return this builder
     */
    public Builder approvalTerms(ApprovalTerms terms) {
      this.approvalTerms = Objects.requireNonNull(terms, "terms");
      return this;
    }

    /**
     * Sets the escalation ladder of overdue preventive actions, for example {@code
     * ActionEscalationEngine.withDefaults()} of itsm-rules.
     *
     * @param escalation the policy
     * @return this builder
     */
    public Builder actionEscalation(ActionEscalationPolicy escalation) {
      this.escalation = Objects.requireNonNull(escalation, "escalation");
      return this;
    }

    /**
     * Sets the calendar "business time lost" is counted on; by default the resolution SLA
     * calendar of the review's subject incident (with the desk's SLA policy), else {@link
     * SlaPolicy#DEFAULT_BUSINESS_CALENDAR}.
     *
     * @param calendar the calendar
     * @return this builder
     */
    public Builder calendar(BusinessCalendar calendar) {
      this.calendar = Objects.requireNonNull(calendar, "calendar");
      return this;
    }

    /**
     * Sets whether an approved review closes by itself when its last action is done or
     * cancelled (default); if not, someone closes it with {@link Reviews#close}.
     *
     * @param close whether reviews close by themselves
     * @return this builder
     */
    public Builder closeWhenActionsDone(boolean close) {
      this.closeWhenActionsDone = close;
      return this;
    }

    /**
     * Adds a listener for every stored review event.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(ReviewListener listener) {
      this.reviewListeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Adds a listener for every stored preventive-action event.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder actionListener(PreventiveActionListener listener) {
      this.actionListeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the reviews.
     *
     * @return the reviews
     * @throws ValidationException if no desk was set
     */
    public Reviews build() {
      if (desk == null) {
        throw new ValidationException("Reviews needs the desk whose incidents are reviewed:"
            + " Reviews.builder().desk(desk)");
      }
      return new Reviews(this);
    }
  }
}
