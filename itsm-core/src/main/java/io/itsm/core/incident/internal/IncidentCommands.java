package io.itsm.core.incident.internal;

import io.itsm.core.DeskConfig;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalStatus;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.Verdict;
import io.itsm.core.event.ApprovalDecided;
import io.itsm.core.event.ApprovalRequested;
import io.itsm.core.event.Assigned;
import io.itsm.core.event.Cancelled;
import io.itsm.core.event.Categorized;
import io.itsm.core.event.CloseReason;
import io.itsm.core.event.Closed;
import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.Escalated;
import io.itsm.core.event.EscalationKind;
import io.itsm.core.event.Linked;
import io.itsm.core.event.Prioritized;
import io.itsm.core.event.Provenance;
import io.itsm.core.event.PutOnHold;
import io.itsm.core.event.Reopened;
import io.itsm.core.event.ResolutionProposed;
import io.itsm.core.event.Resolved;
import io.itsm.core.event.Resumed;
import io.itsm.core.event.StatusChanged;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.LinkType;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Resolution;
import io.itsm.core.incident.Status;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Urgency;
import io.itsm.core.lifecycle.Command;
import io.itsm.core.repository.IncidentNotFoundException;
import io.itsm.core.repository.IncidentRepository;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The bodies of the desk's lifecycle commands after logging, one method per command of {@link
 * io.itsm.core.ServiceDesk} (which documents them): each checks its arguments and hands a step
 * recording the command's events to the {@link CommandExecutor}.
 *
 * <p>Immutable and thread-safe, provided the config's objects are.
 */
public final class IncidentCommands {
  private final DeskConfig config;
  private final AccessPolicy accessPolicy;
  private final IncidentRepository repository;
  private final KnownTeams teams;
  private final CommandExecutor executor;

  /**
   * Creates the commands of a desk.
   *
   * @param config the desk's config
   * @param teams the known teams
   * @param executor the write path
   */
  public IncidentCommands(DeskConfig config, KnownTeams teams, CommandExecutor executor) {
    this.config = config;
    this.accessPolicy = config.accessPolicy();
    this.repository = config.repository();
    this.teams = teams;
    this.executor = executor;
  }

  /** See {@link io.itsm.core.ServiceDesk#categorize}. */
  public Incident categorize(Actor actor, String id, String category, String subcategory) {
    Objects.requireNonNull(category, "category");
    Optional<String> sub = Optional.ofNullable(subcategory);
    return executor.execute(actor, id, Command.CATEGORIZE, Permission.CATEGORIZE, (inc, r) -> {
      config.catalogue().check(category, sub, "actor " + actor.id());
      r.record(new Categorized(id, r.seq(), r.now(), actor.id(), category, sub,
          Provenance.manual(actor.id())));
    });
  }

  /** See {@link io.itsm.core.ServiceDesk#prioritize}. */
  public Incident prioritize(Actor actor, String id, Impact impact, Urgency urgency,
      Priority priority) {
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(urgency, "urgency");
    Objects.requireNonNull(priority, "priority");
    return executor.execute(actor, id, Command.PRIORITIZE, Permission.PRIORITIZE, (inc, r) ->
        r.record(new Prioritized(id, r.seq(), r.now(), actor.id(), impact, urgency, priority,
            Provenance.manual(actor.id()))));
  }

  /** See {@link io.itsm.core.ServiceDesk#assign}: a NEW incident becomes ASSIGNED, others keep their status. */
  public Incident assign(Actor actor, String id, Assignment assignment) {
    Objects.requireNonNull(assignment, "assignment");
    return executor.execute(actor, id, Command.ASSIGN, Permission.ASSIGN, (inc, r) -> {
      teams.check(assignment.team(), Optional.of(id), "actor " + actor.id());
      r.record(new Assigned(id, r.seq(), r.now(), actor.id(), assignment,
          inc.status() == Status.NEW ? Status.ASSIGNED : inc.status(),
          Provenance.manual(actor.id())));
    });
  }

  /** See {@link io.itsm.core.ServiceDesk#startWork}. */
  public Incident startWork(Actor actor, String id) {
    return executor.execute(actor, id, Command.START_WORK, Permission.WORK, (inc, r) ->
        r.record(new StatusChanged(id, r.seq(), r.now(), actor.id(), inc.status(),
            Status.IN_PROGRESS, "work started by " + actor.id())));
  }

