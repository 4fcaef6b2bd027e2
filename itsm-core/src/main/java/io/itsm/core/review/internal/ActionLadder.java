package io.itsm.core.review.internal;

import static io.itsm.core.review.internal.ReviewContext.FAILURES;
import static io.itsm.core.review.internal.ReviewContext.LOG;

import io.itsm.core.StaleRecordException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalStatus;
import io.itsm.core.escalation.EscalationAction;
import io.itsm.core.event.EscalationKind;
import io.itsm.core.event.Provenance;
import io.itsm.core.review.ActionQuery;
import io.itsm.core.review.PlannedAction;
import io.itsm.core.review.PostIncidentReview;
import io.itsm.core.review.PreventiveAction;
import io.itsm.core.review.PreventiveActionEscalated;
import io.itsm.core.review.PreventiveActionOpened;
import io.itsm.core.review.ReviewApprovalExpired;
import io.itsm.core.review.ReviewClosed;
import io.itsm.core.review.ReviewQuery;
import io.itsm.core.review.ReviewStatus;
import io.itsm.core.review.Reviews;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The life of an approved review's preventive actions apart from their commands: starting them,
 * closing the review when they are all finished, and the due work of {@link Reviews#tick(Instant)}
 * (approvals expiring, actions started late, overdue actions escalated). Thread-safe.
 */
public final class ActionLadder {

  private final ReviewContext ctx;

  /**
   * Makes the ladder.
   *
   * @param ctx the context
   */
  public ActionLadder(ReviewContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  /**
   * Starts the review's planned actions that have not started; a failure is logged and left for
   * the next tick.
   *
   * @param review the approved review
   * @param actor who starts them
   * @return the actions started now
   */
  public List<PreventiveAction> startActions(PostIncidentReview review, Actor actor) {
    List<PreventiveAction> out = new ArrayList<>();
    List<PlannedAction> planned = review.plannedActions();
    Instant approvedAt = review.updatedAt();
    for (int i = 0; i < review.actionIds().size(); i++) {
      String id = review.actionIds().get(i);
      if (ctx.actions().find(id).isPresent()) {
        continue;
      }
      PlannedAction p = planned.get(i);
      try {
        Instant now = ctx.clock().instant();
        Instant at = now.isBefore(approvedAt) ? approvedAt : now;
        out.add(ctx.actionWriter().create(id, actor, at, rec -> rec.record(
            new PreventiveActionOpened(id, rec.seq(), rec.now(), actor.id(), review.id(),
                p.title(), p.owner(), p.team(), p.dueAt(), p.implementedBy()))));
      } catch (RuntimeException e) {
        FAILURES.warn("starting preventive action " + id + " of review " + review.id()
            + " failed; the next tick starts it", e);
      }
    }
    return out;
  }

  /**
   * Closes an approved review whose actions are all finished, if reviews close by themselves.
   *
   * @param reviewId the review
   * @return the review closed now, or empty
   */
  public Optional<PostIncidentReview> closeIfDone(String reviewId) {
    if (!ctx.closeWhenActionsDone()) {
      return Optional.empty();
    }
    Optional<PostIncidentReview> found = ctx.reviews().find(reviewId);
    if (found.isEmpty() || found.get().status() != ReviewStatus.APPROVED) {
      return Optional.empty();
    }
    PostIncidentReview r = found.get();
    for (String id : r.actionIds()) {
      Optional<PreventiveAction> a = ctx.actions().find(id);
      if (a.isEmpty() || !a.get().status().isFinished()) {
        return Optional.empty();
      }
    }
    int n = r.actionIds().size();
    try {
      return Optional.of(ctx.reviewWriter().update(r.id(), Actor.system(), ctx.clock().instant(),
          (cur, rec) -> {
            ReviewContext.requireUnchanged(cur, r);
            rec.record(new ReviewClosed(cur.id(), rec.seq(), rec.now(), Actor.SYSTEM_ID,
                "all " + n + " preventive action" + (n == 1 ? " is" : "s are")
                    + " done or cancelled"));
          }));
    } catch (StaleRecordException e) {
      LOG.debug("closing review {} met a concurrent change; the next tick closes it", reviewId);
      return Optional.empty();
    }
  }

  /**
   * Runs what is due at an instant; see {@link Reviews#tick(Instant)}.
   *
   * @param now the instant
   * @return what changed
   */
  public Reviews.TickResult tick(Instant now) {
    Objects.requireNonNull(now, "now");
    Actor system = Actor.system();
    Map<String, PostIncidentReview> changedReviews = new LinkedHashMap<>();
    Map<String, PreventiveAction> changedActions = new LinkedHashMap<>();
    for (PostIncidentReview r : ctx.reviews().find(
        ReviewQuery.all().withStatus(ReviewStatus.PENDING_APPROVAL))) {
      Approval a = r.approval().orElseThrow();
      Approval expired = a.expireIfDue(now);
      if (expired.status() == ApprovalStatus.EXPIRED) {
        Instant at = a.dueAt().orElse(now);
        tryTick(() -> changedReviews.put(r.id(), ctx.reviewWriter().update(r.id(), system, at,
            (cur, rec) -> {
              ReviewContext.requireUnchanged(cur, r);
              rec.record(new ReviewApprovalExpired(cur.id(), rec.seq(), rec.now(), system.id(),
                  cur.approval().orElseThrow().expireIfDue(now)));
            })));
      }
    }
    for (PostIncidentReview r : ctx.reviews().find(
        ReviewQuery.all().withStatus(ReviewStatus.APPROVED))) {
      for (PreventiveAction started : startActions(r, system)) {
        changedActions.put(started.id(), started);
      }
      closeIfDone(r.id()).ifPresent(c -> changedReviews.put(c.id(), c));
    }
    for (PreventiveAction a : ctx.actions().find(ActionQuery.open().withOverdueAt(now))) {
      escalate(a, now, system).ifPresent(x -> changedActions.put(x.id(), x));
    }
    return new Reviews.TickResult(List.copyOf(changedReviews.values()),
        List.copyOf(changedActions.values()));
  }

  /** Tells the roles the escalation policy names for an overdue action and were not told yet. */
  private Optional<PreventiveAction> escalate(PreventiveAction a, Instant now, Actor system) {
    List<EscalationAction> decided;
    try {
      decided = List.copyOf(Objects.requireNonNull(ctx.escalation().decide(a, now),
          "escalation actions"));
    } catch (RuntimeException e) {
      FAILURES.warn("action escalation policy failed for " + a.id() + "; skipped this tick", e);
      return Optional.empty();
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
      return Optional.empty();
    }
    List<PreventiveAction> changed = new ArrayList<>(1);
    tryTick(() -> changed.add(ctx.actionWriter().update(a.id(), system, now, (cur, rec) -> {
      if (cur.version() != a.version()) {
        throw new StaleRecordException("preventive action", cur.id(), a.version(),
            cur.version());
      }
      for (EscalationAction x : todo) {
        rec.record(new PreventiveActionEscalated(cur.id(), rec.seq(), rec.now(), system.id(),
            x.notified().orElseThrow(), cur.dueAt(), x.reason(),
            Provenance.rule(x.rule(), x.reason())));
      }
    })));
    return changed.stream().findFirst();
  }

  private static void tryTick(Runnable r) {
    try {
      r.run();
    } catch (StaleRecordException e) {
      LOG.debug("tick left a record changed concurrently: {}", e.getMessage());
    }
  }
}
