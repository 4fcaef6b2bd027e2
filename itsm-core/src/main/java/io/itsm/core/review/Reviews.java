package io.itsm.core.review;

import io.itsm.core.IncidentListener;
import io.itsm.core.ItsmException;
import io.itsm.core.RecordStateException;
import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.Verdict;
import io.itsm.core.improvement.RecordRef;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.approval.ApprovalTerms;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.LinkType;
import io.itsm.core.problem.Problem;
import io.itsm.core.problem.ProblemListener;
import io.itsm.core.review.internal.ReviewContext;
import io.itsm.core.review.internal.ReviewParts;
import io.itsm.core.sla.BusinessCalendar;
import io.itsm.core.sla.SlaPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

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

  private final ReviewParts parts;

  private Reviews(Builder b) {
    Kernel k = b.kernel != null ? b.kernel : b.desk.config().kernel();
    this.parts = ReviewParts.of(ReviewContext.of(b.desk,
        b.clock != null ? b.clock : k.clock(),
        b.accessPolicy != null ? b.accessPolicy : k.accessPolicy(),
        b.reviewIds != null ? b.reviewIds : () -> k.ids().next(REVIEW_ID_PREFIX),
        b.actionIds != null ? b.actionIds : () -> k.ids().next(ACTION_ID_PREFIX),
        b.reviews != null ? b.reviews
            : k.stores().find(ReviewRepository.class).orElseGet(InMemoryReviewRepository::new),
        b.actions != null ? b.actions : k.stores().find(PreventiveActionRepository.class)
            .orElseGet(InMemoryPreventiveActionRepository::new),
        b.policy,
        b.approvalTerms != null ? b.approvalTerms
            : k.approvalTerms(ApprovalSubject.Kind.INCIDENT_REPORT),
        b.escalation, Optional.ofNullable(b.calendar), b.closeWhenActionsDone,
        b.reviewListeners, b.actionListeners));
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
    return parts.opening().incidentListener();
  }

  /**
   * Returns the listener to register on {@code Problems}: every problem declared a known error is
   * {@linkplain #considerKnownError considered}. A failing policy is logged.
   *
   * @return the listener
   */
  public ProblemListener problemListener() {
    return parts.opening().problemListener();
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
    return parts.opening().considerResolved(incident);
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
    return parts.opening().considerKnownError(problem);
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
    return parts.opening().openForIncident(actor, incidentId);
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
    return parts.opening().openForProblem(actor, problem);
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
    return parts.commands().reassemble(actor, reviewId);
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
    return parts.commands().recordFindings(actor, reviewId, rootCause, contributingFactors,
        lessons);
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
    return parts.commands().planAction(actor, reviewId, action);
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
    return parts.commands().dropAction(actor, reviewId, title, reason);
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
    return parts.commands().submit(actor, reviewId);
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
    return parts.commands().decide(actor, reviewId, verdict, comment);
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
    return parts.commands().close(actor, reviewId, note);
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
    return parts.commands().cancel(actor, reviewId, reason);
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
    return parts.actionCommands().start(actor, actionId);
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
    return parts.actionCommands().complete(actor, actionId, evidence);
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
    return parts.actionCommands().cancel(actor, actionId, reason);
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
    return parts.actionCommands().reassign(actor, actionId, owner, team, reason);
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
    return parts.actionCommands().reschedule(actor, actionId, dueAt, reason);
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
    return parts.actionCommands().link(actor, actionId, implementedBy);
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
    return tick(parts.ctx().clock().instant());
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
    return parts.ladder().tick(now);
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
    return parts.reads().get(actor, reviewId);
  }

  /**
   * Finds reviews.
   *
   * @param actor who asks (needs {@link Permission#VIEW_ALL})
   * @param query the criteria
   * @return the reviews, ordered by id
   */
  public List<PostIncidentReview> find(Actor actor, ReviewQuery query) {
    return parts.reads().find(actor, query);
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
    return parts.reads().history(actor, reviewId);
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
    return parts.reads().action(actor, actionId);
  }

  /**
   * Finds preventive actions: every match with {@link Permission#VIEW_ALL}, else the actor's own.
   *
   * @param actor who asks
   * @param query the criteria, for example {@code ActionQuery.open().withOverdueAt(now)}
   * @return the actions, ordered by id
   */
  public List<PreventiveAction> findActions(Actor actor, ActionQuery query) {
    return parts.reads().findActions(actor, query);
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
    return parts.reads().actionHistory(actor, actionId);
  }

  /**
   * Returns who approves reviews: the levels, each with its approvers and quorum, and the expiry.
   *
   * @return the terms
   */
  public ApprovalTerms approvalTerms() {
    return parts.ctx().approvalTerms();
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
