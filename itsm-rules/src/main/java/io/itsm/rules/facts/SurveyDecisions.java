package io.itsm.rules.facts;

import io.itsm.core.access.Role;
import io.itsm.core.survey.SurveyChannel;

/**
 * The global {@code survey} of survey rule files (survey.drl): what a consequence calls to vote
 * on a closed incident or to open a follow-up. The engine adds the firing rule's name and
 * precedence to every vote; the rules of the highest precedence that voted decide, and among them
 * a skip wins over an ask (see {@code SurveyEngine}).
 *
 * <pre>
 * global io.itsm.rules.facts.SurveyDecisions survey;
 *
 * rule "Every P1 and P2 is surveyed"
 * when
 *   $i : ClosedIncidentFact(priority in (Priority.P1, Priority.P2))
 * then
 *   survey.ask("a " + $i.priority() + " was closed");
 * end
 * </pre>
 *
 * <p>Calling it outside a rule consequence is an error. Not thread-safe: one per decision.
 */
public interface SurveyDecisions {

  /**
   * Votes to survey the caller, by the desk's default channel.
   *
   * @param reason why, for the record; not blank
   * @throws io.itsm.core.ValidationException if {@code reason} is blank
   * @throws IllegalStateException if called outside a rule consequence
   */
  void ask(String reason);

  /**
   * Votes to survey the caller by a channel.
   *
   * @param channel the channel
   * @param reason why, for the record; not blank
   * @throws io.itsm.core.ValidationException if {@code reason} is blank
   * @throws IllegalStateException if called outside a rule consequence
   */
  void askBy(SurveyChannel channel, String reason);

  /**
   * Votes not to survey the caller.
   *
   * @param reason why, for the record; not blank
   * @throws io.itsm.core.ValidationException if {@code reason} is blank
   * @throws IllegalStateException if called outside a rule consequence
   */
  void skip(String reason);

  /**
   * Opens a follow-up of an answer: someone holding the role contacts the caller.
   *
   * @param contact the role, for example {@code Role.TEAM_LEAD}
   * @param reason why, for the record; not blank
   * @throws io.itsm.core.ValidationException if {@code reason} is blank
   * @throws IllegalStateException if called outside a rule consequence
   */
  void followUp(Role contact, String reason);
}
