package io.itsm.core.problem.internal;

import java.util.Objects;

/**
 * The parts of one {@link io.itsm.core.problem.Problems}, made from its context.
 *
 * @param ctx the settings and store
 * @param detection recurrence detection
 * @param commands the commands
 * @param reads the queries
 */
public record ProblemParts(ProblemContext ctx, ProblemDetection detection,
    ProblemCommands commands, ProblemReads reads) {

  /**
   * Makes the parts.
   *
   * @param ctx the context
   * @return the parts
   */
  public static ProblemParts of(ProblemContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    DeskLinks links = new DeskLinks(ctx);
    return new ProblemParts(ctx, new ProblemDetection(ctx, links),
        new ProblemCommands(ctx, links), new ProblemReads(ctx));
  }
}
