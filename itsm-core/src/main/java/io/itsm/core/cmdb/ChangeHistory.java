package io.itsm.core.cmdb;

import io.itsm.core.ValidationException;
import io.itsm.core.approval.ApprovalStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rebuilds a change request's state from its events.
 *
 * <p>Stateless and thread-safe.
 */
public final class ChangeHistory {

  private ChangeHistory() {}

  /**
   * Applies one event to a state.
   *
   * @param state the state before, or {@code null} before the first event
   * @param e the event
   * @return the state after
   * @throws ValidationException if the event does not fit (sequence, first event, change)
   */
  public static ChangeRequest apply(ChangeRequest state, ChangeEvent e) {
    Objects.requireNonNull(e, "event");
    long expected = state == null ? 1 : state.version() + 1;
    if (e.sequence() != expected) {
      throw new ValidationException("event " + e.type() + " of " + e.changeId() + " must have sequence "
          + expected + ", but had " + e.sequence());
    }
    if (state == null) {
      if (!(e instanceof ChangeRequested r)) {
        throw new ValidationException("the history of change " + e.changeId()
            + " must start with ChangeRequested, but started with " + e.type());
      }
      return new ChangeRequest(r.changeId(), r.plan(), r.assessment(), r.risk(),
          ChangeStatus.PENDING_APPROVAL, r.approval(), r.actor(), r.at(), r.at(), Optional.empty(),
          Optional.empty(), 1);
    }
    if (!e.changeId().equals(state.id())) {
      throw new ValidationException("event " + e.type() + " is of change " + e.changeId() + ", not "
          + state.id());
    }
    long v = e.sequence();
    if (e instanceof ChangeRequested) {
      throw new ValidationException("change " + state.id() + " is already requested");
    } else if (e instanceof ChangeApprovalDecided d) {
      ChangeStatus s = d.approval().status() == ApprovalStatus.APPROVED ? ChangeStatus.APPROVED
          : d.approval().status() == ApprovalStatus.REJECTED ? ChangeStatus.REJECTED
          : ChangeStatus.PENDING_APPROVAL;
      ChangeRequest next = state.withApproval(d.approval()).withStatus(s, e.at(), v);
      return s == ChangeStatus.REJECTED ? next.withOutcome(d.comment()) : next;
    } else if (e instanceof ChangeStarted s) {
      return state.withImplementer(s.actor()).withStatus(ChangeStatus.IN_PROGRESS, e.at(), v);
    } else if (e instanceof ChangeImplemented i) {
      return state.withOutcome(i.notes()).withStatus(ChangeStatus.IMPLEMENTED, e.at(), v);
    } else if (e instanceof ChangeVerified ver) {
      return state.withOutcome(ver.notes()).withStatus(ChangeStatus.COMPLETED, e.at(), v);
    } else if (e instanceof ChangeFailed f) {
      return state.withOutcome(f.reason()).withStatus(ChangeStatus.FAILED, e.at(), v);
    } else {
      return state.withOutcome(((ChangeCancelled) e).reason())
          .withStatus(ChangeStatus.CANCELLED, e.at(), v);
    }
  }

  /**
   * Rebuilds a state from a whole history.
   *
   * @param events the events, oldest first; not empty
   * @return the state after the last
   * @throws ValidationException if the history is empty or an event does not fit
   */
  public static ChangeRequest replay(List<? extends ChangeEvent> events) {
    if (Objects.requireNonNull(events, "events").isEmpty()) {
      throw new ValidationException("a change request's history must not be empty");
    }
    ChangeRequest state = null;
    for (ChangeEvent e : events) {
      state = apply(state, e);
    }
    return state;
  }
}
