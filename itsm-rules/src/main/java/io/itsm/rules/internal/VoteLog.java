package io.itsm.rules.internal;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Role;
import io.itsm.core.survey.SurveyChannel;
import io.itsm.rules.facts.ActionEscalations;
import io.itsm.rules.facts.ProblemProposals;
import io.itsm.rules.facts.ReviewDecisions;
import io.itsm.rules.facts.SurveyDecisions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The global of one decision of the survey, review, recurrence or preventive-action packs: records
 * each call as a {@link Vote} with the firing rule's name and precedence.
 *
 * <p>Not thread-safe: one per decision.
 */
public final class VoteLog implements FiringLog, SurveyDecisions, ReviewDecisions,
    ProblemProposals, ActionEscalations {

  /** A proposal's value: its title and incidents. */
  public record Proposal(String title, List<String> incidentIds) {}

  private final List<Vote> votes = new ArrayList<>(4);
  private String rule;
  private int precedence;

  /** Creates an empty log. */
  public VoteLog() {}

  @Override
  public void begin(String rule, String file, int precedence) {
    this.rule = rule;
    this.precedence = precedence;
  }

  @Override
  public void end() {
    this.rule = null;
  }

  private void add(String method, String kind, String reason, Object value) {
    if (rule == null) {
      throw new IllegalStateException(method + "(...) may only be called from a rule consequence");
    }
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new ValidationException("the reason of " + method + " in rule '" + rule
          + "' must not be blank");
    }
    votes.add(new Vote(kind, rule, precedence, reason, value));
  }

  @Override
  public void ask(String reason) {
    add("survey.ask", "ask", reason, null);
  }

  @Override
  public void askBy(SurveyChannel channel, String reason) {
    add("survey.askBy", "ask", reason, Objects.requireNonNull(channel, "channel"));
  }

  @Override
  public void skip(String reason) {
    add("survey.skip", "skip", reason, null);
  }

  @Override
  public void followUp(Role contact, String reason) {
    add("survey.followUp", "followUp", reason, Objects.requireNonNull(contact, "contact"));
  }

  @Override
  public void requireWithin(int days, String reason) {
    if (days < 1) {
      throw new ValidationException("review.requireWithin in rule '" + rule
          + "' needs 1 day or more, but was " + days);
    }
    add("review.requireWithin", "require", reason, days);
  }

  @Override
  public void notRequired(String reason) {
    add("review.notRequired", "notRequired", reason, null);
  }

  @Override
  public void propose(String title, Collection<String> incidentIds, String reason) {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(incidentIds, "incidentIds");
    if (title.isBlank()) {
      throw new ValidationException("the title of problems.propose in rule '" + rule
          + "' must not be blank");
    }
    add("problems.propose", "propose", reason, new Proposal(title, List.copyOf(incidentIds)));
  }

  @Override
  public void notifyRole(Role role, String reason) {
    add("escalations.notifyRole", "notify", reason, Objects.requireNonNull(role, "role"));
  }

  /**
   * Returns the votes, in the order made.
   *
   * @return an immutable list
   */
  public List<Vote> votes() {
    return List.copyOf(votes);
  }
}
