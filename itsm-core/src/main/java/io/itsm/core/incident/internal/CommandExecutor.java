package io.itsm.core.incident.internal;

import io.itsm.core.DeskConfig;
import io.itsm.core.IncidentListener;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Status;
import io.itsm.core.kernel.internal.OrderedDelivery;
import io.itsm.core.lifecycle.Command;
import io.itsm.core.lifecycle.IllegalTransitionException;
import io.itsm.core.lifecycle.Lifecycle;
import io.itsm.core.repository.IncidentNotFoundException;
import io.itsm.core.repository.IncidentRepository;
import io.itsm.core.repository.StaleVersionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The desk's write path, the one way every command (logging, the lifecycle commands, the due work
 * of a tick) changes an incident:
 *
 * <ol>
 *   <li>load the incident once;
 *   <li>check the actor's access (the permission may depend on the incident);
 *   <li>check the transition against the lifecycle table, with the desk's reopen window;
 *   <li>for a command that ends the incident, record the SLA thresholds and breaches no tick has
 *       recorded yet (a tick no longer looks at a final incident);
 *   <li>run the command's step, which checks its arguments and records events;
 *   <li>check where the events led against the table;
 *   <li>append the events with the version loaded and the incident's next due time;
 *   <li>deliver the events to the listeners, in order per incident.
 * </ol>
 *
 * <p>A command that throws at any step stores nothing. Thread-safe, provided the repository,
 * access policy and listeners are.
 */
public final class CommandExecutor {

  private final Clock clock;
  private final IncidentRepository repository;
  private final AccessPolicy accessPolicy;
  private final Lifecycle lifecycle;
  private final Optional<Duration> reopenClosedWithin;
  private final Optional<SlaRecords> sla;
  private final DueWork dueWork;
  private final OrderedDelivery<IncidentListener, IncidentEvent, Incident> delivery;

  /**
   * Creates the write path of a desk.
   *
   * @param config the desk's config
   * @param sla the SLA records, when the desk has an SLA policy
   * @param dueWork computes the next due time stored with each command
   */
  public CommandExecutor(DeskConfig config, Optional<SlaRecords> sla, DueWork dueWork) {
    this.clock = config.clock();
    this.repository = config.repository();
    this.accessPolicy = config.accessPolicy();
    this.lifecycle = config.lifecycle();
    this.reopenClosedWithin = config.reopenClosedWithin();
    this.sla = sla;
    this.dueWork = dueWork;
    this.delivery = new OrderedDelivery<>(config.listeners(), IncidentListener::onEvent,
        e -> e.type() + " #" + e.sequence() + " of " + e.incidentId());
  }

  /**
   * Loads an incident.
   *
   * @param id the incident id
   * @return the incident
   * @throws IncidentNotFoundException if there is none
   */
  public Incident load(String id) {
    Objects.requireNonNull(id, "id");
    return repository.find(id).orElseThrow(() -> new IncidentNotFoundException(id));
  }

  /**
   * Runs a command at the clock's instant.
   *
   * @param actor who runs it
   * @param id the incident
   * @param command the lifecycle command
   * @param permission what the actor needs
   * @param step the command's body
   * @return the incident after the command
   */
  public Incident execute(Actor actor, String id, Command command, Permission permission,
      CommandStep step) {
    Objects.requireNonNull(permission, "permission");
    return execute(actor, id, command, inc -> permission, step);
  }

  /**
   * Runs a command at the clock's instant whose permission depends on the incident.
   *
   * @param actor who runs it
   * @param id the incident
   * @param command the lifecycle command
   * @param permission what the actor needs, given the incident as loaded
   * @param step the command's body
   * @return the incident after the command
   */
  public Incident execute(Actor actor, String id, Command command,
      Function<Incident, Permission> permission, CommandStep step) {
    Objects.requireNonNull(actor, "actor");
    Incident before = load(id);
    accessPolicy.check(actor, permission.apply(before), Optional.of(before));
    return run(before, actor, command, clock.instant(), step);
  }

  /**
   * Runs due work a tick decided on an incident as it saw it, by {@code "system"} without an
   * access check. If the incident changed since, the work is not done: the change may have done
   * it or made it wrong, and the next tick decides again.
   *
   * @param seen the incident as the tick saw it
   * @param command the lifecycle command
   * @param at the instant of the work
   * @param step the work's body
   * @return the incident after the work
   * @throws StaleVersionException if the incident changed since the tick saw it
   */
  public Incident executeDue(Incident seen, Command command, Instant at, CommandStep step) {
    Incident before = load(seen.id());
    if (before.version() != seen.version()) {
      throw new StaleVersionException(seen.id(), seen.version(), before.version());
    }
    return run(before, Actor.system(), command, at, step);
  }

  /**
   * Stores a new incident whose events (from {@code IncidentLogged} on) a recorder holds.
   *
   * @param r the recorder, started with no incident
   * @return the new incident
   * @throws StaleVersionException if the id exists already
   */
  public Incident create(Recorder r) {
    return commit(r, 0);
  }

  private Incident run(Incident before, Actor actor, Command command, Instant at, CommandStep step) {
    checkTransition(before, command, at);
    Recorder r = new Recorder(before, actor, at.isBefore(before.updatedAt()) ? before.updatedAt() : at);
    if (sla.isPresent() && endsTheIncident(before.status(), command)) {
      sla.get().recordPending(before, r);
    }
    step.run(before, r);
    if (r.isEmpty()) {
      throw new IllegalStateException(command + " recorded no event");
    }
    lifecycle.check(before.id(), before.status(), command, r.state().status());
    return commit(r, before.version());
  }

  private Incident commit(Recorder r, long expectedVersion) {
    List<IncidentEvent> events = r.events();
    Incident state = r.state();
    Optional<Instant> due = dueWork.afterCommand(state, events);
    delivery.storeAndDeliver(state.id(), events, state,
        () -> repository.append(expectedVersion, events, state, due));
    return state;
  }

  /** Whether every target of {@code command} from {@code status} is final (CLOSED, CANCELLED). */
  private boolean endsTheIncident(Status status, Command command) {
    Set<Status> targets = lifecycle.targets(status, command);
    return !targets.isEmpty() && targets.stream().allMatch(Status::isFinal);
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
}
