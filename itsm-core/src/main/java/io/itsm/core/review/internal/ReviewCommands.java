package io.itsm.core.review.internal;

import io.itsm.core.RecordStateException;
import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalStatus;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.Verdict;
import io.itsm.core.improvement.internal.Recorder;
import io.itsm.core.review.PlannedAction;
import io.itsm.core.review.PostIncidentReview;
import io.itsm.core.review.PreventiveAction;
import io.itsm.core.review.ReviewActionDropped;
import io.itsm.core.review.ReviewActionPlanned;
import io.itsm.core.review.ReviewApprovalDecided;
import io.itsm.core.review.ReviewApproved;
import io.itsm.core.review.ReviewCancelled;
import io.itsm.core.review.ReviewClosed;
import io.itsm.core.review.ReviewEvent;
import io.itsm.core.review.ReviewFindingsRecorded;
import io.itsm.core.review.ReviewStatus;
import io.itsm.core.review.ReviewSubmitted;
import io.itsm.core.review.ReviewTimelineAssembled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The commands on a review after it is opened: reassemble, record findings, plan and drop
 * actions, submit, decide, close, cancel. The contracts are those of the same-named methods of
 * {@link io.itsm.core.review.Reviews}. Thread-safe.
 */
public final class ReviewCommands {

  private final ReviewContext ctx;
  private final ReviewOpening opening;
  private final ActionLadder ladder;

