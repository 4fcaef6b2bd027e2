package io.itsm.core.survey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Criteria for finding surveys; start from {@link #all()} and narrow with the {@code withX}
 * methods (every criterion given must match). Results are ordered by survey id.
 *
 * <p>Immutable and thread-safe.
 *
 * @param status the status, or empty for any
 * @param incidentId the incident, or empty for any
 * @param callerId the caller, or empty for any
 * @param dueAtOrBefore only surveys due at or before this instant (sent ones), or empty
 * @param openFollowUp whether only surveys with an open follow-up match
 */
public record SurveyQuery(
    Optional<SurveyStatus> status,
    Optional<String> incidentId,
    Optional<String> callerId,
    Optional<Instant> dueAtOrBefore,
    boolean openFollowUp) {

  private static final SurveyQuery ALL = new SurveyQuery(Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), false);

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public SurveyQuery {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(callerId, "callerId");
    Objects.requireNonNull(dueAtOrBefore, "dueAtOrBefore");
  }

  /**
   * Returns the query that matches every survey.
   *
   * @return the query
   */
  public static SurveyQuery all() {
    return ALL;
  }

  /**
   * Returns a copy that also requires a status.
   *
   * @param status the status
   * @return the query
   */
  public SurveyQuery withStatus(SurveyStatus status) {
    return new SurveyQuery(Optional.of(status), incidentId, callerId, dueAtOrBefore, openFollowUp);
  }

  /**
   * Returns a copy that also requires an incident.
   *
   * @param incidentId the incident's id
   * @return the query
   */
  public SurveyQuery withIncident(String incidentId) {
    return new SurveyQuery(status, Optional.of(incidentId), callerId, dueAtOrBefore, openFollowUp);
  }

  /**
   * Returns a copy that also requires a caller.
   *
   * @param callerId the caller's id
   * @return the query
   */
  public SurveyQuery withCaller(String callerId) {
    return new SurveyQuery(status, incidentId, Optional.of(callerId), dueAtOrBefore, openFollowUp);
  }

  /**
   * Returns a copy that also requires a due time at or before an instant.
   *
   * @param at the instant
   * @return the query
   */
  public SurveyQuery withDueAtOrBefore(Instant at) {
    return new SurveyQuery(status, incidentId, callerId, Optional.of(at), openFollowUp);
  }

  /**
   * Returns a copy that also requires an open follow-up.
   *
   * @return the query
   */
  public SurveyQuery withOpenFollowUp() {
    return new SurveyQuery(status, incidentId, callerId, dueAtOrBefore, true);
  }

  /**
   * Tells whether a survey matches.
   *
   * @param s the survey
   * @return {@code true} if every criterion given matches
   */
  public boolean matches(Survey s) {
    return status.map(x -> x == s.status()).orElse(true)
        && incidentId.map(x -> x.equals(s.incidentId())).orElse(true)
        && callerId.map(s::isFor).orElse(true)
        && dueAtOrBefore.map(x -> s.dueAt().map(d -> !d.isAfter(x)).orElse(false)).orElse(true)
        && (!openFollowUp || s.hasOpenFollowUp());
  }
}
