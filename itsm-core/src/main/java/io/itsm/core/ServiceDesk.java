package io.itsm.core;

import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.access.Role;
import io.itsm.core.access.RoleBasedAccessPolicy;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalStatus;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.Approver;
import io.itsm.core.approval.Verdict;
import io.itsm.core.event.ApprovalDecided;
import io.itsm.core.event.ApprovalExpired;
import io.itsm.core.event.ApprovalRequested;
import io.itsm.core.event.ApprovalRequirementDecided;
import io.itsm.core.event.Assigned;
import io.itsm.core.event.Cancelled;
import io.itsm.core.event.Categorized;
import io.itsm.core.event.CloseReason;
import io.itsm.core.event.Closed;
import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.Provenance;
import io.itsm.core.event.Escalated;
import io.itsm.core.event.Explanation;
import io.itsm.core.event.EscalationKind;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentHistory;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.event.Linked;
import io.itsm.core.event.Prioritized;
import io.itsm.core.event.PutOnHold;
import io.itsm.core.event.Reopened;
import io.itsm.core.event.ResolutionProposed;
import io.itsm.core.event.Resolved;
import io.itsm.core.event.Resumed;
import io.itsm.core.event.SlaBreached;
import io.itsm.core.event.SlaKind;
import io.itsm.core.event.SlaThresholdReached;
import io.itsm.core.event.StatusChanged;
import io.itsm.core.event.Tagged;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.CallerDirectory;
import io.itsm.core.incident.Catalogue;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.LinkType;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Resolution;
import io.itsm.core.incident.ResolutionCodes;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.internal.DueWork;
import io.itsm.core.internal.OrderedDelivery;
import io.itsm.core.internal.Suggestions;
import io.itsm.core.lifecycle.Command;
import io.itsm.core.lifecycle.IllegalTransitionException;
import io.itsm.core.lifecycle.Lifecycle;
import io.itsm.core.repository.InMemoryIncidentRepository;
import io.itsm.core.repository.IncidentNotFoundException;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.repository.StaleVersionException;
import io.itsm.core.repository.UnreadableRecordException;
import io.itsm.core.escalation.EscalationAction;
import io.itsm.core.escalation.EscalationPolicy;
import io.itsm.core.sla.SlaClock;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.sla.SlaReport;
import io.itsm.core.sla.SlaStatus;
import io.itsm.core.triage.ReportedValues;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriagePolicy;
import io.itsm.core.triage.TriageResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service desk: logs incidents, triages them through a {@link TriagePolicy}, and runs every
 * lifecycle command, checking the actor's access and the {@link Lifecycle} table, recording an
 * {@link IncidentEvent} for every change, and storing it in an {@link IncidentRepository}.
 *
 * <pre>{@code
 * ServiceDesk desk = ServiceDesk.builder().triagePolicy(TriageEngine.withDefaults()).build();
 * Incident inc = desk.log(Actor.endUser("u42"), Ticket.builder().title("VPN is down").build());
 * desk.startWork(agent, inc.id());
 * desk.proposeResolution(agent, inc.id(), "SOLVED_FIXED", "Renewed the VPN certificate");
 * desk.confirmResolution(Actor.endUser("u42"), inc.id());   // CLOSED
 * }</pre>
 *
 * <p>Every command either stores all its events or none: a command that throws leaves the
 * incident and its history exactly as they were. Two commands on one incident at once: one wins,
 * the other fails with {@link StaleVersionException} and changes nothing (retry it).
 *
 * <p>Listeners hear the events of one incident in the order they were stored (their sequence
 * numbers), however many threads run commands; listeners of different incidents run concurrently
 * (see {@link IncidentListener}).
 *
 * <p>Thread-safe, provided the repository, policies and listeners given to the builder are.
 */
public final class ServiceDesk {

  /** How long a resolved incident waits for the caller's answer before it closes by itself. */
  public static final Duration DEFAULT_AUTO_CLOSE_AFTER = Duration.ofDays(7);

  /** Who approves resolutions by default: any manager. */
  public static final List<Approver> DEFAULT_RESOLUTION_APPROVERS = List.of(Approver.role(Role.MANAGER));

  /** The SLA warning thresholds, in percent of a target, recorded by {@link #tick} by default. */
  public static final List<Integer> DEFAULT_SLA_THRESHOLDS = List.of(50, 75, 90);

  private static final Logger LOG = LoggerFactory.getLogger(ServiceDesk.class);
  private static final FailureLog FAILURES = new FailureLog(LOG);

  private final Clock clock;
  private final IncidentRepository repository;
  private final TriagePolicy triagePolicy;
  private final AccessPolicy accessPolicy;
  private final Supplier<String> idGenerator;
  private final List<IncidentListener> listeners;
  private final Lifecycle lifecycle;
  private final Catalogue catalogue;
  private final Duration autoCloseAfter;
  private final List<Approver> resolutionApprovers;
  private final ApprovalPolicy resolutionApprovalPolicy;
  private final Optional<Duration> approvalDueAfter;
  private final Optional<SlaPolicy> slaPolicy;
  private final List<Integer> slaThresholds;
  private final Optional<EscalationPolicy> escalationPolicy;
  private final CallerDirectory callerDirectory;
  private final ResolutionCodes resolutionCodes;
  private final Optional<Set<String>> knownTeams;
  private final Optional<Duration> reopenClosedWithin;
  private final OrderedDelivery delivery;
  private final DueWork dueWork;

  private ServiceDesk(Builder b) {
    this.clock = b.clock;
    this.repository = b.repository;
    this.triagePolicy = b.triagePolicy;
    this.accessPolicy = b.accessPolicy;
    this.idGenerator = b.idGenerator != null ? b.idGenerator
        : b.repository.incidentIds().orElseGet(ServiceDesk::sequentialIds);
    this.listeners = List.copyOf(b.listeners);
    this.lifecycle = b.lifecycle;
    this.catalogue = b.catalogue;
    this.autoCloseAfter = b.autoCloseAfter;
    this.resolutionApprovers = List.copyOf(b.resolutionApprovers);
    this.resolutionApprovalPolicy = b.resolutionApprovalPolicy;
    this.approvalDueAfter = Optional.ofNullable(b.approvalDueAfter);
    this.slaPolicy = Optional.ofNullable(b.slaPolicy);
    this.slaThresholds = b.slaThresholds;
    this.escalationPolicy = Optional.ofNullable(b.escalationPolicy);
    this.callerDirectory = b.callerDirectory;
    this.resolutionCodes = b.resolutionCodes;
    this.knownTeams = Optional.ofNullable(b.knownTeams);
    this.reopenClosedWithin = Optional.ofNullable(b.reopenClosedWithin);
    this.delivery = new OrderedDelivery(listeners);
    TreeSet<Integer> checkpoints = new TreeSet<>(slaThresholds);
    escalationPolicy.ifPresent(p -> checkpoints.addAll(p.checkpoints()));
    this.dueWork = new DueWork(autoCloseAfter, slaPolicy, slaThresholds, escalationPolicy.isPresent(),
        List.copyOf(checkpoints));
  }

  private static Supplier<String> sequentialIds() {
    AtomicLong next = new AtomicLong();
    return () -> String.format("INC-%06d", next.incrementAndGet());
  }

