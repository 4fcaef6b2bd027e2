package io.itsm.core.survey;

import io.itsm.core.event.Provenance;
import io.itsm.core.incident.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The satisfaction survey of one closed incident, or the record that none was sent ({@link
 * SurveyStatus#SKIPPED}), with the decision behind either: sent or skipped, by which rule, over
 * which others. Rebuilt from its events ({@link SurveyHistory}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the survey's id, for example {@code SRV-000007}
 * @param incidentId the closed incident
 * @param callerId who is asked, if the incident has a caller
 * @param status where it stands
 * @param team the incident's team, if any
 * @param priority the incident's priority, if any
 * @param category the incident's category, if any
 * @param reopenCount how often the incident had been reopened when it closed
 * @param channel how it reaches the caller; empty when skipped
 * @param questions the questions asked; empty when skipped
 * @param dueAt until when an answer is accepted; empty when skipped
 * @param scores the answer's scores by question key; empty until answered
 * @param comment the caller's comment; empty until answered, or when none was given
 * @param answeredAt when it was answered
 * @param decidedBy the rule (or policy) that decided to send or skip it
 * @param overruled the rules that would have decided otherwise
 * @param followUp the follow-up of the answer, if one was opened
 * @param createdAt when it was decided (the incident's close)
 * @param updatedAt the last change
 * @param version the number of its events
 */
public record Survey(
    String id,
    String incidentId,
    Optional<String> callerId,
    SurveyStatus status,
    Optional<String> team,
    Optional<Priority> priority,
    Optional<String> category,
    int reopenCount,
    Optional<SurveyChannel> channel,
    List<SurveyQuestion> questions,
    Optional<Instant> dueAt,
    Map<String, Integer> scores,
    String comment,
    Optional<Instant> answeredAt,
    Provenance decidedBy,
    List<Provenance> overruled,
    Optional<SurveyFollowUp> followUp,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Survey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(callerId, "callerId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(channel, "channel");
    questions = List.copyOf(Objects.requireNonNull(questions, "questions"));
    Objects.requireNonNull(dueAt, "dueAt");
    scores = Map.copyOf(Objects.requireNonNull(scores, "scores"));
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(answeredAt, "answeredAt");
    Objects.requireNonNull(decidedBy, "decidedBy");
    overruled = List.copyOf(Objects.requireNonNull(overruled, "overruled"));
    Objects.requireNonNull(followUp, "followUp");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * Returns the overall-satisfaction score ({@value Questionnaire#OVERALL}), the CSAT score.
   *
   * @return the score from 1 to 5, or empty until answered
   */
  public Optional<Integer> score() {
    return Optional.ofNullable(scores.get(Questionnaire.OVERALL));
  }

  /**
   * Tells whether an actor is the survey's caller.
   *
   * @param actorId the actor's id
   * @return {@code true} if the survey asks that actor
   */
  public boolean isFor(String actorId) {
    return callerId.map(c -> c.equals(actorId)).orElse(false);
  }

  /**
   * Tells whether the follow-up is open.
   *
   * @return {@code true} if a follow-up was opened and is not done
   */
  public boolean hasOpenFollowUp() {
    return followUp.map(f -> f.status() == FollowUpStatus.OPEN).orElse(false);
  }
}
