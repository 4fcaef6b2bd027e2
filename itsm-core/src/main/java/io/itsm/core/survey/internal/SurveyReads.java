package io.itsm.core.survey.internal;


import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.survey.Survey;
import io.itsm.core.survey.SurveyEvent;
import io.itsm.core.survey.SurveyQuery;
import io.itsm.core.survey.SurveyStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The queries on surveys: a caller sees their own, holders of {@link
 * io.itsm.core.access.Permission#SURVEY_VIEW} every survey. The contracts are those of the same-
 * named methods of {@link io.itsm.core.survey.Surveys}. Thread-safe.
 */
public final class SurveyReads {

  private final SurveyContext ctx;

  /**
   * Makes the part.
   *
   * @param ctx the context
   */
  public SurveyReads(SurveyContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  /** See {@link io.itsm.core.survey.Surveys#get}. */
  public Survey get(Actor actor, String surveyId) {
    Objects.requireNonNull(actor, "actor");
    Survey s = ctx.writer().load(surveyId);
    if (!s.isFor(actor.id())) {
      ctx.accessPolicy().check(actor, Permission.SURVEY_VIEW, Optional.empty());
    }
    return s;
  }

  /** See {@link io.itsm.core.survey.Surveys#history}. */
  public List<SurveyEvent> history(Actor actor, String surveyId) {
    return ctx.repository().history(get(actor, surveyId).id());
  }

  /** See {@link io.itsm.core.survey.Surveys#find}. */
  public List<Survey> find(Actor actor, SurveyQuery query) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(query, "query");
    if (ctx.accessPolicy().permits(actor, Permission.SURVEY_VIEW, Optional.empty())) {
      return ctx.repository().find(query);
    }
    return ctx.repository().find(query.withCaller(actor.id()));
  }

  /** See {@link io.itsm.core.survey.Surveys#waitingFor}. */
  public List<Survey> waitingFor(Actor actor) {
    Objects.requireNonNull(actor, "actor");
    return ctx.repository().find(SurveyQuery.all().withCaller(actor.id())
        .withStatus(SurveyStatus.SENT));
  }
}
