package io.itsm.core.survey.internal;

import java.util.Objects;

/**
 * The parts of one {@link io.itsm.core.survey.Surveys}, made from its context.
 *
 * @param ctx the settings and store
 * @param decisions whether to survey a closed incident
 * @param answers answers, follow-ups and expiry
 * @param reads the queries
 */
public record SurveyParts(SurveyContext ctx, SurveyDecisions decisions, SurveyAnswers answers,
    SurveyReads reads) {

  /**
   * Makes the parts.
   *
   * @param ctx the context
   * @return the parts
   */
  public static SurveyParts of(SurveyContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    return new SurveyParts(ctx, new SurveyDecisions(ctx), new SurveyAnswers(ctx),
        new SurveyReads(ctx));
  }
}
