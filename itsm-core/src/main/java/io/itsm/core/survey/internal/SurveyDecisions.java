package io.itsm.core.survey.internal;

import static io.itsm.core.survey.internal.SurveyContext.FAILURES;

import io.itsm.core.IncidentListener;
import io.itsm.core.ItsmException;
import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.event.Closed;
import io.itsm.core.event.Provenance;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.survey.Survey;
import io.itsm.core.survey.SurveyCandidate;
import io.itsm.core.survey.SurveyDecision;
import io.itsm.core.survey.SurveyQuery;
import io.itsm.core.survey.SurveySent;
import io.itsm.core.survey.SurveySkipped;
import io.itsm.core.survey.SurveyStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether to survey the caller of a closed incident and records a sent or skipped survey.
 * The contracts are those of the same-named methods of {@link io.itsm.core.survey.Surveys}.
 * Thread-safe.
 */
public final class SurveyDecisions {

  private final SurveyContext ctx;

  /**
   * Makes the part.
   *
   * @param ctx the context
   */
  public SurveyDecisions(SurveyContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  /** See {@link io.itsm.core.survey.Surveys#incidentListener}. */
  public IncidentListener incidentListener() {
    return (event, incident) -> {
      if (event instanceof Closed closed) {
        try {
          considerClosed(incident, closed);
        } catch (RuntimeException e) {
          FAILURES.warn("survey decision failed for " + incident.id() + "; no survey sent", e);
        }
      }
    };
  }

  /** See {@link io.itsm.core.survey.Surveys#considerClosed}. */
  public Survey considerClosed(Incident incident, Closed closed) {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(closed, "closed");
    if (!closed.incidentId().equals(incident.id())) {
      throw new ValidationException("the Closed event belongs to incident " + closed.incidentId()
          + ", not to " + incident.id());
    }
    Optional<Survey> earlier = ctx.repository()
        .find(SurveyQuery.all().withIncident(incident.id())).stream()
        .filter(s -> s.reopenCount() == incident.reopenCount()).findFirst();
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Optional<String> caller = incident.caller().map(Caller::id);
    Optional<Instant> lastSurveyed = caller.flatMap(this::lastSurveyed);
    SurveyCandidate candidate = new SurveyCandidate(incident.id(), caller, incident.priority(),
        incident.category(), incident.team(), incident.reopenCount(), closed.closeReason(),
        incident.ticket().channel(), closed.at(), lastSurveyed);
    SurveyDecision decision;
    if (caller.isEmpty()) {
      decision = SurveyDecision.skip(Provenance.system("the incident has no caller to ask"));
    } else {
      try {
        decision = Objects.requireNonNull(ctx.policy().decide(candidate), "survey decision");
      } catch (ItsmException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new ItsmException("survey policy " + ctx.policy() + " failed for incident "
            + incident.id() + ": " + e, incident.id(), e);
      }
    }
    SurveyDecision d = decision;
    String id = ctx.ids().get();
    Actor system = Actor.system();
    return ctx.writer().create(id, system, closed.at(), r -> {
      if (d.ask()) {
        r.record(new SurveySent(id, r.seq(), r.now(), system.id(), incident.id(), caller.get(),
            incident.team(), incident.priority(), incident.category(), incident.reopenCount(),
            d.channel().orElse(ctx.defaultChannel()), ctx.questionnaire().questions(),
            r.now().plus(ctx.answerWithin()), d.decidedBy(), d.overruled()));
      } else {
        r.record(new SurveySkipped(id, r.seq(), r.now(), system.id(), incident.id(), caller,
            incident.team(), incident.priority(), incident.category(), incident.reopenCount(),
            d.decidedBy(), d.overruled()));
      }
    });
  }

  private Optional<Instant> lastSurveyed(String callerId) {
    return ctx.repository().find(SurveyQuery.all().withCaller(callerId)).stream()
        .filter(s -> s.status() != SurveyStatus.SKIPPED)
        .map(Survey::createdAt)
        .max(Comparator.naturalOrder());
  }
}
