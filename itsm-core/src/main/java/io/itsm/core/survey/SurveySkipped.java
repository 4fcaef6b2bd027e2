package io.itsm.core.survey;

import io.itsm.core.event.Provenance;
import io.itsm.core.incident.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The survey policy decided not to survey the caller of a closed incident; the first and only
 * event of a {@link SurveyStatus#SKIPPED} survey record, which keeps why.
 *
 * <p>Immutable and thread-safe.
 *
 * @param surveyId the survey record's id
 * @param sequence always 1
 * @param at when it was decided (the incident's close)
 * @param actor who decided ({@code "system"})
 * @param incidentId the closed incident
 * @param callerId its caller, if it has one
 * @param team the incident's team, if any
 * @param priority the incident's priority, if any
 * @param category the incident's category, if any
 * @param reopenCount how often the incident had been reopened when it closed
 * @param decidedBy the rule (or policy) that decided
 * @param overruled the rules that would have decided otherwise
 */
public record SurveySkipped(
    String surveyId,
    long sequence,
    Instant at,
    String actor,
    String incidentId,
    Optional<String> callerId,
    Optional<String> team,
    Optional<Priority> priority,
    Optional<String> category,
    int reopenCount,
    Provenance decidedBy,
    List<Provenance> overruled)
    implements SurveyEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public SurveySkipped {
    SurveyEvent.check(surveyId, sequence, at, actor);
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(callerId, "callerId");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(decidedBy, "decidedBy");
    overruled = List.copyOf(Objects.requireNonNull(overruled, "overruled"));
  }
}
