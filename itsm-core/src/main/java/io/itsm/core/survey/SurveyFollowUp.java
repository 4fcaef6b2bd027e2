package io.itsm.core.survey;

import io.itsm.core.access.Role;
import io.itsm.core.event.Provenance;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The follow-up of a survey answer: who contacts the caller, why, and how it ended.
 *
 * <p>Immutable and thread-safe.
 *
 * @param status open or done
 * @param contact the role that follows up (contacts the caller)
 * @param team the incident's team, if any
 * @param reason why it was opened
 * @param decidedBy the rule that opened it
 * @param openedAt when it was opened
 * @param closedAt when it was done, if it is
 * @param closedBy who did it, if it is done
 * @param note what was said or done; empty while open
 */
public record SurveyFollowUp(
    FollowUpStatus status,
    Role contact,
    Optional<String> team,
    String reason,
    Provenance decidedBy,
    Instant openedAt,
    Optional<Instant> closedAt,
    Optional<String> closedBy,
    String note) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public SurveyFollowUp {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(closedAt, "closedAt");
    Objects.requireNonNull(closedBy, "closedBy");
    Objects.requireNonNull(note, "note");
  }

  /**
   * Returns this follow-up done.
   *
   * @param by who did it
   * @param at when
   * @param note what was said or done
   * @return the copy
   */
  public SurveyFollowUp withDone(String by, Instant at, String note) {
    return new SurveyFollowUp(FollowUpStatus.DONE, contact, team, reason, decidedBy, openedAt,
        Optional.of(at), Optional.of(by), note);
  }
}
