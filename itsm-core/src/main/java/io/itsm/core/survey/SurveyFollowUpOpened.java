package io.itsm.core.survey;

import io.itsm.core.access.Role;
import io.itsm.core.event.Provenance;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An answer asks for a follow-up (decided by a rule, typically for a low score): someone holding
 * the role, in the incident's team when it has one, contacts the caller.
 *
 * <p>Immutable and thread-safe.
 *
 * @param surveyId the survey's id
 * @param sequence the event's position in the survey's history
 * @param at when it was opened (with the answer)
 * @param actor who caused it (the caller who answered)
 * @param contact the role that follows up (contacts the caller), for example TEAM_LEAD
 * @param team the incident's team, if any
 * @param reason why, for the record
 * @param decidedBy the rule that decided it
 */
public record SurveyFollowUpOpened(
    String surveyId, long sequence, Instant at, String actor, Role contact, Optional<String> team,
    String reason, Provenance decidedBy)
    implements SurveyEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a reference component is null
   * @throws io.itsm.core.ValidationException if {@code sequence} is below 1
   */
  public SurveyFollowUpOpened {
    SurveyEvent.check(surveyId, sequence, at, actor);
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(decidedBy, "decidedBy");
  }
}
