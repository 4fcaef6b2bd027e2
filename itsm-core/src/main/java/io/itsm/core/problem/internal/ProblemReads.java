package io.itsm.core.problem.internal;

import io.itsm.core.access.Actor;
import io.itsm.core.problem.Problem;
import io.itsm.core.problem.ProblemEvent;
import io.itsm.core.problem.ProblemQuery;
import java.util.List;
import java.util.Objects;

/**
 * The queries on problems; reading needs {@link io.itsm.core.access.Permission#VIEW_ALL}. The
 * contracts are those of the same-named methods of {@link io.itsm.core.problem.Problems}.
 * Thread-safe.
 */
public final class ProblemReads {

  private final ProblemContext ctx;

  /**
   * Makes the queries.
   *
   * @param ctx the context
   */
  public ProblemReads(ProblemContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  /**
   * See {@link io.itsm.core.problem.Problems#get}.
   *
   * @param actor who asks
   * @param problemId the problem
   * @return the problem
   */
  public Problem get(Actor actor, String problemId) {
    ctx.checkView(actor);
    return ctx.writer().load(problemId);
  }

  /**
   * See {@link io.itsm.core.problem.Problems#find}.
   *
   * @param actor who asks
   * @param query the criteria
   * @return the problems, ordered by id
   */
  public List<Problem> find(Actor actor, ProblemQuery query) {
    ctx.checkView(actor);
    return ctx.repository().find(Objects.requireNonNull(query, "query"));
  }

  /**
   * See {@link io.itsm.core.problem.Problems#history}.
   *
   * @param actor who asks
   * @param problemId the problem
   * @return the events, oldest first
   */
  public List<ProblemEvent> history(Actor actor, String problemId) {
    return ctx.repository().history(get(actor, problemId).id());
  }
}
