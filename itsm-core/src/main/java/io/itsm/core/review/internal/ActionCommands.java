package io.itsm.core.review.internal;

import io.itsm.core.RecordStateException;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.improvement.RecordRef;
import io.itsm.core.improvement.internal.Recorder;
import io.itsm.core.review.ActionStatus;
import io.itsm.core.review.PreventiveAction;
import io.itsm.core.review.PreventiveActionCancelled;
import io.itsm.core.review.PreventiveActionCompleted;
import io.itsm.core.review.PreventiveActionEvent;
import io.itsm.core.review.PreventiveActionLinked;
import io.itsm.core.review.PreventiveActionReassigned;
import io.itsm.core.review.PreventiveActionRescheduled;
import io.itsm.core.review.PreventiveActionStarted;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The commands on a started preventive action: start, complete, cancel, reassign, reschedule,
 * link. Who may: its owner (where the command allows) or a holder of {@link
 * Permission#PREVENTIVE_ACTION_MANAGE}. The contracts are those of the same-named methods of
 * {@link io.itsm.core.review.Reviews}. Thread-safe.
 */
public final class ActionCommands {

  private static final Set<ActionStatus> OPEN_ACTIONS =
      EnumSet.of(ActionStatus.OPEN, ActionStatus.IN_PROGRESS);

  private final ReviewContext ctx;
  private final ActionLadder ladder;

  /**
   * Makes the commands.
   *
   * @param ctx the context
   * @param ladder closes a review when its last action finishes
   */
  public ActionCommands(ReviewContext ctx, ActionLadder ladder) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.ladder = Objects.requireNonNull(ladder, "ladder");
  }

  /**
   * See {@link io.itsm.core.review.Reviews#startAction}.
   *
   * @param actor who starts it
   * @param actionId the action
   * @return the action after the change
   */
  public PreventiveAction start(Actor actor, String actionId) {
    return command(actor, actionId, "start", true, Set.of(ActionStatus.OPEN), (a, rec) ->
        rec.record(new PreventiveActionStarted(a.id(), rec.seq(), rec.now(), actor.id())));
  }

  /**
   * See {@link io.itsm.core.review.Reviews#completeAction}.
   *
   * @param actor who completes it
   * @param actionId the action
   * @param evidence what shows it is done
   * @return the action after the change
   */
  public PreventiveAction complete(Actor actor, String actionId, String evidence) {
    Objects.requireNonNull(evidence, "evidence");
    PreventiveAction a = command(actor, actionId, "complete", true, OPEN_ACTIONS, (x, rec) -> {
      if (evidence.isBlank()) {
        throw new ValidationException("completing preventive action " + x.id()
            + " needs evidence that it is done (a change id, a test, a link)");
      }
      rec.record(new PreventiveActionCompleted(x.id(), rec.seq(), rec.now(), actor.id(),
          evidence.strip()));
    });
    ladder.closeIfDone(a.reviewId());
    return a;
  }

  /**
   * See {@link io.itsm.core.review.Reviews#cancelAction}.
   *
   * @param actor who cancels it
   * @param actionId the action
   * @param reason why
   * @return the action after the change
   */
  public PreventiveAction cancel(Actor actor, String actionId, String reason) {
    Objects.requireNonNull(reason, "reason");
    PreventiveAction a = command(actor, actionId, "cancel", false, OPEN_ACTIONS, (x, rec) -> {
      if (reason.isBlank()) {
        throw new ValidationException("cancelling preventive action " + x.id()
            + " needs a reason");
      }
      rec.record(new PreventiveActionCancelled(x.id(), rec.seq(), rec.now(), actor.id(),
          reason.strip()));
    });
    ladder.closeIfDone(a.reviewId());
    return a;
  }

  /**
   * See {@link io.itsm.core.review.Reviews#reassignAction}.
   *
   * @param actor who reassigns it
   * @param actionId the action
   * @param owner the new owner
   * @param team the new owner's team
   * @param reason why, or {@code null}
   * @return the action after the change
   */
  public PreventiveAction reassign(Actor actor, String actionId, String owner, String team,
      String reason) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(team, "team");
    return command(actor, actionId, "reassign", false, OPEN_ACTIONS, (a, rec) -> {
      if (owner.isBlank() || team.isBlank()) {
        throw new ValidationException("reassigning preventive action " + a.id()
            + " needs an owner and a team, but was owner '" + owner + "', team '" + team + "'");
      }
      rec.record(new PreventiveActionReassigned(a.id(), rec.seq(), rec.now(), actor.id(),
          owner.strip(), team.strip(), reason == null ? "" : reason.strip()));
    });
  }

  /**
   * See {@link io.itsm.core.review.Reviews#rescheduleAction}.
   *
   * @param actor who reschedules it
   * @param actionId the action
   * @param dueAt the new due time
   * @param reason why
   * @return the action after the change
   */
  public PreventiveAction reschedule(Actor actor, String actionId, Instant dueAt,
      String reason) {
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(reason, "reason");
    return command(actor, actionId, "reschedule", true, OPEN_ACTIONS, (a, rec) -> {
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
   * See {@link io.itsm.core.review.Reviews#linkAction}.
   *
   * @param actor who links it
   * @param actionId the action
   * @param implementedBy the record
   * @return the action after the change
   */
  public PreventiveAction link(Actor actor, String actionId, RecordRef implementedBy) {
    Objects.requireNonNull(implementedBy, "implementedBy");
    return command(actor, actionId, "link", true, OPEN_ACTIONS, (a, rec) -> {
      switch (implementedBy.kind()) {
        case CHANGE, PROBLEM, KNOWLEDGE_ARTICLE -> { }
        default -> throw new ValidationException("a preventive action is implemented by a CHANGE,"
            + " PROBLEM or KNOWLEDGE_ARTICLE, but was " + implementedBy);
      }
      rec.record(new PreventiveActionLinked(a.id(), rec.seq(), rec.now(), actor.id(),
          implementedBy));
    });
  }

  private PreventiveAction command(Actor actor, String actionId, String command,
      boolean ownerMay, Set<ActionStatus> legal,
      BiConsumer<PreventiveAction, Recorder<PreventiveAction, PreventiveActionEvent>> step) {
    Objects.requireNonNull(actor, "actor");
    return ctx.actionWriter().update(actionId, actor, ctx.clock().instant(), (a, rec) -> {
      boolean manager = ctx.accessPolicy().permits(actor, Permission.PREVENTIVE_ACTION_MANAGE,
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
}