  /** See {@link io.itsm.core.ServiceDesk#comment}. */
  public Incident comment(Actor actor, String id, String text, Visibility visibility) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(visibility, "visibility");
    requireText("comment text", text);
    Permission p = visibility == Visibility.PUBLIC ? Permission.COMMENT : Permission.WORK_NOTE;
    return executor.execute(actor, id, Command.COMMENT, p, (inc, r) ->
        r.record(new CommentAdded(id, r.seq(), r.now(), actor.id(), text, visibility)));
  }

  /** See {@link io.itsm.core.ServiceDesk#putOnHold}. */
  public Incident putOnHold(Actor actor, String id, OnHoldReason reason, String note) {
    Objects.requireNonNull(reason, "reason");
    return executor.execute(actor, id, Command.PUT_ON_HOLD, Permission.WORK, (inc, r) -> {
      if (inc.status() == Status.ON_HOLD && inc.onHoldReason().orElse(null) == reason) {
        throw new ValidationException("incident " + id + " is already ON_HOLD with reason " + reason
            + "; choose another reason or RESUME it");
      }
      r.record(new PutOnHold(id, r.seq(), r.now(), actor.id(), reason, note == null ? "" : note));
    });
  }

  /** See {@link io.itsm.core.ServiceDesk#resume}. */
  public Incident resume(Actor actor, String id, String note) {
    return executor.execute(actor, id, Command.RESUME, Permission.WORK, (inc, r) ->
        r.record(new Resumed(id, r.seq(), r.now(), actor.id(), note == null ? "" : note)));
  }

  /** See {@link io.itsm.core.ServiceDesk#escalateFunctionally}. */
  public Incident escalateFunctionally(Actor actor, String id, SupportLevel level, String team,
      String reason) {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(reason, "reason");
    requireText("escalation reason", reason);
    Assignment to = Assignment.toTeam(team, level);
    return executor.execute(actor, id, Command.ESCALATE, Permission.ESCALATE, (inc, r) -> {
      teams.check(team, Optional.of(id), "actor " + actor.id());
      r.record(new Escalated(id, r.seq(), r.now(), actor.id(), EscalationKind.FUNCTIONAL,
          Optional.of(to), Optional.empty(), reason, Provenance.manual(actor.id())));
    });
  }

  /** See {@link io.itsm.core.ServiceDesk#escalateHierarchically}. */
  public Incident escalateHierarchically(Actor actor, String id, Role notify, String reason) {
    Objects.requireNonNull(notify, "notify");
    Objects.requireNonNull(reason, "reason");
    requireText("escalation reason", reason);
    return executor.execute(actor, id, Command.ESCALATE, Permission.ESCALATE, (inc, r) ->
        r.record(new Escalated(id, r.seq(), r.now(), actor.id(), EscalationKind.HIERARCHICAL,
            Optional.empty(), Optional.of(notify), reason, Provenance.manual(actor.id()))));
  }

  /** See {@link io.itsm.core.ServiceDesk#link}. */
  public Incident link(Actor actor, String id, Link link) {
    Objects.requireNonNull(link, "link");
    return executor.execute(actor, id, Command.LINK, Permission.LINK, (inc, r) -> {
      if (link.targetId().equals(id)) {
        throw new ValidationException("incident " + id + " cannot be linked to itself");
      }
      if (link.type() != LinkType.RELATED_PROBLEM && link.type() != LinkType.RELATED
          && repository.find(link.targetId()).isEmpty()) {
        throw new IncidentNotFoundException(link.targetId());
      }
      r.record(new Linked(id, r.seq(), r.now(), actor.id(), link));
    });
  }

  /**
   * See {@link io.itsm.core.ServiceDesk#proposeResolution}: resolves, or requests the resolution
   * approval when the incident needs one; a NEW, unassigned incident may be resolved at first
   * contact by an actor with {@link Permission#RESOLVE_AT_FIRST_CONTACT}.
   */
  public Incident proposeResolution(Actor actor, String id, String code, String steps) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(steps, "steps");
    Function<Incident, Permission> permission = inc -> isFirstContact(inc)
        && !accessPolicy.permits(actor, Permission.WORK, Optional.of(inc))
        ? Permission.RESOLVE_AT_FIRST_CONTACT : Permission.WORK;
    return executor.execute(actor, id, Command.PROPOSE_RESOLUTION, permission, (inc, r) -> {
      Resolution resolution = new Resolution(code, steps, actor.id(), r.now(), isFirstContact(inc));
      config.resolutionCodes().checkResolutionCode(code, id);
      r.record(new ResolutionProposed(id, r.seq(), r.now(), actor.id(), resolution));
      if (inc.approvalRequired()) {
        long n = repository.history(id).stream().filter(e -> e instanceof ApprovalRequested).count() + 1;
        Approval approval = config.resolutionApproval().request(id + "-APR-" + n,
            new ApprovalSubject(ApprovalSubject.Kind.RESOLUTION, id), actor.id(), r.now());
        r.record(new ApprovalRequested(id, r.seq(), r.now(), actor.id(), approval));
      } else {
        r.record(new Resolved(id, r.seq(), r.now(), actor.id(), resolution));
      }
    });
  }

  /** See {@link io.itsm.core.ServiceDesk#decideApproval}. */
  public Incident decideApproval(Actor actor, String id, Verdict verdict, String comment) {
    Objects.requireNonNull(verdict, "verdict");
    String c = comment == null ? "" : comment;
    return executor.execute(actor, id, Command.DECIDE_APPROVAL, Permission.DECIDE_APPROVAL, (inc, r) -> {
      Approval before = inc.approval().orElseThrow(() -> new ValidationException(
          "incident " + id + " is PENDING_APPROVAL but has no approval"));
      Approval after = before.decide(actor, verdict, c, r.now());
      r.record(new ApprovalDecided(id, r.seq(), r.now(), actor.id(), after, verdict, c));
      if (after.status() == ApprovalStatus.APPROVED) {
        r.record(new Resolved(id, r.seq(), r.now(), actor.id(), inc.resolution().orElseThrow()));
      } else if (after.status() == ApprovalStatus.REJECTED) {
        r.record(new StatusChanged(id, r.seq(), r.now(), actor.id(), Status.PENDING_APPROVAL,
            Status.IN_PROGRESS, "resolution approval rejected by " + actor.id() + ": " + c));
      }
    });
  }

  /** See {@link io.itsm.core.ServiceDesk#confirmResolution}. */
  public Incident confirmResolution(Actor actor, String id) {
    return executor.execute(actor, id, Command.CONFIRM_RESOLUTION, Permission.CONFIRM_ON_BEHALF, (inc, r) -> {
      boolean own = inc.isCalledBy(actor.id());
      r.record(new Closed(id, r.seq(), r.now(), actor.id(),
          own ? CloseReason.CONFIRMED_BY_CALLER : CloseReason.CONFIRMED_ON_BEHALF,
          own ? "" : "confirmed by " + actor.id() + " on behalf of the caller"
              + inc.caller().map(x -> " " + x.id()).orElse("")));
    });
  }

  /** See {@link io.itsm.core.ServiceDesk#rejectResolution}. */
  public Incident rejectResolution(Actor actor, String id, String reason) {
    Objects.requireNonNull(reason, "reason");
    requireText("rejection reason", reason);
    return executor.execute(actor, id, Command.REJECT_RESOLUTION, Permission.CONFIRM_ON_BEHALF, (inc, r) ->
        r.record(new Reopened(id, r.seq(), r.now(), actor.id(), reason, inc.reopenCount() + 1,
            !inc.isCalledBy(actor.id()))));
  }

  /** See {@link io.itsm.core.ServiceDesk#close}. */
  public Incident close(Actor actor, String id, String note) {
    return executor.execute(actor, id, Command.CLOSE, Permission.CLOSE, (inc, r) ->
        r.record(new Closed(id, r.seq(), r.now(), actor.id(), CloseReason.CLOSED_BY_AGENT,
            note == null ? "" : note)));
  }

  /** See {@link io.itsm.core.ServiceDesk#closeWithoutResolution}. */
  public Incident closeWithoutResolution(Actor actor, String id, String closeCode, String note) {
    Objects.requireNonNull(closeCode, "closeCode");
    Objects.requireNonNull(note, "note");
    requireText("note", note);
    return executor.execute(actor, id, Command.CLOSE_WITHOUT_RESOLUTION, Permission.CLOSE, (inc, r) -> {
      config.resolutionCodes().checkCloseCode(closeCode, id);
      r.record(new Closed(id, r.seq(), r.now(), actor.id(), CloseReason.WITHOUT_RESOLUTION, note,
          Optional.of(closeCode)));
    });
  }

  /** See {@link io.itsm.core.ServiceDesk#reopen}. */
  public Incident reopen(Actor actor, String id, String reason) {
    Objects.requireNonNull(reason, "reason");
    requireText("reopen reason", reason);
    return executor.execute(actor, id, Command.REOPEN, Permission.CONFIRM_ON_BEHALF, (inc, r) ->
        r.record(new Reopened(id, r.seq(), r.now(), actor.id(), reason, inc.reopenCount() + 1,
            !inc.isCalledBy(actor.id()), true)));
  }

  /** See {@link io.itsm.core.ServiceDesk#cancel}. */
  public Incident cancel(Actor actor, String id, String reason) {
    Objects.requireNonNull(reason, "reason");
    requireText("cancellation reason", reason);
    return executor.execute(actor, id, Command.CANCEL, Permission.CANCEL, (inc, r) ->
        r.record(new Cancelled(id, r.seq(), r.now(), actor.id(), reason)));
  }

  /** Resolved while NEW and not assigned: the service desk solved it at first contact. */
  private static boolean isFirstContact(Incident inc) {
    return inc.status() == Status.NEW && inc.assignment().isEmpty();
  }

  private static void requireText(String what, String text) {
    if (text.isBlank()) {
      throw new ValidationException(what + " must not be blank");
    }
  }
}
