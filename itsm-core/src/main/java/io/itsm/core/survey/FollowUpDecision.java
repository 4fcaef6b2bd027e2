package io.itsm.core.survey;

import io.itsm.core.access.Role;
import io.itsm.core.event.Provenance;
import java.util.Objects;

/**
 * A {@link SurveyPolicy}'s decision that an answer needs a follow-up: who contacts the caller and
 * why.
 *
 * <p>Immutable and thread-safe.
 *
 * @param contact the role that follows up (contacts the caller), for example TEAM_LEAD
 * @param decidedBy the rule that decided, with its reason
 */
public record FollowUpDecision(Role contact, Provenance decidedBy) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public FollowUpDecision {
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(decidedBy, "decidedBy");
  }
}
