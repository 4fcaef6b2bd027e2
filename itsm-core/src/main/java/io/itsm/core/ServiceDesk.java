package io.itsm.core;

import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Approver;
import io.itsm.core.approval.Verdict;
import io.itsm.core.event.Explanation;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Assignment;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Link;
import io.itsm.core.incident.OnHoldReason;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Ticket;
import io.itsm.core.incident.Urgency;
import io.itsm.core.incident.internal.DeskParts;
import io.itsm.core.repository.IncidentQuery;
import io.itsm.core.sla.SlaReport;
import io.itsm.core.triage.TriageAttribute;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The service desk: logs incidents, triages them through a {@link
 * io.itsm.core.triage.TriagePolicy}, and runs every lifecycle command, checking the actor's access
 * and the {@link io.itsm.core.lifecycle.Lifecycle} table, recording an {@link IncidentEvent} for
 * every change and storing it in an {@link io.itsm.core.repository.IncidentRepository}. Made from
 * a {@link DeskConfig}, or by {@link #builder()} with the same settings.
 *
 * <pre>{@code
 * ServiceDesk desk = ServiceDesk.builder().triagePolicy(TriageEngine.withDefaults()).build();
 * Incident inc = desk.log(Actor.endUser("u42"), Ticket.builder().title("VPN is down").build());
 * desk.startWork(agent, inc.id());
 * desk.proposeResolution(agent, inc.id(), "SOLVED_FIXED", "Renewed the VPN certificate");
 * desk.confirmResolution(Actor.endUser("u42"), inc.id());   // CLOSED
 * }</pre>
 *
 * <p><b>Commands and reads.</b> In each, {@code actor} is who runs it and {@code id} the
 * incident's id; a command returns the incident after the change. They throw {@link
 * io.itsm.core.repository.IncidentNotFoundException} for an unknown id, {@link
 * io.itsm.core.access.AccessDeniedException} when the actor may not ({@link Permission}; callers
 * see only their own incidents), {@link io.itsm.core.lifecycle.IllegalTransitionException} when
 * the status does not allow the command (naming what is allowed), {@link ValidationException} for
 * a bad argument. A command stores all its events or none; of two at once on one incident, one
 * fails with {@link io.itsm.core.repository.StaleVersionException} and changes nothing (retry).
 *
 * <p>Thread-safe, provided the repository, policies and listeners of its config are. Listeners
 * hear each incident's events in the order they were stored ({@link IncidentListener}).
 */
public final class ServiceDesk {

  /** How long a resolved incident waits for the caller's answer before it closes by itself. */
  public static final Duration DEFAULT_AUTO_CLOSE_AFTER = DeskConfig.DEFAULT_AUTO_CLOSE_AFTER;

  /** Who approves resolutions by default: any manager. */
  public static final List<Approver> DEFAULT_RESOLUTION_APPROVERS = DeskConfig.DEFAULT_RESOLUTION_APPROVERS;

  /** The SLA warning thresholds, in percent of a target, recorded by {@link #tick} by default. */
  public static final List<Integer> DEFAULT_SLA_THRESHOLDS = DeskConfig.DEFAULT_SLA_THRESHOLDS;

  private final DeskParts parts;

  private ServiceDesk(DeskConfig config) {
    this.parts = DeskParts.of(config);
  }

  /**
   * Starts configuring a desk; every setting has the default of {@link DeskConfig#ofDefaults()}.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Makes a desk from a config.
   *
   * @param config the config, for example {@link DeskConfig#ofDefaults()}
   * @return the desk
   */
  public static ServiceDesk of(DeskConfig config) {
    return new ServiceDesk(Objects.requireNonNull(config, "config"));
  }

  /**
   * Logs a ticket as a new incident, triages it, and applies the decisions (category, priority,
   * assignment making it ASSIGNED, approval need, tags), each an event naming its rule. What of
   * the ticket the desk trusts (an end user's claims, the {@linkplain
   * DeskConfig#callerDirectory() caller directory}'s facts): docs/lifecycle.md.
   *
   * @param actor who logs it; an end user logs as the caller
   * @param ticket what was reported; its {@code openedAt} defaults to the desk's clock
   * @return the new incident
   * @throws io.itsm.core.access.AccessDeniedException if the actor may not log, or an end user
   *     logs for another caller
   * @throws ValidationException if triage decided a category not in the catalogue or a team not
   *     {@linkplain DeskConfig#knownTeams() known}
   * @throws ItsmException if the triage policy or the caller directory fails; nothing is logged
   */
  public Incident log(Actor actor, Ticket ticket) {
    return parts.intake().log(actor, ticket);
  }

  /**
   * Sets the category by hand.
   *
   * @param category a category code of the catalogue
   * @param subcategory a subcategory code of that category, or {@code null}
   * @throws ValidationException if the category or subcategory is not in the catalogue
   */
  public Incident categorize(Actor actor, String id, String category, String subcategory) {
    return parts.commands().categorize(actor, id, category, subcategory);
  }