  /**
   * Makes the commands.
   *
   * @param ctx the context
   * @param opening assembles timelines again
   * @param ladder starts the actions of an approved review
   */
  public ReviewCommands(ReviewContext ctx, ReviewOpening opening, ActionLadder ladder) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.opening = Objects.requireNonNull(opening, "opening");
    this.ladder = Objects.requireNonNull(ladder, "ladder");
  }

  /**
   * See {@link io.itsm.core.review.Reviews#reassemble}.
   *
   * @param actor who asks
   * @param reviewId the review
   * @return the review after the change
   */
  public PostIncidentReview reassemble(Actor actor, String reviewId) {
    return command(actor, reviewId, "reassemble", (r, rec) -> {
      TimelineAssembler.Assembled a = opening.assemble(r.scope(), rec.now());
      rec.record(new ReviewTimelineAssembled(r.id(), rec.seq(), rec.now(), actor.id(),
          a.timeline(), a.impact()));
    });
  }

  /**
   * See {@link io.itsm.core.review.Reviews#recordFindings}.
   *
   * @param actor who records them
   * @param reviewId the review
   * @param rootCause the root cause
   * @param contributingFactors the contributing factors
   * @param lessons the lessons
   * @return the review after the change
   */
  public PostIncidentReview recordFindings(Actor actor, String reviewId, String rootCause,
      List<String> contributingFactors, List<String> lessons) {
    Objects.requireNonNull(rootCause, "rootCause");
    Objects.requireNonNull(contributingFactors, "contributingFactors");
    Objects.requireNonNull(lessons, "lessons");
    return command(actor, reviewId, "recordFindings",
        (r, rec) -> rec.record(new ReviewFindingsRecorded(r.id(), rec.seq(), rec.now(),
            actor.id(), rootCause.strip(), strip(contributingFactors), strip(lessons))));
  }

  /**
   * See {@link io.itsm.core.review.Reviews#planAction}.
   *
   * @param actor who plans it
   * @param reviewId the review
   * @param action the action
   * @return the review after the change
   */
  public PostIncidentReview planAction(Actor actor, String reviewId, PlannedAction action) {
    Objects.requireNonNull(action, "action");
    return command(actor, reviewId, "planAction", (r, rec) -> {
      requireFuture(action, rec.now());
      rec.record(new ReviewActionPlanned(r.id(), rec.seq(), rec.now(), actor.id(), action));
    });
  }

  /**
   * See {@link io.itsm.core.review.Reviews#dropAction}.
   *
   * @param actor who drops it
   * @param reviewId the review
   * @param title the action's title
   * @param reason why, or {@code null}
   * @return the review after the change
   */
  public PostIncidentReview dropAction(Actor actor, String reviewId, String title,
      String reason) {
    Objects.requireNonNull(title, "title");
    return command(actor, reviewId, "dropAction", (r, rec) -> {
      if (r.plannedAction(title).isEmpty()) {
        throw new ValidationException("review " + r.id() + " plans no action titled '" + title
            + "'; planned: " + r.plannedActions().stream().map(PlannedAction::title).toList());
      }
      rec.record(new ReviewActionDropped(r.id(), rec.seq(), rec.now(), actor.id(), title,
          reason == null ? "" : reason.strip()));
    });
  }

  /**
   * See {@link io.itsm.core.review.Reviews#submit}.
   *
   * @param actor who submits it
   * @param reviewId the review
   * @return the review after the change
   */
  public PostIncidentReview submit(Actor actor, String reviewId) {
    return command(actor, reviewId, "submit", (r, rec) -> {
      if (r.rootCause().isEmpty()) {
        throw new RecordStateException("post-incident review", r.id(), "DRAFT without findings",
            "submit", "DRAFT with its root cause recorded", "record the findings first");
      }
      for (PlannedAction a : r.plannedActions()) {
        requireFuture(a, rec.now());
      }
      long n = ctx.reviews().history(r.id()).stream()
          .filter(e -> e instanceof ReviewSubmitted).count();
      Approval approval = ctx.approvalTerms().request(r.id() + "-APR-" + (n + 1),
          new ApprovalSubject(ApprovalSubject.Kind.INCIDENT_REPORT, r.id()), actor.id(),
          rec.now());
      rec.record(new ReviewSubmitted(r.id(), rec.seq(), rec.now(), actor.id(), approval));
    });
  }

  /**
   * See {@link io.itsm.core.review.Reviews#decide}.
   *
   * @param actor an approver
   * @param reviewId the review
   * @param verdict approve or reject
   * @param comment the comment, or {@code null}
   * @return the review after the decision
   */
  public PostIncidentReview decide(Actor actor, String reviewId, Verdict verdict,
      String comment) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(verdict, "verdict");
    String c = comment == null ? "" : comment.strip();
    ctx.accessPolicy().check(actor, Permission.DECIDE_APPROVAL, Optional.empty());
    List<String> started = new ArrayList<>();
    PostIncidentReview after = ctx.reviewWriter().update(reviewId, actor, ctx.clock().instant(),
        (r, rec) -> {
          requireStatus(r, "decide", ReviewStatus.PENDING_APPROVAL);
          Approval decided = r.approval().orElseThrow().decide(actor, verdict, c, rec.now());
          rec.record(new ReviewApprovalDecided(r.id(), rec.seq(), rec.now(), actor.id(),
              decided, verdict, c));
          if (decided.status() == ApprovalStatus.APPROVED) {
            List<String> ids = new ArrayList<>();
            r.plannedActions().forEach(a -> ids.add(ctx.actionIds().get()));
            rec.record(new ReviewApproved(r.id(), rec.seq(), rec.now(), actor.id(), ids));
            started.addAll(ids);
            if (ids.isEmpty() && ctx.closeWhenActionsDone()) {
              rec.record(new ReviewClosed(r.id(), rec.seq(), rec.now(), Actor.SYSTEM_ID,
                  "approved without preventive actions"));
            }
          }
        });
    if (!started.isEmpty()) {
      ladder.startActions(after, actor);
    }
    return ctx.reviewWriter().load(reviewId);
  }

  /**
   * See {@link io.itsm.core.review.Reviews#close}.
   *
   * @param actor who closes it
   * @param reviewId the review
   * @param note a closing note, or {@code null}
   * @return the review after the change
   */
  public PostIncidentReview close(Actor actor, String reviewId, String note) {
    return command(actor, reviewId, "close", ReviewStatus.APPROVED, (r, rec) -> {
      List<String> open = new ArrayList<>();
      for (String id : r.actionIds()) {
        Optional<PreventiveAction> a = ctx.actions().find(id);
        if (a.isEmpty() || !a.get().status().isFinished()) {
          open.add(a.map(x -> x.id() + " '" + x.title() + "' (" + x.status() + ", owner "
              + x.owner() + ", due " + x.dueAt() + ")").orElse(id + " (not started yet)"));
        }
      }
      if (!open.isEmpty()) {
        throw new RecordStateException("post-incident review", r.id(), "APPROVED with "
            + open.size() + " open preventive action" + (open.size() == 1 ? "" : "s"), "close",
            "APPROVED with every preventive action DONE or CANCELLED",
            "open: " + String.join("; ", open));
      }
      rec.record(new ReviewClosed(r.id(), rec.seq(), rec.now(), actor.id(),
          note == null ? "" : note.strip()));
    });
  }

  /**
   * See {@link io.itsm.core.review.Reviews#cancel}.
   *
   * @param actor who cancels it
   * @param reviewId the review
   * @param reason why
   * @return the review after the change
   */
  public PostIncidentReview cancel(Actor actor, String reviewId, String reason) {
    Objects.requireNonNull(reason, "reason");
    return command(actor, reviewId, "cancel", (r, rec) -> {
      if (reason.isBlank()) {
        throw new ValidationException("cancelling review " + r.id() + " needs a reason");
      }
      rec.record(new ReviewCancelled(r.id(), rec.seq(), rec.now(), actor.id(), reason.strip()));
    });
  }

  private PostIncidentReview command(Actor actor, String reviewId, String command,
      BiConsumer<PostIncidentReview, Recorder<PostIncidentReview, ReviewEvent>> step) {
    return command(actor, reviewId, command, ReviewStatus.DRAFT, step);
  }

  private PostIncidentReview command(Actor actor, String reviewId, String command,
      ReviewStatus legal,
      BiConsumer<PostIncidentReview, Recorder<PostIncidentReview, ReviewEvent>> step) {
    Objects.requireNonNull(actor, "actor");
    ctx.accessPolicy().check(actor, Permission.REVIEW_MANAGE, Optional.empty());
    return ctx.reviewWriter().update(reviewId, actor, ctx.clock().instant(), (r, rec) -> {
      requireStatus(r, command, legal);
      step.accept(r, rec);
    });
  }

  private static void requireStatus(PostIncidentReview r, String command, ReviewStatus legal) {
    if (r.status() != legal) {
      String hint = switch (r.status()) {
        case APPROVED -> "it was approved already" + r.approval().map(a -> " (" + a.id() + ")")
            .orElse("") + "; its preventive actions run";
        case CLOSED, CANCELLED -> "it is final";
        case PENDING_APPROVAL -> "it waits for approval " + r.approval().map(Approval::id)
            .orElse("");
        case DRAFT -> "submit it first";
      };
      throw new RecordStateException("post-incident review", r.id(), r.status().name(), command,
          legal.name(), hint);
    }
  }

  private static List<String> strip(Collection<String> lines) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(Objects.requireNonNull(l, "line").strip());
    }
    return out;
  }

  private static void requireFuture(PlannedAction a, Instant now) {
    if (!a.dueAt().isAfter(now)) {
      throw new ValidationException("the due time of preventive action '" + a.title()
          + "' must be in the future (after " + now + "), but was " + a.dueAt()
          + "; plan it again with a later due time");
    }
  }
}
