package io.itsm.core.survey.internal;

import static io.itsm.core.survey.internal.SurveyContext.FAILURES;
import static io.itsm.core.survey.internal.SurveyContext.LOG;

import io.itsm.core.RecordStateException;
import io.itsm.core.StaleRecordException;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.survey.FollowUpDecision;
import io.itsm.core.survey.Questionnaire;
import io.itsm.core.survey.Survey;
import io.itsm.core.survey.SurveyAnswered;
import io.itsm.core.survey.SurveyExpired;
import io.itsm.core.survey.SurveyFollowUpClosed;
import io.itsm.core.survey.SurveyFollowUpOpened;
import io.itsm.core.survey.SurveyQuery;
import io.itsm.core.survey.SurveyStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The caller's answer with its follow-up, closing follow-ups, and the expiry of unanswered
 * surveys. The contracts are those of the same-named methods of {@link
 * io.itsm.core.survey.Surveys}. Thread-safe.
 */
public final class SurveyAnswers {

  private final SurveyContext ctx;

  /**
   * Makes the part.
   *
   * @param ctx the context
   */
  public SurveyAnswers(SurveyContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  /** See {@link io.itsm.core.survey.Surveys#answer}. */
  public Survey answer(Actor actor, String surveyId, Map<String, Integer> scores,
      String comment) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(scores, "scores");
    String c = comment == null ? "" : comment.strip();
    return ctx.writer().update(surveyId, actor, ctx.clock().instant(), (s, r) -> {
      ctx.accessPolicy().check(actor, Permission.SURVEY_ANSWER_OWN, Optional.empty());
      if (!s.isFor(actor.id())) {
        throw new AccessDeniedException(actor, Permission.SURVEY_ANSWER_OWN, null,
            "survey " + s.id() + " asks " + s.callerId().map(x -> "caller " + x)
                .orElse("nobody") + "; a survey is answered only by its own caller");
      }
      if (s.status() != SurveyStatus.SENT) {
        throw new RecordStateException("survey", s.id(), s.status().name(), "answer", "SENT",
            s.status() == SurveyStatus.ANSWERED
                ? "it was answered at " + s.answeredAt().orElseThrow()
                : s.status() == SurveyStatus.EXPIRED ? "it expired at " + s.dueAt().orElseThrow()
                : "no survey was sent for incident " + s.incidentId());
      }
      if (!r.now().isBefore(s.dueAt().orElseThrow())) {
        throw new RecordStateException("survey", s.id(), "SENT, due " + s.dueAt().orElseThrow(),
            "answer", "SENT before its due time", "answers are accepted until "
                + s.dueAt().orElseThrow() + "; it is " + r.now());
      }
      new Questionnaire(s.questions()).check(s.id(), scores);
      r.record(new SurveyAnswered(s.id(), r.seq(), r.now(), actor.id(), scores, c));
      Survey answered = r.state();
      Optional<FollowUpDecision> followUp = Optional.empty();
      try {
        followUp = Objects.requireNonNull(ctx.policy().followUp(answered),
            "follow-up decision");
      } catch (RuntimeException e) {
        FAILURES.warn("survey follow-up decision failed for " + s.id() + "; no follow-up", e);
      }
      followUp.ifPresent(f -> r.record(new SurveyFollowUpOpened(s.id(), r.seq(), r.now(),
          actor.id(), f.contact(), s.team(), f.decidedBy().reason(), f.decidedBy())));
    });
  }

  /** See {@link io.itsm.core.survey.Surveys#closeFollowUp}. */
  public Survey closeFollowUp(Actor actor, String surveyId, String note) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(note, "note");
    return ctx.writer().update(surveyId, actor, ctx.clock().instant(), (s, r) -> {
      ctx.accessPolicy().check(actor, Permission.SURVEY_FOLLOW_UP, Optional.empty());
      if (!s.hasOpenFollowUp()) {
        throw new RecordStateException("survey", s.id(), s.status().name()
            + s.followUp().map(f -> " (follow-up " + f.status() + ")").orElse(" (no follow-up)"),
            "closeFollowUp", "its follow-up is OPEN", "");
      }
      if (note.isBlank()) {
        throw new ValidationException("the note closing the follow-up of survey " + s.id()
            + " must say what was said or done, but was blank");
      }
      r.record(new SurveyFollowUpClosed(s.id(), r.seq(), r.now(), actor.id(), note.strip()));
    });
  }

  /** See {@link io.itsm.core.survey.Surveys#tick}. */
  public List<Survey> tick(Instant now) {
    Objects.requireNonNull(now, "now");
    List<Survey> changed = new ArrayList<>();
    Actor system = Actor.system();
    for (Survey s : ctx.repository().find(
        SurveyQuery.all().withStatus(SurveyStatus.SENT).withDueAtOrBefore(now))) {
      try {
        changed.add(ctx.writer().update(s.id(), system, s.dueAt().orElseThrow(), (cur, r) -> {
          if (cur.status() != SurveyStatus.SENT) {
            throw new StaleRecordException("survey", cur.id(), s.version(),
                cur.version());
          }
          r.record(new SurveyExpired(cur.id(), r.seq(), r.now(), system.id()));
        }));
      } catch (StaleRecordException e) {
        LOG.debug("tick left survey {} changed concurrently: {}", s.id(), e.getMessage());
      }
    }
    return List.copyOf(changed);
  }
}
