package io.itsm.core.review.internal;

import java.util.Objects;

/**
 * The parts of one {@link io.itsm.core.review.Reviews}, made from its context.
 *
 * @param ctx the settings and stores
 * @param opening opens reviews, by hand or by policy
 * @param commands the commands on reviews
 * @param actionCommands the commands on preventive actions
 * @param ladder starts actions, closes finished reviews, runs the due work
 * @param reads the queries
 */
public record ReviewParts(ReviewContext ctx, ReviewOpening opening, ReviewCommands commands,
    ActionCommands actionCommands, ActionLadder ladder, ReviewReads reads) {

  /**
   * Makes the parts.
   *
   * @param ctx the context
   * @return the parts
   */
  public static ReviewParts of(ReviewContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    ReviewOpening opening = new ReviewOpening(ctx);
    ActionLadder ladder = new ActionLadder(ctx);
    return new ReviewParts(ctx, opening, new ReviewCommands(ctx, opening, ladder),
        new ActionCommands(ctx, ladder), ladder, new ReviewReads(ctx));
  }
}
