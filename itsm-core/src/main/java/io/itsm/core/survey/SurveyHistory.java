package io.itsm.core.survey;

import io.itsm.core.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Rebuilds a survey from its events. {@link Surveys} computes every new state this way, so a
 * stored history always replays to the state it had.
 *
 * <p>Stateless and thread-safe.
 */
public final class SurveyHistory {

  private SurveyHistory() {}

  /**
   * Rebuilds a survey from its whole history.
   *
   * @param events the history, oldest first, starting with {@link SurveySent} or {@link
   *     SurveySkipped}
   * @return the survey after the last event
   * @throws ValidationException if the history is empty or does not follow (see {@link #apply})
   */
  public static Survey replay(List<? extends SurveyEvent> events) {
    Objects.requireNonNull(events, "events");
    if (events.isEmpty()) {
      throw new ValidationException("a survey history must not be empty: it starts with SurveySent"
          + " or SurveySkipped");
    }
    Survey s = null;
    for (SurveyEvent e : events) {
      s = apply(s, e);
    }
    return s;
  }

  /**
   * Applies one event to a survey.
   *
   * @param current the survey before the event, or {@code null} for the first event
   * @param event the event
   * @return the survey after it
   * @throws ValidationException if the event belongs to another survey, its sequence is not the
   *     next, it is before the last change, the first event is neither {@link SurveySent} nor
   *     {@link SurveySkipped}, or it does not fit the survey's status
   */
  public static Survey apply(Survey current, SurveyEvent event) {
    Objects.requireNonNull(event, "event");
    if (current == null) {
      if (event instanceof SurveySent s) {
        return new Survey(s.surveyId(), s.incidentId(), Optional.of(s.callerId()), SurveyStatus.SENT,
            s.team(), s.priority(), s.category(), s.reopenCount(), Optional.of(s.channel()),
            s.questions(), Optional.of(s.dueAt()), Map.of(), "", Optional.empty(), s.decidedBy(),
            s.overruled(), Optional.empty(), s.at(), s.at(), 1);
      }
      if (event instanceof SurveySkipped s) {
        return new Survey(s.surveyId(), s.incidentId(), s.callerId(), SurveyStatus.SKIPPED,
            s.team(), s.priority(), s.category(), s.reopenCount(), Optional.empty(), List.of(),
            Optional.empty(), Map.of(), "", Optional.empty(), s.decidedBy(), s.overruled(),
            Optional.empty(), s.at(), s.at(), 1);
      }
      throw new ValidationException("the history of survey " + event.surveyId() + " must start with"
          + " SurveySent or SurveySkipped, but started with " + event.type());
    }
    if (!current.id().equals(event.surveyId())) {
      throw new ValidationException("event " + event.type() + " #" + event.sequence()
          + " belongs to survey " + event.surveyId() + ", not to " + current.id());
    }
    if (event.sequence() != current.version() + 1) {
      throw new ValidationException("events out of order for survey " + current.id()
          + ": expected sequence " + (current.version() + 1) + ", but was " + event.sequence());
    }
    if (event.at().isBefore(current.updatedAt())) {
      throw new ValidationException("events out of order for survey " + current.id() + ": "
          + event.type() + " at " + event.at() + " is before the last change at "
          + current.updatedAt());
    }
    long v = event.sequence();
    if (event instanceof SurveyAnswered a) {
      requireStatus(current, event, SurveyStatus.SENT);
      return new Survey(current.id(), current.incidentId(), current.callerId(),
          SurveyStatus.ANSWERED, current.team(), current.priority(), current.category(),
          current.reopenCount(), current.channel(), current.questions(), current.dueAt(),
          a.scores(), a.comment(), Optional.of(a.at()), current.decidedBy(), current.overruled(),
          current.followUp(), current.createdAt(), a.at(), v);
    }
    if (event instanceof SurveyExpired x) {
      requireStatus(current, event, SurveyStatus.SENT);
      return new Survey(current.id(), current.incidentId(), current.callerId(),
          SurveyStatus.EXPIRED, current.team(), current.priority(), current.category(),
          current.reopenCount(), current.channel(), current.questions(), current.dueAt(),
          current.scores(), current.comment(), current.answeredAt(), current.decidedBy(),
          current.overruled(), current.followUp(), current.createdAt(), x.at(), v);
    }
    if (event instanceof SurveyFollowUpOpened f) {
      requireStatus(current, event, SurveyStatus.ANSWERED);
      if (current.followUp().isPresent()) {
        throw new ValidationException("survey " + current.id() + " already has a follow-up");
      }
      SurveyFollowUp fu = new SurveyFollowUp(FollowUpStatus.OPEN, f.contact(), f.team(), f.reason(),
          f.decidedBy(), f.at(), Optional.empty(), Optional.empty(), "");
      return withFollowUp(current, fu, f.at(), v);
    }
    if (event instanceof SurveyFollowUpClosed c) {
      if (!current.hasOpenFollowUp()) {
        throw new ValidationException("survey " + current.id() + " has no open follow-up to close");
      }
      return withFollowUp(current, current.followUp().orElseThrow().withDone(c.actor(), c.at(),
          c.note()), c.at(), v);
    }
    throw new ValidationException("survey " + current.id() + " cannot start twice: "
        + event.type() + " #" + event.sequence());
  }

  private static Survey withFollowUp(Survey s, SurveyFollowUp f, java.time.Instant at, long v) {
    return new Survey(s.id(), s.incidentId(), s.callerId(), s.status(), s.team(), s.priority(),
        s.category(), s.reopenCount(), s.channel(), s.questions(), s.dueAt(), s.scores(),
        s.comment(), s.answeredAt(), s.decidedBy(), s.overruled(), Optional.of(f), s.createdAt(),
        at, v);
  }

  private static void requireStatus(Survey s, SurveyEvent e, SurveyStatus expected) {
    if (s.status() != expected) {
      throw new ValidationException(e.type() + " #" + e.sequence() + " of survey " + s.id()
          + " needs status " + expected + ", but it is " + s.status());
    }
  }
}
