package io.itsm.core.review.internal;

import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.review.ActionQuery;
import io.itsm.core.review.PostIncidentReview;
import io.itsm.core.review.PreventiveAction;
import io.itsm.core.review.PreventiveActionEvent;
import io.itsm.core.review.ReviewEvent;
import io.itsm.core.review.ReviewQuery;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The queries on reviews and preventive actions, with their access checks: reading needs {@link
 * Permission#VIEW_ALL}; an action's owner sees their own actions. The contracts are those of the
 * same-named methods of {@link io.itsm.core.review.Reviews}. Thread-safe.
 */
public final class ReviewReads {

  private final ReviewContext ctx;

  /**
   * Makes the queries.
   *
   * @param ctx the context
   */
  public ReviewReads(ReviewContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  /**
   * See {@link io.itsm.core.review.Reviews#get}.
   *
   * @param actor who asks
   * @param reviewId the review
   * @return the review
   */
  public PostIncidentReview get(Actor actor, String reviewId) {
    ctx.checkView(actor);
    return ctx.reviewWriter().load(reviewId);
  }

  /**
   * See {@link io.itsm.core.review.Reviews#find}.
   *
   * @param actor who asks
   * @param query the criteria
   * @return the reviews, ordered by id
   */
  public List<PostIncidentReview> find(Actor actor, ReviewQuery query) {
    ctx.checkView(actor);
    return ctx.reviews().find(Objects.requireNonNull(query, "query"));
  }

  /**
   * See {@link io.itsm.core.review.Reviews#history}.
   *
   * @param actor who asks
   * @param reviewId the review
   * @return the events, oldest first
   */
  public List<ReviewEvent> history(Actor actor, String reviewId) {
    return ctx.reviews().history(get(actor, reviewId).id());
  }

  /**
   * See {@link io.itsm.core.review.Reviews#action}.
   *
   * @param actor who asks
   * @param actionId the action
   * @return the action
   */
  public PreventiveAction action(Actor actor, String actionId) {
    Objects.requireNonNull(actor, "actor");
    PreventiveAction a = ctx.actionWriter().load(actionId);
    if (!a.owner().equals(actor.id())) {
      ctx.checkView(actor);
    }
    return a;
  }

  /**
   * See {@link io.itsm.core.review.Reviews#findActions}.
   *
   * @param actor who asks
   * @param query the criteria
   * @return the actions, ordered by id
   */
  public List<PreventiveAction> findActions(Actor actor, ActionQuery query) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(query, "query");
    if (ctx.accessPolicy().permits(actor, Permission.VIEW_ALL, Optional.empty())) {
      return ctx.actions().find(query);
    }
    return ctx.actions().find(query.withOwner(actor.id()));
  }

  /**
   * See {@link io.itsm.core.review.Reviews#actionHistory}.
   *
   * @param actor who asks
   * @param actionId the action
   * @return the events, oldest first
   */
  public List<PreventiveActionEvent> actionHistory(Actor actor, String actionId) {
    return ctx.actions().history(action(actor, actionId).id());
  }
}