  /**
   * Starts configuring a desk. Every setting has a default: the UTC system clock, an in-memory
   * repository, {@link TriagePolicy#none()}, {@link RoleBasedAccessPolicy#defaults()}, ids
   * {@code INC-000001, INC-000002, ...}, the default {@link Lifecycle} and {@link Catalogue}.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- logging

  /**
   * Logs a ticket as a new incident, triages it, and applies the triage decisions: category,
   * priority (with impact and urgency), assignment (the status becomes ASSIGNED), whether the
   * resolution needs approval, and tags. Each decision is an event naming its rule.
   *
   * <p>An actor who may not see every incident (an end user) logs tickets as themselves: the
   * caller is set to the actor when the ticket has none.
   *
   * <p><b>What is trusted.</b> The ticket is recorded as reported ({@link IncidentLogged}). A
   * ticket logged by its own caller (an actor who may not see every incident: self-service) is
   * <em>self-reported</em>: its impact and urgency are the caller's claims, handed to the triage
   * policy only as {@link ReportedValues} (the incident does not start with them), and its
   * caller's VIP flag, department and location count only when the {@link
   * Builder#callerDirectory caller directory} confirms them. Whoever logs the ticket, a caller the
   * directory knows gets the directory's facts. So an end user cannot raise their own priority by
   * writing {@code "vip": true} or impact HIGH.
   *
   * @param actor who logs it
   * @param ticket what was reported; its {@code openedAt} defaults to the desk's clock
   * @return the new incident
   * @throws io.itsm.core.access.AccessDeniedException if the actor may not log, or an end user
   *     logs for another caller
   * @throws ValidationException if triage decided a category not in the catalogue or (with
   *     {@link Builder#knownTeams known teams}) a team that is not known
   * @throws ItsmException if the triage policy or the caller directory fails; nothing is logged
   *     then
   */
  public Incident log(Actor actor, Ticket ticket) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(ticket, "ticket");
    accessPolicy.check(actor, Permission.LOG, Optional.empty());
    Ticket.Builder tb = ticket.toBuilder();
    boolean selfReported = !accessPolicy.permits(actor, Permission.VIEW_ALL, Optional.empty());
    if (selfReported) {
      if (ticket.caller().isEmpty()) {
        tb.caller(Caller.of(actor.id()));
      } else if (!ticket.caller().get().id().equals(actor.id())) {
        throw new io.itsm.core.access.AccessDeniedException(actor, Permission.LOG, null,
            "an actor who may not see others' incidents logs tickets only as caller; the ticket's"
                + " caller is " + ticket.caller().get().id());
      }
    }
    Instant now = clock.instant();
    Ticket t = tb.openedAt(ticket.openedAt().orElse(now)).build();
    Optional<Caller> verified = verifiedCaller(t);
    // what the desk trusts: the ticket without a self-reporter's claims, with the directory's facts
    Optional<Caller> trustedCaller =
        verified.or(() -> selfReported ? t.caller().map(Caller::withoutClaims) : t.caller());
    Ticket trusted = selfReported || verified.isPresent()
        ? t.toBuilder().caller(trustedCaller.orElse(null))
            .impact(selfReported ? null : t.impact().orElse(null))
            .urgency(selfReported ? null : t.urgency().orElse(null)).build()
        : t;
    TriageResult result = triage(trusted, ReportedValues.of(t, selfReported));
    result.category().ifPresent(c -> catalogue.check(c, result.subcategory(),
        "rule '" + result.decision(TriageAttribute.CATEGORY).orElseThrow().rule() + "'"));
    result.team().ifPresent(team -> checkTeam(team, Optional.empty(),
        "rule '" + result.decision(TriageAttribute.TEAM).orElseThrow().rule() + "'"));