  /**
   * Sets impact, urgency and priority by hand.
   *
   * @param impact the impact
   * @param urgency the urgency
   * @param priority the priority
   */
  public Incident prioritize(Actor actor, String id, Impact impact, Urgency urgency, Priority priority) {
    return parts.commands().prioritize(actor, id, impact, urgency, priority);
  }

  /**
   * Assigns or reassigns the incident: a NEW one becomes ASSIGNED, others keep their status and
   * hold reason (a RESOLVED one's assignment is corrected without reopening it). A change of team
   * or assignee counts as a reassignment ({@link Incident#reassignmentCount()}).
   *
   * @param assignment team, optional assignee and support level
   * @throws ValidationException if the team is not {@linkplain DeskConfig#knownTeams() known}
   */
  public Incident assign(Actor actor, String id, Assignment assignment) {
    return parts.commands().assign(actor, id, assignment);
  }

  /** Starts work: ASSIGNED → IN_PROGRESS, by a member of the assignment group. */
  public Incident startWork(Actor actor, String id) {
    return parts.commands().startWork(actor, id);
  }

  /**
   * Adds a comment: public (the caller sees it; callers may comment on their own incidents) or an
   * internal work note (needs {@link Permission#WORK_NOTE}).
   *
   * @param text the comment, not blank
   * @param visibility public or internal
   */
  public Incident comment(Actor actor, String id, String text, Visibility visibility) {
    return parts.commands().comment(actor, id, text, visibility);
  }

  /**
   * Puts the incident on hold, or changes why it is on hold; by a member of the assignment group.
   *
   * @param reason what it waits for
   * @param note a note for the record, or {@code null}
   * @throws ValidationException if it is already on hold for the same reason
   */
  public Incident putOnHold(Actor actor, String id, OnHoldReason reason, String note) {
    return parts.commands().putOnHold(actor, id, reason, note);
  }

  /**
   * Resumes work after a hold: ON_HOLD → IN_PROGRESS, by a member of the assignment group.
   *
   * @param note a note for the record, or {@code null}
   */
  public Incident resume(Actor actor, String id, String note) {
    return parts.commands().resume(actor, id, note);
  }

  /**
   * Escalates functionally: hands the incident to another support level and team, recording why.
   *
   * @param level the new support level
   * @param team the new team, {@linkplain DeskConfig#knownTeams() known} if the desk knows teams
   * @param reason why, not blank (actions taken, error codes, what is beyond the SOP)
   */
  public Incident escalateFunctionally(Actor actor, String id, SupportLevel level, String team, String reason) {
    return parts.commands().escalateFunctionally(actor, id, level, team, reason);
  }

  /**
   * Escalates hierarchically: notifies a role (team lead, manager, senior management).
   *
   * @param notify the role to notify
   * @param reason why, not blank
   */
  public Incident escalateHierarchically(Actor actor, String id, Role notify, String reason) {
    return parts.commands().escalateHierarchically(actor, id, notify, reason);
  }

  /**
   * Links the incident to another record. Links to incidents (PARENT, CHILD, DUPLICATE_OF) must
   * name an existing other incident; RELATED_PROBLEM and RELATED may name any record.
   *
   * @param link the link
   * @throws ValidationException if the incident is linked to itself
   */
  public Incident link(Actor actor, String id, Link link) {
    return parts.commands().link(actor, id, link);
  }

  /**
   * Proposes a resolution: RESOLVED, or PENDING_APPROVAL on the {@linkplain
   * DeskConfig#resolutionApproval() approval terms} if it needs approval. By the assignment group;
   * a NEW, unassigned one at first contact too ({@link Permission#RESOLVE_AT_FIRST_CONTACT}).
   *
   * @param code a resolution code of the desk's {@linkplain DeskConfig#resolutionCodes() codes}
   * @param steps what was done, not blank
   * @throws ValidationException if the code is unknown (the message lists the allowed codes)
   */
  public Incident proposeResolution(Actor actor, String id, String code, String steps) {
    return parts.commands().proposeResolution(actor, id, code, steps);
  }

  /**
   * Decides the pending resolution approval, as an approver of its current stage: once complete
   * it resolves the incident; a rejection sends it back to IN_PROGRESS.
   *
   * @param verdict approve or reject
   * @param comment the approver's comment; required when rejecting
   * @throws io.itsm.core.approval.NotAnApproverException if the actor may not decide it
   */
  public Incident decideApproval(Actor actor, String id, Verdict verdict, String comment) {
    return parts.commands().decideApproval(actor, id, verdict, comment);
  }

  /**
   * The caller accepts the resolution: RESOLVED → CLOSED. An agent holding {@link
   * Permission#CONFIRM_ON_BEHALF} may answer for the caller; the event records it as such.
   */
  public Incident confirmResolution(Actor actor, String id) {
    return parts.commands().confirmResolution(actor, id);
  }

