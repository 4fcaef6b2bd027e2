package io.itsm.core.lifecycle;

import static io.itsm.core.incident.Status.ASSIGNED;
import static io.itsm.core.incident.Status.CANCELLED;
import static io.itsm.core.incident.Status.CLOSED;
import static io.itsm.core.incident.Status.IN_PROGRESS;
import static io.itsm.core.incident.Status.NEW;
import static io.itsm.core.incident.Status.ON_HOLD;
import static io.itsm.core.incident.Status.PENDING_APPROVAL;
import static io.itsm.core.incident.Status.RESOLVED;

import io.itsm.core.incident.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The incident lifecycle as a table of legal transitions (state × command → state), kept apart
 * from the incident and from the desk that runs it.
 *
 * <p>The default table ({@link #DEFAULT}) allows what real service desks do:
 *
 * <ul>
 *   <li>NEW → RESOLVED (solved at first contact), ON_HOLD → RESOLVED;
 *   <li>ASSIGN keeps the state once work has started: reassigning an IN_PROGRESS or ON_HOLD
 *       incident keeps it (and its on-hold reason); a RESOLVED incident's assignment may be
 *       corrected without reopening it; only NEW → ASSIGNED moves;
 *   <li>CLOSE_WITHOUT_RESOLUTION from every open state → CLOSED (a duplicate, raised in error, no
 *       answer from the user);
 *   <li>CLOSED → IN_PROGRESS by REOPEN (the desk allows it only within its reopen window, off by
 *       default: the row is in the table, the desk's configuration switches it on);
 *   <li>ON_HOLD → ON_HOLD with another reason;
 *   <li>PROPOSE_RESOLUTION → PENDING_APPROVAL instead of RESOLVED when the resolution needs
 *       approval; an approved decision → RESOLVED, a rejected or expired one → IN_PROGRESS;
 *   <li>RESOLVED → IN_PROGRESS when the caller rejects the resolution (a reopen);
 *   <li>RESOLVED → CLOSED when the caller confirms, an agent closes, or after the auto-close
 *       period;
 *   <li>CANCEL from every open state (NEW, ASSIGNED, IN_PROGRESS, ON_HOLD, PENDING_APPROVAL);
 *   <li>RECORD_SLA (run by {@code tick} to record SLA thresholds and breaches) in every state
 *       that is not final, staying in that state;
 *   <li>CLOSED and CANCELLED are final ({@link Status#isFinal()}): no command is allowed, except
 *       REOPEN of a CLOSED incident.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class Lifecycle {

  /** The default lifecycle. */
  public static final Lifecycle DEFAULT = defaults();

  private final Map<Status, Map<Command, Set<Status>>> table;
  private final List<Transition> transitions;

  private Lifecycle(List<Transition> transitions) {
    Map<Status, Map<Command, Set<Status>>> t = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      t.put(s, new EnumMap<>(Command.class));
    }
    for (Transition tr : transitions) {
      t.get(tr.from()).computeIfAbsent(tr.command(), c -> EnumSet.noneOf(Status.class)).add(tr.to());
    }
    Map<Status, Map<Command, Set<Status>>> frozen = new EnumMap<>(Status.class);
    t.forEach(
        (s, m) -> {
          Map<Command, Set<Status>> fm = new EnumMap<>(Command.class);
          m.forEach((c, targets) -> fm.put(c, Collections.unmodifiableSet(targets)));
          frozen.put(s, Collections.unmodifiableMap(fm));
        });
    this.table = Collections.unmodifiableMap(frozen);
    this.transitions = List.copyOf(transitions);
  }

  private static Lifecycle defaults() {
    List<Transition> t = new ArrayList<>();
    Set<Status> open = EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, ON_HOLD, PENDING_APPROVAL);
    for (Status s : open) {
      // commands that record something without moving the incident
      for (Command c : List.of(Command.CATEGORIZE, Command.PRIORITIZE, Command.COMMENT,
          Command.ESCALATE, Command.LINK)) {
        t.add(new Transition(s, c, s));
      }
      t.add(new Transition(s, Command.CANCEL, CANCELLED));
      t.add(new Transition(s, Command.CLOSE_WITHOUT_RESOLUTION, CLOSED));
    }
    // assignment: from NEW; reassignment keeps the state (and the hold reason) once work started;
    // a resolved incident's assignment may be corrected (who gets the credit) without reopening it
    t.add(new Transition(NEW, Command.ASSIGN, ASSIGNED));
    for (Status s : List.of(ASSIGNED, IN_PROGRESS, ON_HOLD, RESOLVED)) {
      t.add(new Transition(s, Command.ASSIGN, s));
    }
    t.add(new Transition(ASSIGNED, Command.START_WORK, IN_PROGRESS));
    // holds: waiting for information can start as soon as the ticket is logged
    for (Status s : List.of(NEW, ASSIGNED, IN_PROGRESS, ON_HOLD)) {
      t.add(new Transition(s, Command.PUT_ON_HOLD, ON_HOLD));
    }
    t.add(new Transition(ON_HOLD, Command.RESUME, IN_PROGRESS));
    // resolution: first-contact resolution from NEW; guard "approval required" picks PENDING_APPROVAL
    for (Status s : List.of(NEW, ASSIGNED, IN_PROGRESS, ON_HOLD)) {
      t.add(new Transition(s, Command.PROPOSE_RESOLUTION, RESOLVED));
      t.add(new Transition(s, Command.PROPOSE_RESOLUTION, PENDING_APPROVAL));
    }
    // an approver's decision: approved → RESOLVED, rejected → IN_PROGRESS, still open (quorum) → stays
    t.add(new Transition(PENDING_APPROVAL, Command.DECIDE_APPROVAL, RESOLVED));
    t.add(new Transition(PENDING_APPROVAL, Command.DECIDE_APPROVAL, IN_PROGRESS));
    t.add(new Transition(PENDING_APPROVAL, Command.DECIDE_APPROVAL, PENDING_APPROVAL));
    t.add(new Transition(PENDING_APPROVAL, Command.EXPIRE_APPROVAL, IN_PROGRESS));
    // the caller's answer
    t.add(new Transition(RESOLVED, Command.CONFIRM_RESOLUTION, CLOSED));
    t.add(new Transition(RESOLVED, Command.REJECT_RESOLUTION, IN_PROGRESS));
    t.add(new Transition(RESOLVED, Command.AUTO_CLOSE, CLOSED));
    t.add(new Transition(RESOLVED, Command.CLOSE, CLOSED));
    t.add(new Transition(RESOLVED, Command.COMMENT, RESOLVED));
    t.add(new Transition(RESOLVED, Command.LINK, RESOLVED));
    // a closed incident reopened within the desk's reopen window
    t.add(new Transition(CLOSED, Command.REOPEN, IN_PROGRESS));
    // SLA records: every non-final state, never moving the incident
    for (Status s : List.of(NEW, ASSIGNED, IN_PROGRESS, ON_HOLD, PENDING_APPROVAL, RESOLVED)) {
      t.add(new Transition(s, Command.RECORD_SLA, s));
    }
    return new Lifecycle(t);
  }

  /**
   * Returns every transition of the table.
   *
   * @return an immutable list
   */
  public List<Transition> transitions() {
    return transitions;
  }

  /**
   * Returns the commands legal in a state.
   *
   * @param status the state
   * @return an immutable set; empty for final states
   */
  public Set<Command> allowed(Status status) {
    Objects.requireNonNull(status, "status");
    return table.get(status).keySet();
  }

  /**
   * Tells whether a command is legal in a state.
   *
   * @param status the state
   * @param command the command
   * @return {@code true} if the table has a row for it
   */
  public boolean isAllowed(Status status, Command command) {
    Objects.requireNonNull(command, "command");
    return allowed(status).contains(command);
  }

  /**
   * Returns the states a command may lead to from a state.
   *
   * @param status the state
   * @param command the command
   * @return an immutable set; empty when the command is not legal there
   */
  public Set<Status> targets(Status status, Command command) {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(command, "command");
    return table.get(status).getOrDefault(command, Set.of());
  }

  /**
   * Checks that a command may move an incident from its state to a target state.
   *
   * @param incidentId the incident, for the message
   * @param status the incident's state
   * @param command the command
   * @param target the state the command would lead to
   * @throws IllegalTransitionException naming incident, state and command, and listing the
   *     commands legal in {@code status}, if the table has no such row
   */
  public void check(String incidentId, Status status, Command command, Status target) {
    if (!targets(status, command).contains(target)) {
      throw new IllegalTransitionException(incidentId, status, command, allowed(status), hint(status, command));
    }
  }

  /**
   * Checks that a command is legal in a state, whatever state it leads to.
   *
   * @param incidentId the incident, for the message
   * @param status the incident's state
   * @param command the command
   * @throws IllegalTransitionException naming incident, state and command, and listing the
   *     commands legal in {@code status}, if the command is not legal there
   */
  public void check(String incidentId, Status status, Command command) {
    if (!isAllowed(status, command)) {
      throw new IllegalTransitionException(incidentId, status, command, allowed(status), hint(status, command));
    }
  }

  private static String hint(Status status, Command command) {
    if (status == CLOSED && command != Command.REOPEN) {
      return "REOPEN it (within the desk's reopen window), or log a new incident and LINK it to"
          + " this one";
    }
    if (status.isFinal()) {
      return "Log a new incident and LINK it to this one instead";
    }
    if (command == Command.REOPEN) {
      return status == RESOLVED ? "REJECT_RESOLUTION reopens a resolved incident"
          : "only a CLOSED incident is reopened";
    }
    if (command == Command.START_WORK && status == NEW) {
      return "ASSIGN it to a team first";
    }
    if (command == Command.START_WORK && status == ON_HOLD) {
      return "RESUME it instead";
    }
    if (command == Command.CLOSE && status.isOpen()) {
      return "PROPOSE_RESOLUTION first, or CLOSE_WITHOUT_RESOLUTION with a close code";
    }
    if ((command == Command.CONFIRM_RESOLUTION || command == Command.REJECT_RESOLUTION
        || command == Command.AUTO_CLOSE) && status.isOpen()) {
      return "PROPOSE_RESOLUTION first";
    }
    if (command == Command.CLOSE_WITHOUT_RESOLUTION && status == RESOLVED) {
      return "it has a resolution: CLOSE it";
    }
    if (command == Command.DECIDE_APPROVAL) {
      return "only a PENDING_APPROVAL incident has an approval to decide";
    }
    if (status == RESOLVED) {
      return "REJECT_RESOLUTION reopens it";
    }
    if (status == PENDING_APPROVAL) {
      return "decide the pending approval first";
    }
    return "";
  }

  static List<Command> sorted(Set<Command> commands) {
    List<Command> list = new ArrayList<>(commands);
    Collections.sort(list);
    return list;
  }
}
