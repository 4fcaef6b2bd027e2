package io.itsm.core.survey;

import io.itsm.core.event.CloseReason;
import io.itsm.core.incident.Channel;
import io.itsm.core.incident.Priority;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link SurveyPolicy} knows about a closed incident when it decides whether to survey its
 * caller.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident's id (deterministic sampling hashes it)
 * @param callerId its caller, if it has one
 * @param priority its priority, if any
 * @param category its category, if any
 * @param team its team, if any
 * @param reopenCount how often it was reopened
 * @param closeReason how it was closed
 * @param channel the channel it came in by, if known
 * @param closedAt when it was closed
 * @param callerLastSurveyedAt when its caller was last sent a survey (of any incident), if ever
 */
public record SurveyCandidate(
    String incidentId,
    Optional<String> callerId,
    Optional<Priority> priority,
    Optional<String> category,
    Optional<String> team,
    int reopenCount,
    CloseReason closeReason,
    Optional<Channel> channel,
    Instant closedAt,
    Optional<Instant> callerLastSurveyedAt) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public SurveyCandidate {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(callerId, "callerId");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(closeReason, "closeReason");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(closedAt, "closedAt");
    Objects.requireNonNull(callerLastSurveyedAt, "callerLastSurveyedAt");
  }
}