    String id = idGenerator.get();
    Recorder r = new Recorder(null, actor, now);
    r.record(new IncidentLogged(id, r.seq(), now, actor.id(), t, t.openedAt().orElseThrow(),
        selfReported, verified));
    applyTriage(r, id, trusted, result);
    return commit(r, 0);
  }

  /** The caller as the directory knows them, with the ticket's contact details filling gaps. */
  private Optional<Caller> verifiedCaller(Ticket t) {
    if (t.caller().isEmpty()) {
      return Optional.empty();
    }
    Caller reported = t.caller().get();
    Optional<Caller> known;
    try {
      known = Objects.requireNonNull(callerDirectory.lookup(reported.id()), "caller directory result");
    } catch (RuntimeException e) {
      throw new ItsmException("caller directory " + callerDirectory.getClass().getName()
          + " failed for caller " + reported.id() + " of ticket '" + t.title() + "': " + e, null, e);
    }
    if (known.isEmpty()) {
      return Optional.empty();
    }
    Caller c = known.get();
    if (!c.id().equals(reported.id())) {
      throw new ValidationException("caller directory answered caller " + c.id() + " when asked for "
          + reported.id() + "; a directory must return the caller it was asked for, or none");
    }
    return Optional.of(c
        .withName(c.name().or(reported::name).orElse(null))
        .withEmail(c.email().or(reported::email).orElse(null))
        .withLanguage(c.language().or(reported::language).orElse(null)));
  }

  private TriageResult triage(Ticket t, ReportedValues reported) {
    try {
      return Objects.requireNonNull(triagePolicy.triage(t, reported), "triage result");
    } catch (ItsmException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ItsmException("triage policy " + triagePolicy.getClass().getName()
          + " failed for ticket '" + t.title() + "': " + e, null, e);
    }
  }

  private void applyTriage(Recorder r, String id, Ticket t, TriageResult result) {
    Instant now = r.now;
    String actorId = r.actor.id();
    result.category().ifPresent(category ->
        r.record(new Categorized(id, r.seq(), now, actorId, category, result.subcategory(),
            Provenance.ofTriage(result, TriageAttribute.CATEGORY, TriageAttribute.SUBCATEGORY))));
    result.priority().ifPresent(priority -> {
      Impact impact = result.impact().or(t::impact).orElse(Impact.MEDIUM);
      Urgency urgency = result.urgency().or(t::urgency).orElse(Urgency.MEDIUM);
      r.record(new Prioritized(id, r.seq(), now, actorId, impact, urgency, priority,
          Provenance.ofTriage(result, TriageAttribute.PRIORITY, TriageAttribute.IMPACT,
              TriageAttribute.URGENCY)));
    });
    result.team().ifPresent(team -> {
      SupportLevel level = result.supportLevel().orElse(SupportLevel.L1);
      r.record(new Assigned(id, r.seq(), now, actorId, Assignment.toTeam(team, level),
          Status.ASSIGNED,
          Provenance.ofTriage(result, TriageAttribute.TEAM, TriageAttribute.SUPPORT_LEVEL)));
    });
    if (result.decision(TriageAttribute.APPROVAL_REQUIRED).isPresent()) {
      r.record(new ApprovalRequirementDecided(id, r.seq(), now, actorId,
          result.approvalRequired(), Provenance.ofTriage(result, TriageAttribute.APPROVAL_REQUIRED)));
    }
    if (!result.tags().isEmpty()) {
      r.record(new Tagged(id, r.seq(), now, actorId, result.tags(),
          Provenance.ofTriage(result, TriageAttribute.TAG)));
    }
  }

  // ---------------------------------------------------------------- manual triage

  /**
   * Sets the category by hand.
   *
   * @param actor who decides
   * @param id the incident
   * @param category a category code of the catalogue
   * @param subcategory a subcategory code of that category, or {@code null}
   * @return the incident after the change
   * @throws ValidationException if the category or subcategory is not in the catalogue
   * @throws io.itsm.core.lifecycle.IllegalTransitionException if the incident is resolved or final
   */
  public Incident categorize(Actor actor, String id, String category, String subcategory) {
    Objects.requireNonNull(category, "category");
    Optional<String> sub = Optional.ofNullable(subcategory);
    return execute(actor, id, Command.CATEGORIZE, Permission.CATEGORIZE, (inc, r) -> {
      catalogue.check(category, sub, "actor " + actor.id());
      r.record(new Categorized(id, r.seq(), r.now, actor.id(), category, sub, Provenance.manual(actor.id())));
    });
  }

  /**
   * Sets impact, urgency and priority by hand.
   *
   * @param actor who decides
   * @param id the incident
   * @param impact the impact
   * @param urgency the urgency
   * @param priority the priority
   * @return the incident after the change
   */
  public Incident prioritize(Actor actor, String id, Impact impact, Urgency urgency, Priority priority) {
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(urgency, "urgency");
    Objects.requireNonNull(priority, "priority");
    return execute(actor, id, Command.PRIORITIZE, Permission.PRIORITIZE, (inc, r) ->
        r.record(new Prioritized(id, r.seq(), r.now, actor.id(), impact, urgency, priority,
            Provenance.manual(actor.id()))));
  }

  /**
   * Assigns or reassigns the incident. A NEW incident becomes ASSIGNED; otherwise the status stays:
   * reassigning an IN_PROGRESS or ON_HOLD incident keeps it working (or waiting, with the same
   * hold reason), and assigning a RESOLVED incident corrects who resolved it (who gets the credit)
   * without reopening it. A change of team or assignee of an assigned incident counts as a
   * reassignment ({@link Incident#reassignmentCount()}).
   *
   * @param actor who assigns
   * @param id the incident
   * @param assignment team, optional assignee and support level
   * @return the incident after the change
   * @throws ValidationException if the desk has {@link Builder#knownTeams known teams} and the
   *     team is not one of them (the message suggests the closest)
   * @throws io.itsm.core.lifecycle.IllegalTransitionException if the incident is pending approval
   *     or final
   */
  public Incident assign(Actor actor, String id, Assignment assignment) {
    Objects.requireNonNull(assignment, "assignment");
    return execute(actor, id, Command.ASSIGN, Permission.ASSIGN, (inc, r) -> {
      checkTeam(assignment.team(), Optional.of(id), "actor " + actor.id());
      r.record(new Assigned(id, r.seq(), r.now, actor.id(), assignment,
          inc.status() == Status.NEW ? Status.ASSIGNED : inc.status(), Provenance.manual(actor.id())));
    });
  }

  // ---------------------------------------------------------------- work

  /**
   * Starts work: ASSIGNED → IN_PROGRESS. Only members of the assignment group may.
   *
   * @param actor who starts
   * @param id the incident
   * @return the incident after the change
   */
  public Incident startWork(Actor actor, String id) {
    return execute(actor, id, Command.START_WORK, Permission.WORK, (inc, r) ->
        r.record(new StatusChanged(id, r.seq(), r.now, actor.id(), inc.status(), Status.IN_PROGRESS,
            "work started by " + actor.id())));
  }

  /**
   * Adds a comment: public (the caller sees it; callers may comment on their own incidents) or an
   * internal work note (needs {@link Permission#WORK_NOTE}).
   *
   * @param actor who comments
   * @param id the incident
   * @param text the comment, not blank
   * @param visibility public or internal
   * @return the incident after the change
   * @throws ValidationException if {@code text} is blank
   */
  public Incident comment(Actor actor, String id, String text, Visibility visibility) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(visibility, "visibility");
    requireText("comment text", text);
    Permission p = visibility == Visibility.PUBLIC ? Permission.COMMENT : Permission.WORK_NOTE;
    return execute(actor, id, Command.COMMENT, p, (inc, r) ->
        r.record(new CommentAdded(id, r.seq(), r.now, actor.id(), text, visibility)));
  }

  /**
   * Puts the incident on hold, or changes the reason it is on hold.
   *
   * @param actor a member of the assignment group
   * @param id the incident
   * @param reason what it waits for
   * @param note a note for the record, or {@code null}
   * @return the incident after the change
   * @throws ValidationException if it is already on hold for the same reason
   */
  public Incident putOnHold(Actor actor, String id, OnHoldReason reason, String note) {
    Objects.requireNonNull(reason, "reason");
    return execute(actor, id, Command.PUT_ON_HOLD, Permission.WORK, (inc, r) -> {
      if (inc.status() == Status.ON_HOLD && inc.onHoldReason().orElse(null) == reason) {
        throw new ValidationException("incident " + id + " is already ON_HOLD with reason " + reason
            + "; choose another reason or RESUME it");
      }
      r.record(new PutOnHold(id, r.seq(), r.now, actor.id(), reason, note == null ? "" : note));
    });
  }

  /**
   * Resumes work after a hold: ON_HOLD → IN_PROGRESS.
   *
   * @param actor a member of the assignment group
   * @param id the incident
   * @param note a note for the record, or {@code null}
   * @return the incident after the change
   */
  public Incident resume(Actor actor, String id, String note) {
    return execute(actor, id, Command.RESUME, Permission.WORK, (inc, r) ->
        r.record(new Resumed(id, r.seq(), r.now, actor.id(), note == null ? "" : note)));
  }

  /**
   * Escalates functionally: hands the incident to another support level and team (the hand-off is
   * recorded with the reason).
   *
   * @param actor who escalates
   * @param id the incident
   * @param level the new support level
   * @param team the new team
   * @param reason why, not blank (actions taken, error codes, what is beyond the SOP)
   * @return the incident after the change
   */
  public Incident escalateFunctionally(Actor actor, String id, SupportLevel level, String team, String reason) {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(reason, "reason");
    requireText("escalation reason", reason);
    Assignment to = Assignment.toTeam(team, level);
    return execute(actor, id, Command.ESCALATE, Permission.ESCALATE, (inc, r) -> {
      checkTeam(team, Optional.of(id), "actor " + actor.id());
      r.record(new Escalated(id, r.seq(), r.now, actor.id(), EscalationKind.FUNCTIONAL,
          Optional.of(to), Optional.empty(), reason, Provenance.manual(actor.id())));
    });
  }

  /**
   * Escalates hierarchically: notifies a role (team lead, manager, senior management).
   *
   * @param actor who escalates
   * @param id the incident
   * @param notify the role to notify
   * @param reason why, not blank
   * @return the incident after the change
   */
  public Incident escalateHierarchically(Actor actor, String id, Role notify, String reason) {
    Objects.requireNonNull(notify, "notify");
    Objects.requireNonNull(reason, "reason");
    requireText("escalation reason", reason);
    return execute(actor, id, Command.ESCALATE, Permission.ESCALATE, (inc, r) ->
        r.record(new Escalated(id, r.seq(), r.now, actor.id(), EscalationKind.HIERARCHICAL,
            Optional.empty(), Optional.of(notify), reason, Provenance.manual(actor.id()))));
  }

  /**
   * Links the incident to another record. Links to incidents (PARENT, CHILD, DUPLICATE_OF) must
   * name an existing other incident; RELATED_PROBLEM and RELATED may name any record.
   *
   * @param actor who links
   * @param id the incident
   * @param link the link
   * @return the incident after the change
   * @throws IncidentNotFoundException if an incident link names no incident
   * @throws ValidationException if the incident is linked to itself
   */
  public Incident link(Actor actor, String id, Link link) {
    Objects.requireNonNull(link, "link");
    return execute(actor, id, Command.LINK, Permission.LINK, (inc, r) -> {
      if (link.targetId().equals(id)) {
        throw new ValidationException("incident " + id + " cannot be linked to itself");
      }
      if (link.type() != LinkType.RELATED_PROBLEM && link.type() != LinkType.RELATED
          && repository.find(link.targetId()).isEmpty()) {
        throw new IncidentNotFoundException(link.targetId());
      }
      r.record(new Linked(id, r.seq(), r.now, actor.id(), link));
    });
  }

  // ---------------------------------------------------------------- resolution

  /**
   * Proposes a resolution. When the incident needs approval (decided at triage), an approval is
   * requested from the configured approvers and the status becomes PENDING_APPROVAL; otherwise it
   * becomes RESOLVED. Allowed from NEW, ASSIGNED, IN_PROGRESS and ON_HOLD, by members of the
   * assignment group ({@link Permission#WORK}).
   *
   * <p><b>First-contact resolution.</b> A NEW incident that is not assigned yet may be resolved
   * at once by an actor holding {@link Permission#RESOLVE_AT_FIRST_CONTACT} (by default the
   * service desk's agents, team leads, managers and admins): the resolution is recorded with
   * {@link Resolution#firstContact()} set, on the {@code ResolutionProposed} and {@code Resolved}
   * events and the incident.
   *
   * @param actor a member of the assignment group, or a first-line agent for a NEW, unassigned
   *     incident
   * @param id the incident
   * @param code a resolution code of the desk's {@link Builder#resolutionCodes catalogue}
   * @param steps what was done, not blank
   * @return the incident after the change
   * @throws ValidationException if the code is not in the catalogue (the message lists the
   *     allowed codes) or {@code steps} is blank
   */
  public Incident proposeResolution(Actor actor, String id, String code, String steps) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(steps, "steps");
    Function<Incident, Permission> permission = inc -> isFirstContact(inc)
        && !accessPolicy.permits(actor, Permission.WORK, Optional.of(inc))
        ? Permission.RESOLVE_AT_FIRST_CONTACT : Permission.WORK;
    return executeAt(actor, id, Command.PROPOSE_RESOLUTION, permission, clock.instant(), (inc, r) -> {
      Resolution resolution = new Resolution(code, steps, actor.id(), r.now, isFirstContact(inc));
      resolutionCodes.checkResolutionCode(code, id);
      r.record(new ResolutionProposed(id, r.seq(), r.now, actor.id(), resolution));
      if (inc.approvalRequired()) {
        long n = repository.history(id).stream().filter(e -> e instanceof ApprovalRequested).count() + 1;
        Approval approval = Approval.single(id + "-APR-" + n,
            new ApprovalSubject(ApprovalSubject.Kind.RESOLUTION, id), resolutionApprovers,
            resolutionApprovalPolicy, actor.id(), r.now, approvalDueAfter.map(r.now::plus));
        r.record(new ApprovalRequested(id, r.seq(), r.now, actor.id(), approval));
      } else {
        r.record(new Resolved(id, r.seq(), r.now, actor.id(), resolution));
      }
    });
  }

  /**
   * Decides the pending resolution approval. An approval that is complete resolves the incident;
   * a rejection (which needs a comment) sends it back to IN_PROGRESS with the comment in the
   * history; a decision that does not complete a quorum leaves it PENDING_APPROVAL.
   *
   * @param actor an approver of the approval's current stage
   * @param id the incident
   * @param verdict approve or reject
   * @param comment the approver's comment; required when rejecting
   * @return the incident after the change
   * @throws io.itsm.core.approval.NotAnApproverException if the actor may not decide it
   */
  public Incident decideApproval(Actor actor, String id, Verdict verdict, String comment) {
    Objects.requireNonNull(verdict, "verdict");
    String c = comment == null ? "" : comment;
    return execute(actor, id, Command.DECIDE_APPROVAL, Permission.DECIDE_APPROVAL, (inc, r) -> {
      Approval before = inc.approval().orElseThrow(() -> new ValidationException(
          "incident " + id + " is PENDING_APPROVAL but has no approval"));
      Approval after = before.decide(actor, verdict, c, r.now);
      r.record(new ApprovalDecided(id, r.seq(), r.now, actor.id(), after, verdict, c));
      if (after.status() == ApprovalStatus.APPROVED) {
        r.record(new Resolved(id, r.seq(), r.now, actor.id(), inc.resolution().orElseThrow()));
      } else if (after.status() == ApprovalStatus.REJECTED) {
        r.record(new StatusChanged(id, r.seq(), r.now, actor.id(), Status.PENDING_APPROVAL,
            Status.IN_PROGRESS, "resolution approval rejected by " + actor.id() + ": " + c));
      }
    });
  }

  /**
   * The caller accepts the resolution: RESOLVED → CLOSED. An agent holding {@link
   * Permission#CONFIRM_ON_BEHALF} may answer for the caller; the event records it as such.
   *
   * @param actor the caller, or an agent on the caller's behalf
   * @param id the incident
   * @return the incident after the change
   */
  public Incident confirmResolution(Actor actor, String id) {
    return execute(actor, id, Command.CONFIRM_RESOLUTION, Permission.CONFIRM_ON_BEHALF, (inc, r) -> {
      boolean own = inc.isCalledBy(actor.id());
      r.record(new Closed(id, r.seq(), r.now, actor.id(),
          own ? CloseReason.CONFIRMED_BY_CALLER : CloseReason.CONFIRMED_ON_BEHALF,
          own ? "" : "confirmed by " + actor.id() + " on behalf of the caller"
              + inc.caller().map(x -> " " + x.id()).orElse("")));
    });
  }

  /**
   * The caller rejects the resolution: RESOLVED → IN_PROGRESS, the reopen count goes up by one.
   *
   * @param actor the caller, or an agent on the caller's behalf
   * @param id the incident
   * @param reason why the resolution does not work, not blank
   * @return the incident after the change
   */
  public Incident rejectResolution(Actor actor, String id, String reason) {
    Objects.requireNonNull(reason, "reason");
    requireText("rejection reason", reason);
    return execute(actor, id, Command.REJECT_RESOLUTION, Permission.CONFIRM_ON_BEHALF, (inc, r) ->
        r.record(new Reopened(id, r.seq(), r.now, actor.id(), reason, inc.reopenCount() + 1,
            !inc.isCalledBy(actor.id()))));
  }

  /**
   * Closes a resolved incident without the caller's answer.
   *
   * @param actor who closes (needs {@link Permission#CLOSE})
   * @param id the incident
   * @param note why, or {@code null}
   * @return the incident after the change
   */
  public Incident close(Actor actor, String id, String note) {
    return execute(actor, id, Command.CLOSE, Permission.CLOSE, (inc, r) ->
        r.record(new Closed(id, r.seq(), r.now, actor.id(), CloseReason.CLOSED_BY_AGENT,
            note == null ? "" : note)));
  }

  /**
   * Closes an open incident without a resolution: a duplicate, raised in error, no answer from
   * the caller. Allowed from NEW, ASSIGNED, IN_PROGRESS, ON_HOLD and PENDING_APPROVAL, by a team
   * lead ({@link Permission#CLOSE}); recorded as {@link Closed} with {@link
   * CloseReason#WITHOUT_RESOLUTION} and the close code. Its SLA clocks stop as {@code CANCELLED}
   * (no outcome). A resolved incident is closed with {@link #close} instead.
   *
   * @param actor who closes (needs {@link Permission#CLOSE})
   * @param id the incident
   * @param closeCode a close code of the desk's {@link Builder#resolutionCodes catalogue}, such as
   *     {@code DUPLICATE}
   * @param note why, for the record, not blank
   * @return the incident after the change
   * @throws ValidationException if the close code is not in the catalogue (the message lists the
   *     allowed codes) or the note is blank
   */
  public Incident closeWithoutResolution(Actor actor, String id, String closeCode, String note) {
    Objects.requireNonNull(closeCode, "closeCode");
    Objects.requireNonNull(note, "note");
    requireText("note", note);
    return execute(actor, id, Command.CLOSE_WITHOUT_RESOLUTION, Permission.CLOSE, (inc, r) -> {
      resolutionCodes.checkCloseCode(closeCode, id);
      r.record(new Closed(id, r.seq(), r.now, actor.id(), CloseReason.WITHOUT_RESOLUTION, note,
          Optional.of(closeCode)));
    });
  }

  /**
   * Reopens a CLOSED incident: CLOSED → IN_PROGRESS, the reopen count goes up by one, the
   * resolution is cleared, and the SLA clocks that were stopped run again with their elapsed
   * time kept. Only within the desk's {@link Builder#reopenClosedWithin reopen window}, counted
   * from the close; off by default (an import of real histories, where closed incidents were
   * reopened, turns it on).
   *
   * @param actor the caller ({@link Permission#CONFIRM_OWN}), or an agent on the caller's behalf
   *     ({@link Permission#CONFIRM_ON_BEHALF}, recorded as such)
   * @param id the incident
   * @param reason why it is reopened, not blank
   * @return the incident after the change
   * @throws io.itsm.core.lifecycle.IllegalTransitionException if the incident is not CLOSED, the
   *     desk does not reopen closed incidents, or the window has passed
   */
  public Incident reopen(Actor actor, String id, String reason) {
    Objects.requireNonNull(reason, "reason");
    requireText("reopen reason", reason);
    return execute(actor, id, Command.REOPEN, Permission.CONFIRM_ON_BEHALF, (inc, r) ->
        r.record(new Reopened(id, r.seq(), r.now, actor.id(), reason, inc.reopenCount() + 1,
            !inc.isCalledBy(actor.id()), true)));
  }

  /**
   * Cancels an open incident (logged by mistake, a duplicate, withdrawn). Callers may cancel their
   * own.
   *
   * @param actor who cancels
   * @param id the incident
   * @param reason why, not blank
   * @return the incident after the change
   */
  public Incident cancel(Actor actor, String id, String reason) {
    Objects.requireNonNull(reason, "reason");
    requireText("cancellation reason", reason);
    return execute(actor, id, Command.CANCEL, Permission.CANCEL, (inc, r) ->
        r.record(new Cancelled(id, r.seq(), r.now, actor.id(), reason)));
  }

  // ---------------------------------------------------------------- time

  /**
   * Runs what is due at the desk's clock's current instant; see {@link #tick(Instant)}.
   *
   * @return the incidents changed
   */
  public List<Incident> tick() {
    return tick(clock.instant());
  }

  /**
   * Runs what is due at an instant, in this order:
   *
   * <ol>
   *   <li><b>SLA records</b> (with an {@link Builder#slaPolicy SLA policy}): for every incident
   *       that is not final, each {@link Builder#slaThresholds threshold} an SLA clock has reached
   *       is recorded as {@link SlaThresholdReached}, and a breach as {@link SlaBreached} —
   *       exactly once per incident, SLA kind and threshold however often {@code tick} runs (what
   *       is already recorded is read from the history; after a reopen, thresholds already
   *       recorded are not recorded again). Each event's instant is when the threshold was
   *       crossed, or the incident's last change if that is later (events stay in order). The
   *       actor is {@code "system"}, the command {@link Command#RECORD_SLA}. A command that makes
   *       an incident final (confirm, close, auto-close, cancel) first records, the same way, what
   *       no tick has recorded yet, since {@code tick} skips final incidents.
   *   <li><b>Escalations</b> (with an {@link Builder#escalationPolicy escalation policy}): for
   *       every open incident, the policy's actions not yet applied are recorded as {@link
   *       Escalated} events by {@code "system"} with {@code Provenance.rule(action.rule(),
   *       action.reason())}. An action is skipped when an {@code Escalated} event since the
   *       incident was last reopened already did it ({@link EscalationAction#sameAs}). A policy
   *       that throws is logged and skipped for that incident.
   *   <li>closes resolved incidents whose caller has not answered within the auto-close period
   *       ({@link Builder#autoCloseAfter});
   *   <li>expires pending approvals past their due time (the incident goes back to IN_PROGRESS).
   * </ol>
   *
   * <p>Each is done once: running {@code tick} again changes nothing more. An incident changed
   * concurrently (by another thread, or another desk on the same repository) is left for the next
   * tick, so desks that tick at once record each event once. An incident whose stored records
   * cannot be read ({@link UnreadableRecordException}) is logged and skipped; the others are
   * done.
   *
   * <p><b>Cost: what is due, not what is stored.</b> The tick reads only the incidents the
   * repository's due index names ({@link IncidentRepository#findDue}): those changed since the
   * last tick, and those whose next due work (an SLA threshold or breach, an escalation
   * checkpoint of a running SLA clock — {@link EscalationPolicy#checkpoints()} — an auto-close or
   * an approval expiry) has come. After looking at an incident it stores the exact instant of its
   * next due work ({@link IncidentRepository#reschedule}). Closed incidents cost nothing. An
   * escalation policy is therefore consulted when an incident changed and at its checkpoints, not
   * at every tick; a policy that throws is asked again at the next tick.
   *
   * @param now the instant
   * @return the incidents changed, by id, each once in its latest state
   */
  public List<Incident> tick(Instant now) {
    Objects.requireNonNull(now, "now");
    Actor system = Actor.system();
    List<String> due = List.copyOf(new TreeSet<>(repository.findDue(now)));
    Set<String> askAgain = new HashSet<>();
    TickReports reports = new TickReports();
    Map<String, Incident> changedById = new LinkedHashMap<>();
    if (slaPolicy.isPresent()) {
      for (String id : due) {
        skipUnreadable(() -> {
          Optional<Incident> inc = repository.find(id);
          if (inc.isPresent() && !inc.get().status().isFinal()) {
            tickSla(changedById, askAgain, reports, system, inc.get(), now);
          }
        });
      }
    }
    List<Incident> changed = new ArrayList<>();
    for (String id : due) {
      skipUnreadable(() -> {
        Incident inc = repository.find(id).orElse(null);
        if (inc == null || inc.status() != Status.RESOLVED) {
          return;
        }
        Instant resolvedAt = lastResolvedAt(inc.id()).orElse(inc.updatedAt());
        if (!now.isBefore(resolvedAt.plus(autoCloseAfter))) {
          tryTick(changed, () -> executeTick(inc, Command.AUTO_CLOSE, now, (i, r) ->
              r.record(new Closed(i.id(), r.seq(), r.now, system.id(), CloseReason.AUTO_CLOSED,
                  "no answer from the caller within " + autoCloseAfter.toDays() + " days"))));
        }
      });
    }
    for (String id : due) {
      Incident inc = readOrSkip(() -> repository.find(id)).flatMap(x -> x).orElse(null);
      if (inc == null || inc.status() != Status.PENDING_APPROVAL) {
        continue;
      }
      Optional<Approval> a = inc.approval();
      if (a.isPresent() && a.get().expireIfDue(now).status() == ApprovalStatus.EXPIRED) {
        tryTick(changed, () -> executeTick(inc, Command.EXPIRE_APPROVAL, now, (i, r) -> {
          r.record(new ApprovalExpired(i.id(), r.seq(), r.now, system.id(), a.get().expireIfDue(now)));
          r.record(new StatusChanged(i.id(), r.seq(), r.now, system.id(), Status.PENDING_APPROVAL,
              Status.IN_PROGRESS, "resolution approval " + a.get().id() + " expired"));
        }));
      }
    }
    for (Incident inc : changed) {
      changedById.put(inc.id(), inc);
    }
    for (String id : due) {
      skipUnreadable(() -> reschedule(id, now, askAgain.contains(id), reports));
    }
    return List.copyOf(changedById.values());
  }

  /** Stores when the tick next has work for an incident it looked at. */
  private void reschedule(String id, Instant now, boolean askAgain, TickReports reports) {
    Optional<Incident> found = repository.find(id);
    if (found.isEmpty()) {
      return;
    }
    Incident inc = found.get();
    Instant at = now.isBefore(inc.updatedAt()) ? inc.updatedAt() : now;
    Optional<Instant> next = askAgain && !inc.status().isFinal()
        ? Optional.of(DueWork.AT_ONCE)
        : dueWork.next(inc, () -> repository.history(id), at, h -> reports.of(id, h, at));
    // false: changed meanwhile; the change stored its own due time
    repository.reschedule(id, inc.version(), next);
  }

  /**
   * The SLA reports one tick computed, by incident, history length and instant: a tick that finds
   * nothing to record evaluates an incident's clocks once, not once per question.
   */
  private final class TickReports {
    private record Computed(int events, Instant at, SlaReport report) {}

    private final Map<String, Computed> byId = new HashMap<>();

    SlaReport of(String id, List<IncidentEvent> history, Instant at) {
      Computed c = byId.get(id);
      if (c == null || c.events() != history.size() || !c.at().equals(at)) {
        c = new Computed(history.size(), at, SlaClock.evaluate(history, slaPolicy.orElseThrow(), at));
        byId.put(id, c);
      }
      return c.report();
    }
  }

  private void tickSla(Map<String, Incident> changed, Set<String> askAgain, TickReports reports,
      Actor system, Incident inc, Instant now) {
    Instant at = now.isBefore(inc.updatedAt()) ? inc.updatedAt() : now;
    List<IncidentEvent> history = repository.history(inc.id());
    if (!slaEvents(reports.of(inc.id(), history, at), history).isEmpty()) {
      List<Incident> out = new ArrayList<>();
      tryTick(out, () -> executeTick(inc, Command.RECORD_SLA, at, (i, r) -> {
        recordPendingSla(i, r);
        if (r.events.isEmpty()) {
          throw new StaleVersionException(i.id(), i.version(), i.version() + 1);
        }
      }));
      out.forEach(x -> changed.put(x.id(), x));
    }
    if (escalationPolicy.isPresent()) {
      Incident current = changed.getOrDefault(inc.id(), inc);
      if (current.status().isOpen()) {
        tickEscalation(changed, askAgain, reports, system, current, at);
      }
    }
  }

  /** The stored history of an incident, checked to end at its version (else it changed meanwhile). */
  private List<IncidentEvent> currentHistory(Incident i) {
    List<IncidentEvent> h = repository.history(i.id());
    long last = h.isEmpty() ? 0 : h.get(h.size() - 1).sequence();
    if (last != i.version()) {
      throw new StaleVersionException(i.id(), i.version(), last);
    }
    return h;
  }

  private record PendingSla(Instant at, SlaKind kind, int percent, Instant dueAt) {}

  /** Whether every target of {@code command} from {@code status} is final (CLOSED, CANCELLED). */
  private boolean endsTheIncident(Status status, Command command) {
    Set<Status> targets = lifecycle.targets(status, command);
    return !targets.isEmpty() && targets.stream().allMatch(Status::isFinal);
  }

  /** Records, by {@code "system"}, the SLA thresholds and breaches reached by {@code r.now} and not yet recorded. */
  private void recordPendingSla(Incident inc, Recorder r) {
    String system = Actor.system().id();
    for (PendingSla p : slaEvents(inc, currentHistory(inc), r.now)) {
      Instant when = p.at.isBefore(r.state.updatedAt()) ? r.state.updatedAt() : p.at;
      r.record(p.percent == 100
          ? new SlaBreached(inc.id(), r.seq(), when, system, p.kind, p.dueAt)
          : new SlaThresholdReached(inc.id(), r.seq(), when, system, p.kind, p.percent, p.dueAt));
    }
  }

  /** The SLA thresholds and breaches reached by {@code at} and not yet recorded, oldest first. */
  private List<PendingSla> slaEvents(Incident inc, List<IncidentEvent> history, Instant at) {
    return slaEvents(SlaClock.evaluate(history, slaPolicy.orElseThrow(), at), history);
  }

  /** The SLA thresholds and breaches of a report not yet recorded in the history, oldest first. */
  private List<PendingSla> slaEvents(SlaReport report, List<IncidentEvent> history) {
    Set<String> recorded = new HashSet<>();
    for (IncidentEvent e : history) {
      if (e instanceof SlaThresholdReached t) {
        recorded.add(t.kind() + "/" + t.percent());
      } else if (e instanceof SlaBreached b) {
        recorded.add(b.kind() + "/100");
      }
    }
    List<PendingSla> pending = new ArrayList<>();
    for (SlaKind kind : SlaKind.values()) {
      SlaStatus status = report.status(kind);
      for (int percent : slaThresholds) {
        if (!recorded.contains(kind + "/" + percent)) {
          status.reachedAt(percent).ifPresent(t -> pending.add(new PendingSla(t, kind, percent, status.dueAt())));
        }
      }
      if (status.breached() && !recorded.contains(kind + "/100")) {
        pending.add(new PendingSla(status.breachedAt().orElseThrow(), kind, 100, status.dueAt()));
      }
    }
    pending.sort(Comparator.comparing(PendingSla::at));
    return pending;
  }

  private void tickEscalation(Map<String, Incident> changed, Set<String> askAgain,
      TickReports reports, Actor system, Incident inc, Instant at) {
    List<IncidentEvent> history = repository.history(inc.id());
    Optional<List<EscalationAction>> decided =
        decideEscalations(inc, () -> reports.of(inc.id(), history, at));
    if (decided.isEmpty()) {
      askAgain.add(inc.id());
      return;
    }
    List<EscalationAction> todo = notDoneYet(decided.get(), history);
    if (todo.isEmpty()) {
      return;
    }
    List<Incident> out = new ArrayList<>();
    tryTick(out, () -> executeTick(inc, Command.ESCALATE, at, (i, r) -> {
      for (EscalationAction a : escalationsToApply(i, currentHistory(i), r.now)) {
        Optional<Assignment> to = Optional.empty();
        if (a.kind() == EscalationKind.FUNCTIONAL) {
          Optional<String> team = a.team().or(() -> r.state.team());
          if (team.isEmpty()) {
            LOG.warn("escalation '{}' of {} names no team and the incident has none; skipped", a.rule(), i.id());
            continue;
          }
          if (knownTeams.isPresent() && !knownTeams.get().contains(team.get())) {
            LOG.warn("escalation '{}' of {} hands over to unknown team '{}' (known: {}); skipped",
                a.rule(), i.id(), team.get(), knownTeams.get());
            continue;
          }
          to = Optional.of(Assignment.toTeam(team.get(), a.level().orElseThrow()));
        }
        r.record(new Escalated(i.id(), r.seq(), r.now, system.id(), a.kind(), to, a.notified(),
            a.reason(), Provenance.rule(a.rule(), a.reason())));
      }
      if (r.events.isEmpty()) {
        throw new StaleVersionException(i.id(), i.version(), i.version() + 1);
      }
    }));
    out.forEach(x -> changed.put(x.id(), x));
  }

  /** The escalation policy's actions that no Escalated event since the last reopen already did. */
  private List<EscalationAction> escalationsToApply(Incident inc, List<IncidentEvent> history, Instant at) {
    return decideEscalations(inc, () -> SlaClock.evaluate(history, slaPolicy.orElseThrow(), at))
        .map(a -> notDoneYet(a, history)).orElse(List.of());
  }

  /** What the escalation policy decides; empty (logged) when it fails. */
  private Optional<List<EscalationAction>> decideEscalations(Incident inc, Supplier<SlaReport> sla) {
    try {
      return Optional.of(List.copyOf(Objects.requireNonNull(
          escalationPolicy.orElseThrow().decide(inc, sla.get()), "escalation actions")));
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

  private static void tryTick(List<Incident> changed, Supplier<Incident> action) {
    try {
      changed.add(action.get());
    } catch (StaleVersionException e) {
      LOG.debug("tick skipped an incident changed concurrently: {}", e.getMessage());
    }
  }

  /** Runs one incident's due work; a record the repository cannot read skips that incident only. */
  private static void skipUnreadable(Runnable work) {
    readOrSkip(() -> {
      work.run();
      return Boolean.TRUE;
    });
  }

  /** {@link #skipUnreadable(Runnable)} for work with a result: empty when skipped. */
  private static <T> Optional<T> readOrSkip(Supplier<T> work) {
    try {
      return Optional.of(work.get());
    } catch (UnreadableRecordException e) {
      LOG.error("tick skipped an incident whose stored records cannot be read: {}", e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Runs due work that {@code tick} decided on the incident as it saw it: if the incident has
   * changed since (another thread or another desk on the same repository did the work, or a user
   * command moved it on), the work is left for the next tick, like a stale append.
   */
  private Incident executeTick(Incident seen, Command command, Instant now, Step step) {
    return executeAt(Actor.system(), seen.id(), command, null, now, seen.version(), step);
  }

  private Optional<Instant> lastResolvedAt(String id) {
    return DueWork.lastResolvedAt(repository.history(id));
  }

  // ---------------------------------------------------------------- queries

  /**
   * Returns an incident.
   *
   * @param actor who asks (callers see their own incidents only)
   * @param id the incident id
   * @return the incident
   * @throws IncidentNotFoundException if there is none
   */
  public Incident get(Actor actor, String id) {
    Incident inc = load(id);
    accessPolicy.check(Objects.requireNonNull(actor, "actor"), Permission.VIEW_ALL, Optional.of(inc));
    return inc;
  }

  /**
   * Finds the incidents matching a query that the actor may see ({@link Permission#VIEW_ALL}, or
   * {@link Permission#VIEW_OWN} for their own), ordered by id; see {@link IncidentQuery} for the
   * criteria. Every match is returned (no paging).
   *
   * @param actor who asks
   * @param query the criteria
   * @return the incidents, in their current state
   */
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

  /**
   * Returns an incident's audit trail. Actors who may not write work notes (callers) do not see
   * internal work notes.
   *
   * @param actor who asks
   * @param id the incident id
   * @return the events, oldest first
   * @throws IncidentNotFoundException if there is none
   */
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

  /**
   * Explains why an incident has its value of one attribute (category, priority, team, ...) from
   * its history: every change, who decided it (a rule with its reason and the candidates it
   * overruled, a person by hand, an escalation), the last one first in {@link
   * Explanation#toText()}. Access is checked as for {@link #history}.
   *
   * @param actor who asks (callers see their own incidents only)
   * @param id the incident id
   * @param attribute the attribute to explain
   * @return the explanation
   * @throws IncidentNotFoundException if there is none
   * @throws io.itsm.core.access.AccessDeniedException if the actor may not see the incident
   */
  public Explanation explain(Actor actor, String id, TriageAttribute attribute) {
    return IncidentHistory.explain(history(actor, id), Objects.requireNonNull(attribute, "attribute"));
  }

  /**
   * Returns an incident's SLA clocks at the desk's clock's current instant (or at its last change,
   * if the clock is behind it).
   *
   * @param actor who asks (callers see their own incidents only)
   * @param id the incident id
   * @return the report, or empty when the desk has no {@link Builder#slaPolicy SLA policy}
   * @throws IncidentNotFoundException if there is none
   */
  public Optional<SlaReport> sla(Actor actor, String id) {
    Incident inc = get(actor, id);
    if (slaPolicy.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return Optional.of(SlaClock.evaluate(repository.history(inc.id()), slaPolicy.get(),
        now.isBefore(inc.updatedAt()) ? inc.updatedAt() : now));
  }

  /**
   * Returns the SLA policy, if the desk has one.
   *
   * @return the policy
   */
  public Optional<SlaPolicy> slaPolicy() {
    return slaPolicy;
  }

  /**
   * Returns the lifecycle table this desk enforces.
   *
   * @return the lifecycle
   */
  public Lifecycle lifecycle() {
    return lifecycle;
  }

  /**
   * Returns the category catalogue this desk checks categories against.
   *
   * @return the catalogue
   */
  public Catalogue catalogue() {
    return catalogue;
  }

  /**
   * Returns the resolution and close codes this desk accepts.
   *
   * @return the catalogue
   */
  public ResolutionCodes resolutionCodes() {
    return resolutionCodes;
  }

  /**
   * Returns the teams this desk accepts in assignments, if it was given any.
   *
   * @return the known teams; empty when any team is accepted
   */
  public Optional<Set<String>> knownTeams() {
    return knownTeams;
  }

  /**
   * Returns the desk's clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  // ---------------------------------------------------------------- machinery

  /** The body of a command: checks its arguments against the incident and records events. */
  @FunctionalInterface
  private interface Step {
    void run(Incident incident, Recorder recorder);
  }

  /** Collects a command's events, applying each to the state so later checks see it. */
  private static final class Recorder {
    final Incident before;
    final Actor actor;
    final Instant now;
    final List<IncidentEvent> events = new ArrayList<>();
    Incident state;

    Recorder(Incident before, Actor actor, Instant now) {
      this.before = before;
      this.state = before;
      this.actor = actor;
      this.now = now;
    }

    long seq() {
      return (state == null ? 0 : state.version()) + 1;
    }

    void record(IncidentEvent e) {
      state = IncidentHistory.apply(state, e);
      events.add(e);
    }
  }

  private Incident load(String id) {
    Objects.requireNonNull(id, "id");
    return repository.find(id).orElseThrow(() -> new IncidentNotFoundException(id));
  }

  private Incident execute(Actor actor, String id, Command command, Permission permission, Step step) {
    return executeAt(actor, id, command, permission == null ? null : inc -> permission,
        clock.instant(), step);
  }

  /**
   * The write path: load, check access (the permission may depend on the incident), check the
   * transition, run the step, check where it led, store with the expected version, notify.
   */
  private Incident executeAt(Actor actor, String id, Command command,
      Function<Incident, Permission> permission, Instant now, Step step) {
    return executeAt(actor, id, command, permission, now, -1, step);
  }

  private Incident executeAt(Actor actor, String id, Command command,
      Function<Incident, Permission> permission, Instant now, long seenVersion, Step step) {
    Objects.requireNonNull(actor, "actor");
    Incident before = load(id);
    if (seenVersion >= 0 && before.version() != seenVersion) {
      throw new StaleVersionException(id, seenVersion, before.version());
    }
    if (permission != null) {
      accessPolicy.check(actor, permission.apply(before), Optional.of(before));
    }
    checkTransition(before, command, now);
    Recorder r = new Recorder(before, actor, now.isBefore(before.updatedAt()) ? before.updatedAt() : now);
    if (slaPolicy.isPresent() && endsTheIncident(before.status(), command)) {
      // after this command tick() no longer looks at the incident: record what it has not seen
      recordPendingSla(before, r);
    }
    step.run(before, r);
    if (r.events.isEmpty()) {
      throw new IllegalStateException(command + " recorded no event");
    }
    lifecycle.check(id, before.status(), command, r.state.status());
    return commit(r, before.version());
  }

  private Incident commit(Recorder r, long expectedVersion) {
    List<IncidentEvent> events = List.copyOf(r.events);
    Incident state = r.state;
    Optional<Instant> due = dueWork.afterCommand(state, events);
    delivery.storeAndDeliver(state.id(), events, state,
        () -> repository.append(expectedVersion, events, state, due));
    return state;
  }

  /**
   * The lifecycle check, with the desk's reopen window: a CLOSED incident may be reopened only
   * while the window is open; outside it REOPEN is refused like any illegal command.
   */
  private void checkTransition(Incident inc, Command command, Instant now) {
    Status status = inc.status();
    if (status == Status.CLOSED && lifecycle.isAllowed(status, Command.REOPEN)
        && !reopenWindowOpen(inc, now)) {
      Set<Command> allowedNow = EnumSet.noneOf(Command.class);
      allowedNow.addAll(lifecycle.allowed(status));
      allowedNow.remove(Command.REOPEN);
      if (!allowedNow.contains(command)) {
        String hint = command != Command.REOPEN
            ? "Log a new incident and LINK it to this one instead"
            : reopenClosedWithin.map(w -> "it was closed at " + inc.updatedAt() + " and this desk"
                    + " reopens closed incidents within " + w + ", which ended at "
                    + inc.updatedAt().plus(w) + "; log a new incident and LINK it to this one")
                .orElse("this desk does not reopen closed incidents (turn it on with"
                    + " ServiceDesk.builder().reopenClosedWithin(...)); log a new incident and LINK"
                    + " it to this one");
        throw new IllegalTransitionException(inc.id(), status, command, allowedNow, hint);
      }
    }
    lifecycle.check(inc.id(), status, command);
  }

  private boolean reopenWindowOpen(Incident closed, Instant now) {
    // nothing is recorded on a CLOSED incident, so its last change is its close
    return reopenClosedWithin.map(w -> !now.isAfter(closed.updatedAt().plus(w))).orElse(false);
  }

  /** Resolved while NEW and not assigned: the service desk solved it at first contact. */
  private static boolean isFirstContact(Incident inc) {
    return inc.status() == Status.NEW && inc.assignment().isEmpty();
  }

  /**
   * Checks a team against the desk's known teams, if it has any.
   *
   * @throws ValidationException naming the team, who set it, the known teams and the closest one
   */
  private void checkTeam(String team, Optional<String> incidentId, String source) {
    if (knownTeams.isPresent() && !knownTeams.get().contains(team)) {
      throw new ValidationException("team '" + team + "'" + incidentId.map(i -> " for incident " + i).orElse("")
          + " (set by " + source + ") is not a team of this desk; known teams: "
          + new TreeSet<>(knownTeams.get()) + Suggestions.didYouMean(team, knownTeams.get())
          + "; add it to ServiceDesk.builder().knownTeams(...)");
    }
  }

  private static void requireText(String what, String text) {
    if (text.isBlank()) {
      throw new ValidationException(what + " must not be blank");
    }
  }

  /**
   * Configures a {@link ServiceDesk}. Not thread-safe; build once and share the desk.
   */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private IncidentRepository repository;
    private TriagePolicy triagePolicy = TriagePolicy.none();
    private AccessPolicy accessPolicy = RoleBasedAccessPolicy.defaults();
    private Supplier<String> idGenerator;
    private final List<IncidentListener> listeners = new ArrayList<>();
    private Lifecycle lifecycle = Lifecycle.DEFAULT;
    private Catalogue catalogue = Catalogue.defaults();
    private Duration autoCloseAfter = DEFAULT_AUTO_CLOSE_AFTER;
    private List<Approver> resolutionApprovers = DEFAULT_RESOLUTION_APPROVERS;
    private ApprovalPolicy resolutionApprovalPolicy = ApprovalPolicy.any();
    private Duration approvalDueAfter;
    private SlaPolicy slaPolicy;
    private List<Integer> slaThresholds = DEFAULT_SLA_THRESHOLDS;
    private EscalationPolicy escalationPolicy;
    private CallerDirectory callerDirectory = CallerDirectory.none();
    private ResolutionCodes resolutionCodes = ResolutionCodes.defaults();
    private Set<String> knownTeams;
    private Duration reopenClosedWithin;

    private Builder() {}

    /**
     * Sets where the desk looks up what it may trust about callers (VIP, department, location,
     * language); see {@link CallerDirectory} and {@link ServiceDesk#log}.
     *
     * @param callerDirectory the directory; default {@link CallerDirectory#none()}
     * @return this builder
     */
    public Builder callerDirectory(CallerDirectory callerDirectory) {
      this.callerDirectory = Objects.requireNonNull(callerDirectory, "callerDirectory");
      return this;
    }

    /**
     * Sets the resolution and close codes the desk accepts.
     *
     * @param resolutionCodes the catalogue; default {@link ResolutionCodes#defaults()}
     * @return this builder
     */
    public Builder resolutionCodes(ResolutionCodes resolutionCodes) {
      this.resolutionCodes = Objects.requireNonNull(resolutionCodes, "resolutionCodes");
      return this;
    }

    /**
     * Sets the teams (assignment groups) incidents may be assigned to. With known teams, an
     * assignment, a functional escalation or a triage decision naming another team is refused
     * with the known teams and the closest name ({@code "network-osp"}: did you mean {@code
     * "network-ops"}?); an escalation policy's hand-over to an unknown team is logged and
     * skipped. Without (the default) any non-blank team name is accepted.
     *
     * <p>The routing data of itsm-rules knows its teams: {@code
     * .knownTeams(TeamMap.defaults().teams())}.
     *
     * @param teams the team names, not blank, at least one
     * @return this builder
     * @throws ValidationException if {@code teams} is empty or holds a blank name
     */
    public Builder knownTeams(Collection<String> teams) {
      Objects.requireNonNull(teams, "teams");
      if (teams.isEmpty()) {
        throw new ValidationException("knownTeams must name at least one team; leave it unset to"
            + " accept any team");
      }
      for (String t : teams) {
        if (Objects.requireNonNull(t, "team").isBlank()) {
          throw new ValidationException("knownTeams must not hold a blank team name");
        }
      }
      this.knownTeams = Set.copyOf(teams);
      return this;
    }

    /**
     * Lets callers (and agents for them) {@linkplain ServiceDesk#reopen reopen} a CLOSED incident
     * within a time after its close. Off by default: a closed incident is final, and a new
     * problem gets a new incident. An import or replay of real histories, where incidents were
     * reopened after closing, turns it on.
     *
     * @param window a positive duration, counted from the close
     * @return this builder
     * @throws ValidationException if not positive
     */
    public Builder reopenClosedWithin(Duration window) {
      Objects.requireNonNull(window, "window");
      if (window.isNegative() || window.isZero()) {
        throw new ValidationException("reopenClosedWithin must be positive, but was " + window);
      }
      this.reopenClosedWithin = window;
      return this;
    }

    /**
     * Sets the SLA policy. Without one the desk records no SLA events, {@link ServiceDesk#sla}
     * is empty and no escalation policy may be set.
     *
     * @param slaPolicy the policy, for example {@link SlaPolicy#defaults()}
     * @return this builder
     */
    public Builder slaPolicy(SlaPolicy slaPolicy) {
      this.slaPolicy = Objects.requireNonNull(slaPolicy, "slaPolicy");
      return this;
    }

    /**
     * Sets the SLA warning thresholds {@link ServiceDesk#tick} records; the breach at 100 % is
     * always recorded. No thresholds: only breaches.
     *
     * @param percents distinct percents from 1 to 99; default {@link #DEFAULT_SLA_THRESHOLDS}
     * @return this builder
     * @throws ValidationException if a percent is outside 1 to 99 or repeated
     */
    public Builder slaThresholds(int... percents) {
      Objects.requireNonNull(percents, "percents");
      int[] sorted = percents.clone();
      Arrays.sort(sorted);
      List<Integer> list = new ArrayList<>();
      for (int p : sorted) {
        if (p < 1 || p > 99) {
          throw new ValidationException("SLA thresholds must be 1 to 99 percent (the breach at 100 is"
              + " always recorded), but was " + p);
        }
        if (list.contains(p)) {
          throw new ValidationException("SLA thresholds must be distinct, but " + p + " was repeated");
        }
        list.add(p);
      }
      this.slaThresholds = List.copyOf(list);
      return this;
    }

    /**
     * Sets the escalation policy {@link ServiceDesk#tick} consults for open incidents; by default
     * there is none. Needs an {@link #slaPolicy SLA policy}.
     *
     * @param escalationPolicy the policy
     * @return this builder
     */
    public Builder escalationPolicy(EscalationPolicy escalationPolicy) {
      this.escalationPolicy = Objects.requireNonNull(escalationPolicy, "escalationPolicy");
      return this;
    }

    /**
     * Sets the clock every event's instant comes from.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets where incidents are stored.
     *
     * @param repository the repository
     * @return this builder
     */
    public Builder repository(IncidentRepository repository) {
      this.repository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * Sets the triage policy, for example {@code TriageEngine.withDefaults()} of itsm-rules.
     *
     * @param triagePolicy the policy
     * @return this builder
     */
    public Builder triagePolicy(TriagePolicy triagePolicy) {
      this.triagePolicy = Objects.requireNonNull(triagePolicy, "triagePolicy");
      return this;
    }

    /**
     * Sets the access policy.
     *
     * @param accessPolicy the policy
     * @return this builder
     */
    public Builder accessPolicy(AccessPolicy accessPolicy) {
      this.accessPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy");
      return this;
    }

    /**
     * Sets how new incident ids are made. Ids must be unique in the repository.
     *
     * @param idGenerator a thread-safe supplier of fresh ids
     * @return this builder
     */
    public Builder idGenerator(Supplier<String> idGenerator) {
      this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator");
      return this;
    }

    /**
     * Adds a listener for every stored event. Each listener hears each incident's events in the
     * order they were stored, once; see {@link IncidentListener} for threads and ordering.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(IncidentListener listener) {
      this.listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Sets the lifecycle table.
     *
     * @param lifecycle the table
     * @return this builder
     */
    public Builder lifecycle(Lifecycle lifecycle) {
      this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
      return this;
    }

    /**
     * Sets the category catalogue.
     *
     * @param catalogue the catalogue
     * @return this builder
     */
    public Builder catalogue(Catalogue catalogue) {
      this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
      return this;
    }

    /**
     * Sets how long a resolved incident waits for the caller before {@link #tick} closes it.
     *
     * @param autoCloseAfter a positive duration; default {@link #DEFAULT_AUTO_CLOSE_AFTER}
     * @return this builder
     * @throws ValidationException if not positive
     */
    public Builder autoCloseAfter(Duration autoCloseAfter) {
      Objects.requireNonNull(autoCloseAfter, "autoCloseAfter");
      if (autoCloseAfter.isNegative() || autoCloseAfter.isZero()) {
        throw new ValidationException("autoCloseAfter must be positive, but was " + autoCloseAfter);
      }
      this.autoCloseAfter = autoCloseAfter;
      return this;
    }

    /**
     * Sets who approves resolutions that need approval, and how many of them must.
     *
     * @param approvers named users or roles
     * @param policy ANY, ALL or QUORUM(k)
     * @return this builder
     * @throws ValidationException if the combination is invalid (for example ALL with a role)
     */
    public Builder resolutionApprovers(List<Approver> approvers, ApprovalPolicy policy) {
      Objects.requireNonNull(approvers, "approvers");
      Objects.requireNonNull(policy, "policy");
      new io.itsm.core.approval.ApprovalStage(approvers, policy); // validates now, not at first use
      this.resolutionApprovers = List.copyOf(approvers);
      this.resolutionApprovalPolicy = policy;
      return this;
    }

    /**
     * Sets how long a resolution approval may stay pending before it expires; by default it never
     * does.
     *
     * @param dueAfter a positive duration
     * @return this builder
     * @throws ValidationException if not positive
     */
    public Builder approvalDueAfter(Duration dueAfter) {
      Objects.requireNonNull(dueAfter, "dueAfter");
      if (dueAfter.isNegative() || dueAfter.isZero()) {
        throw new ValidationException("approvalDueAfter must be positive, but was " + dueAfter);
      }
      this.approvalDueAfter = dueAfter;
      return this;
    }

    /**
     * Builds the desk.
     *
     * @return the desk
     * @throws ValidationException if an escalation policy is set without an SLA policy
     */
    public ServiceDesk build() {
      if (escalationPolicy != null && slaPolicy == null) {
        throw new ValidationException("escalationPolicy needs an slaPolicy: escalations are decided"
            + " from the SLA report; set slaPolicy(SlaPolicy.defaults()) or another policy");
      }
      if (escalationPolicy != null) {
        List<Integer> checkpoints = Objects.requireNonNull(escalationPolicy.checkpoints(),
            "escalation checkpoints");
        for (Integer p : checkpoints) {
          if (p == null || p < 1) {
            throw new ValidationException("escalation policy " + escalationPolicy
                + ": checkpoints must be 1 percent or more, but were " + checkpoints);
          }
        }
      }
      if (repository == null) {
        repository = new InMemoryIncidentRepository();
      }
      return new ServiceDesk(this);
    }
  }
}