  /**
   * The caller (or an agent for them) rejects the resolution: → IN_PROGRESS, reopen count + 1.
   *
   * @param reason why the resolution does not work, not blank
   */
  public Incident rejectResolution(Actor actor, String id, String reason) {
    return parts.commands().rejectResolution(actor, id, reason);
  }

  /**
   * Closes a resolved incident without the caller's answer ({@link Permission#CLOSE}).
   *
   * @param note why, or {@code null}
   */
  public Incident close(Actor actor, String id, String note) {
    return parts.commands().close(actor, id, note);
  }

  /**
   * Closes an open incident without a resolution (a duplicate, raised in error, no answer) with
   * a close code ({@link Permission#CLOSE}); its SLA clocks stop as CANCELLED.
   *
   * @param closeCode a close code of the {@linkplain DeskConfig#resolutionCodes() desk's codes}
   * @param note why, for the record, not blank
   * @throws ValidationException if the close code is unknown (the message lists the allowed codes)
   */
  public Incident closeWithoutResolution(Actor actor, String id, String closeCode, String note) {
    return parts.commands().closeWithoutResolution(actor, id, closeCode, note);
  }

  /**
   * The caller (or an agent for them) reopens a CLOSED incident within the {@linkplain
   * DeskConfig#reopenClosedWithin() reopen window} (off by default): → IN_PROGRESS, the reopen
   * count goes up, the resolution is cleared, stopped SLA clocks run on.
   *
   * @param reason why it is reopened, not blank
   */
  public Incident reopen(Actor actor, String id, String reason) {
    return parts.commands().reopen(actor, id, reason);
  }

  /**
   * Cancels an open incident (logged by mistake, a duplicate, withdrawn). Callers may cancel their
   * own.
   *
   * @param reason why, not blank
   */
  public Incident cancel(Actor actor, String id, String reason) {
    return parts.commands().cancel(actor, id, reason);
  }

  /**
   * Runs what is due at the desk's clock's instant: {@link #tick(Instant)}.
   *
   * @return the incidents changed
   */
  public List<Incident> tick() {
    return tick(clock().instant());
  }

  /**
   * Runs what is due at an instant: records SLA thresholds and breaches, applies the escalation
   * policy, auto-closes resolved incidents the caller did not answer, expires pending approvals;
   * each once, however often it runs. It reads only incidents whose due time has come, so it costs
   * what is due, not what is stored (docs/sla.md, "Threshold and breach events" onwards). An
   * incident changed meanwhile (by another thread, or another desk on the same database) is left
   * for the next tick, so desks ticking at once record each event once; an incident whose stored
   * records cannot be read is logged and skipped.
   *
   * @param now the instant
   * @return the incidents changed, by id, each once in its latest state
   */
  public List<Incident> tick(Instant now) {
    return parts.dueWork().tick(now);
  }

  /**
   * Returns an incident.
   *
   * @return the incident
   */
  public Incident get(Actor actor, String id) {
    return parts.queries().get(actor, id);
  }

  /**
   * Finds the incidents matching a query that the actor may see, ordered by id; see {@link
   * IncidentQuery}. Every match is returned (no paging).
   *
   * @param query the criteria
   * @return the incidents, in their current state
   */
  public List<Incident> find(Actor actor, IncidentQuery query) {
    return parts.queries().find(actor, query);
  }

  /**
   * Returns an incident's audit trail, without internal work notes for callers.
   *
   * @return the events, oldest first
   */
  public List<IncidentEvent> history(Actor actor, String id) {
    return parts.queries().history(actor, id);
  }

  /**
   * Explains from its history why an incident has its value of one attribute: every change and
   * who decided it (a rule with its reason and the candidates it overruled, a person...).
   *
   * @param attribute the attribute to explain
   * @return the explanation
   */
  public Explanation explain(Actor actor, String id, TriageAttribute attribute) {
    return parts.queries().explain(actor, id, attribute);
  }

  /**
   * Returns an incident's SLA clocks now (or at its last change, if the clock is behind it).
   *
   * @return the report, or empty when the desk has no SLA policy
   */
  public Optional<SlaReport> sla(Actor actor, String id) {
    return parts.queries().sla(actor, id);
  }

  /** @return the config this desk was made with: its kernel and every setting */
  public DeskConfig config() {
    return parts.config();
  }

  /** @return the desk's clock, {@code config().clock()} */
  public Clock clock() {
    return parts.config().clock();
  }

  /** Builds a {@link ServiceDesk} from the {@link DeskSettings}. Not thread-safe. */
  public static final class Builder extends DeskSettings<Builder> {
    private Builder() {}

    /**
     * Builds the desk.
     *
     * @return the desk
     * @throws ValidationException if an escalation policy is set without an SLA policy
     */
    public ServiceDesk build() {
      return new ServiceDesk(toConfig());
    }
  }
}
