package io.itsm.core.survey;

import io.itsm.core.event.Provenance;
import io.itsm.core.incident.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A survey was sent to the caller of a closed incident: the first event of a {@link
 * SurveyStatus#SENT} survey. It carries the incident's team, priority and category so metrics can
 * group satisfaction without reading the incident.
 *
 * <p>Immutable and thread-safe.
 *
 * @param surveyId the survey's id
 * @param sequence always 1
 * @param at when it was sent (the incident's close)
 * @param actor who sent it ({@code "system"})
 * @param incidentId the closed incident
 * @param callerId who is asked
 * @param team the incident's team, if any
 * @param priority the incident's priority, if any
 * @param category the incident's category, if any
 * @param reopenCount how often the incident had been reopened when it closed
 * @param channel how it reaches the caller
 * @param questions the questions asked
 * @param dueAt until when an answer is accepted
 * @param decidedBy the rule (or policy) that decided to ask
 * @param overruled the rules that would have decided otherwise
 */
public record SurveySent(
    String surveyId,
    long sequence,
    Instant at,
    String actor,
    String incidentId,
    String callerId,
    Optional<String> team,
    Optional<Priority> priority,
    Optional<String> category,
    int reopenCount,
    SurveyChannel channel,
    List<SurveyQuestion> questions,
    Instant dueAt,
    Provenance decidedBy,
    List<Provenance> overruled)
    implements SurveyEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1, there are no
   *     questions, or {@code dueAt} is not after {@code at}
   */
  public SurveySent {
    SurveyEvent.check(surveyId, sequence, at, actor);
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(callerId, "callerId");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(channel, "channel");
    questions = List.copyOf(Objects.requireNonNull(questions, "questions"));
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(decidedBy, "decidedBy");
    overruled = List.copyOf(Objects.requireNonNull(overruled, "overruled"));
    if (questions.isEmpty()) {
      throw new io.itsm.core.ValidationException("survey " + surveyId + " must ask a question");
    }
    if (!dueAt.isAfter(at)) {
      throw new io.itsm.core.ValidationException("dueAt of survey " + surveyId + " must be after "
          + at + ", but was " + dueAt);
    }
  }
}
