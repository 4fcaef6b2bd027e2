package io.itsm.core.review;

import io.itsm.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds a preventive action from its events, checking that each is legal in the state it
 * finds: OPEN → IN_PROGRESS (started); OPEN or IN_PROGRESS → DONE (with evidence) or CANCELLED
 * (with a reason); while not finished it may be reassigned, rescheduled (which restarts its
 * escalation ladder), linked and escalated. {@link Reviews} computes every new state this way.
 *
 * <p>Stateless and thread-safe.
 */
public final class PreventiveActionHistory {

  private PreventiveActionHistory() {}

  /**
   * Rebuilds an action from its whole history.
   *
   * @param events the history, oldest first, starting with {@link PreventiveActionOpened}
   * @return the action after the last event
   * @throws ValidationException if the history is empty or an event does not follow
   */
  public static PreventiveAction replay(List<? extends PreventiveActionEvent> events) {
    Objects.requireNonNull(events, "events");
    if (events.isEmpty()) {
      throw new ValidationException("a preventive action history must not be empty: it starts"
          + " with PreventiveActionOpened");
    }
    PreventiveAction a = null;
    for (PreventiveActionEvent e : events) {
      a = apply(a, e);
    }
    return a;
  }

  /**
   * Applies one event to an action.
   *
   * @param current the action before the event, or {@code null} for the first event
   * @param event the event
   * @return the action after it
   * @throws ValidationException if the event belongs to another action, is out of order, or is
   *     not legal in the action's status
   */
  public static PreventiveAction apply(PreventiveAction current, PreventiveActionEvent event) {
    Objects.requireNonNull(event, "event");
    if (current == null) {
      if (!(event instanceof PreventiveActionOpened o)) {
        throw new ValidationException("the history of preventive action " + event.actionId()
            + " must start with PreventiveActionOpened, but started with " + event.type());
      }
      return new PreventiveAction(o.actionId(), o.reviewId(), o.title(), o.owner(), o.team(),
          o.dueAt(), ActionStatus.OPEN, o.implementedBy(), Optional.empty(), Optional.empty(),
          List.of(), o.at(), o.at(), Optional.empty(), 1);
    }
    if (!current.id().equals(event.actionId())) {
      throw new ValidationException("event " + event.type() + " #" + event.sequence()
          + " belongs to preventive action " + event.actionId() + ", not to " + current.id());
    }
    if (event.sequence() != current.version() + 1) {
      throw new ValidationException("events out of order for preventive action " + current.id()
          + ": expected sequence " + (current.version() + 1) + ", but was " + event.sequence());
    }
    if (event.at().isBefore(current.updatedAt())) {
      throw new ValidationException("events out of order for preventive action " + current.id()
          + ": " + event.type() + " at " + event.at() + " is before the last change at "
          + current.updatedAt());
    }
    PreventiveAction a = current;
    long v = event.sequence();
    if (a.status().isFinished()) {
      throw new ValidationException(event.type() + " #" + event.sequence()
          + " of preventive action " + a.id() + " is not legal: it is " + a.status() + " (final)");
    }
    if (event instanceof PreventiveActionStarted s) {
      require(a, event, ActionStatus.OPEN);
      return copy(a, a.owner(), a.team(), a.dueAt(), ActionStatus.IN_PROGRESS, a.implementedBy(),
          a.evidence(), a.cancelReason(), a.escalations(), s.at(), a.finishedAt(), v);
    }
    if (event instanceof PreventiveActionReassigned r) {
      return copy(a, r.owner(), r.team(), a.dueAt(), a.status(), a.implementedBy(), a.evidence(),
          a.cancelReason(), a.escalations(), r.at(), a.finishedAt(), v);
    }
    if (event instanceof PreventiveActionRescheduled r) {
      return copy(a, a.owner(), a.team(), r.dueAt(), a.status(), a.implementedBy(), a.evidence(),
          a.cancelReason(), List.of(), r.at(), a.finishedAt(), v);
    }
    if (event instanceof PreventiveActionLinked l) {
      return copy(a, a.owner(), a.team(), a.dueAt(), a.status(), Optional.of(l.implementedBy()),
          a.evidence(), a.cancelReason(), a.escalations(), l.at(), a.finishedAt(), v);
    }
    if (event instanceof PreventiveActionCompleted c) {
      return copy(a, a.owner(), a.team(), a.dueAt(), ActionStatus.DONE, a.implementedBy(),
          Optional.of(c.evidence()), a.cancelReason(), a.escalations(), c.at(),
          Optional.of(c.at()), v);
    }
    if (event instanceof PreventiveActionCancelled c) {
      return copy(a, a.owner(), a.team(), a.dueAt(), ActionStatus.CANCELLED, a.implementedBy(),
          a.evidence(), Optional.of(c.reason()), a.escalations(), c.at(), Optional.of(c.at()), v);
    }
    if (event instanceof PreventiveActionEscalated e) {
      List<ActionEscalation> escalations = new ArrayList<>(a.escalations());
      escalations.add(new ActionEscalation(e.decidedBy().name(), e.notified(), e.at()));
      return copy(a, a.owner(), a.team(), a.dueAt(), a.status(), a.implementedBy(), a.evidence(),
          a.cancelReason(), escalations, e.at(), a.finishedAt(), v);
    }
    throw new ValidationException("preventive action " + a.id() + " cannot be opened twice: "
        + event.type() + " #" + event.sequence());
  }

  private static void require(PreventiveAction a, PreventiveActionEvent e, ActionStatus... legal) {
    if (!Set.of(legal).contains(a.status())) {
      throw new ValidationException(e.type() + " #" + e.sequence() + " of preventive action "
          + a.id() + " is legal only when " + List.of(legal) + ", but it is " + a.status());
    }
  }

  private static PreventiveAction copy(PreventiveAction a, String owner, String team,
      java.time.Instant dueAt, ActionStatus status, Optional<io.itsm.core.improvement.RecordRef> ref,
      Optional<String> evidence, Optional<String> cancelReason, List<ActionEscalation> escalations,
      java.time.Instant at, Optional<java.time.Instant> finishedAt, long version) {
    return new PreventiveAction(a.id(), a.reviewId(), a.title(), owner, team, dueAt, status, ref,
        evidence, cancelReason, escalations, a.openedAt(), at, finishedAt, version);
  }
}
