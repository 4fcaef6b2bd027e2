package io.itsm.rules;

import io.itsm.core.access.Role;
import io.itsm.core.event.Provenance;
import io.itsm.core.survey.FollowUpDecision;
import io.itsm.core.survey.Survey;
import io.itsm.core.survey.SurveyCandidate;
import io.itsm.core.survey.SurveyChannel;
import io.itsm.core.survey.SurveyDecision;
import io.itsm.core.survey.SurveyPolicy;
import io.itsm.rules.facts.ClosedIncidentFact;
import io.itsm.rules.facts.SurveyAnswerFact;
import io.itsm.rules.facts.SurveyDecisions;
import io.itsm.rules.internal.PackSpec;
import io.itsm.rules.internal.RulePack;
import io.itsm.rules.internal.Vote;
import io.itsm.rules.internal.VoteLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The survey policy as Drools rules: a {@link SurveyPolicy} for {@code
 * Surveys.builder().policy(..)} or {@code Improvement.builder().surveyPolicy(..)}, with the
 * default pack ({@value #DEFAULT_RESOURCE}) plus your own rule files.
 *
 * <pre>{@code
 * SurveyEngine surveys = SurveyEngine.builder()
 *     .withoutRule("One in ten of the other incidents is surveyed")
 *     .addRules("team-survey.drl", drl)        // e.g. one in four
 *     .build();
 * }</pre>
 *
 * <h2>Facts, votes and who decides</h2>
 *
 * To decide whether to survey a closed incident the engine inserts one {@link ClosedIncidentFact};
 * rules vote through the global {@code survey} ({@link SurveyDecisions}): {@code ask}, {@code
 * askBy(channel, ..)} or {@code skip}. The rules of the <em>highest precedence</em> that voted
 * decide (your files' rules {@value TriageEngine#TEAM_RULE_PRECEDENCE}, the default pack's
 * {@value TriageEngine#DEFAULT_RULE_PRECEDENCE}, or a rule's {@code @precedence(n)}); among them a
 * skip wins over an ask. The decision names the deciding rule with its reason, and every other
 * vote is kept as overruled. No vote: the incident is not surveyed ("no rule asked").
 *
 * <p>To decide whether an answer needs a follow-up the engine inserts one {@link
 * SurveyAnswerFact}; the first {@code survey.followUp(role, ..)} of the highest precedence decides.
 *
 * <p>The default pack: every P1 and P2 is surveyed, every reopened incident, one in ten of the
 * rest (sampled by incident id); nobody twice in 30 days; nothing closed without a resolution; an
 * overall score of 1 or 2 is followed up by the team lead.
 *
 * <h2>Safety</h2>
 *
 * Survey rule files are contained like triage rule files (see {@link TriageEngine} and {@link
 * RulePackBuilder}); a failure of rule code is a {@link RuleExecutionException} naming the rule.
 * {@link #reload()} compiles off the request path and swaps atomically; a failed reload keeps the
 * current rules.
 *
 * <p>Thread-safe.
 */
public final class SurveyEngine implements SurveyPolicy {

  /** The classpath resource of the default pack. */
  public static final String DEFAULT_RESOURCE = "io/itsm/rules/survey.drl";

  /** The one stage (ruleflow-group) survey rules may name; rules without one fire too. */
  public static final String STAGE = "survey";

  /** The name of the global every survey rule file declares. */
  public static final String GLOBAL = "survey";

  private static final RulePack.Definition DEFINITION = new RulePack.Definition(DEFAULT_RESOURCE,
      STAGE, GLOBAL, SurveyDecisions.class, "survey decision");

  private final RulePack pack;

  private SurveyEngine(RulePack pack) {
    this.pack = pack;
  }

  /**
   * Returns an engine with the default pack.
   *
   * @return a new engine
   */
  public static SurveyEngine withDefaults() {
    return builder().build();
  }

  /**
   * Starts configuring an engine; the default pack is on.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder(null);
  }

  /**
   * Decides whether to survey the caller of a closed incident.
   *
   * @param candidate the closed incident
   * @return the decision, with the deciding rule and the overruled ones
   * @throws RuleExecutionException if rule code fails, the firing limit is reached or the time
   *     budget runs out
   */
  @Override
  public SurveyDecision decide(SurveyCandidate candidate) {
    Objects.requireNonNull(candidate, "candidate");
    VoteLog log = new VoteLog();
    pack.fire(candidate.incidentId(), List.of(ClosedIncidentFact.of(candidate)), log);
    List<Vote> votes = log.votes().stream()
        .filter(v -> v.kind().equals("ask") || v.kind().equals("skip")).toList();
    if (votes.isEmpty()) {
      return SurveyDecision.skip(Provenance.policy("SurveyEngine",
          "no rule asked to survey this incident"));
    }
    int top = votes.stream().mapToInt(Vote::precedence).max().orElseThrow();
    List<Vote> deciding = votes.stream().filter(v -> v.precedence() == top).toList();
    boolean ask = deciding.stream().noneMatch(v -> v.kind().equals("skip"));
    Vote winner = deciding.stream().filter(v -> v.kind().equals(ask ? "ask" : "skip"))
        .findFirst().orElseThrow();
    List<Provenance> overruled = new ArrayList<>();
    for (Vote v : votes) {
      if (v != winner) {
        overruled.add(Provenance.rule(v.rule(), v.kind() + ": " + v.reason()));
      }
    }
    return new SurveyDecision(ask, Optional.ofNullable((SurveyChannel) winner.value()),
        Provenance.rule(winner.rule(), winner.reason()), overruled);
  }

  /**
   * Decides whether an answered survey needs a follow-up.
   *
   * @param answered the survey with its answer
   * @return the follow-up, or empty
   * @throws RuleExecutionException if rule code fails
   */
  @Override
  public Optional<FollowUpDecision> followUp(Survey answered) {
    Objects.requireNonNull(answered, "answered");
    VoteLog log = new VoteLog();
    pack.fire(answered.id(), List.of(SurveyAnswerFact.of(answered)), log);
    List<Vote> votes = log.votes().stream().filter(v -> v.kind().equals("followUp")).toList();
    if (votes.isEmpty()) {
      return Optional.empty();
    }
    int top = votes.stream().mapToInt(Vote::precedence).max().orElseThrow();
    Vote v = votes.stream().filter(x -> x.precedence() == top).findFirst().orElseThrow();
    return Optional.of(new FollowUpDecision((Role) v.value(),
        Provenance.rule(v.rule(), v.reason())));
  }

  /**
   * Recompiles the current rule set (re-reading rule files) and swaps it in atomically.
   *
   * @throws RuleCompilationException if the rules do not compile; the current rules keep serving
   * @throws io.itsm.core.ValidationException if a file cannot be read
   */
  public void reload() {
    pack.reload(s -> { });
  }

  /**
   * Builds a new rule set from a copy of the current configuration changed by {@code changes}, and
   * swaps it in atomically.
   *
   * @param changes changes to a copy of the current builder
   * @throws RuleCompilationException if the rules do not compile; the current rules keep serving
   * @throws io.itsm.core.ValidationException if the configuration is invalid
   */
  public void reload(Consumer<Builder> changes) {
    Objects.requireNonNull(changes, "changes");
    pack.reload(spec -> changes.accept(new Builder(spec)));
  }

  /**
   * Returns the names of all loaded rules.
   *
   * @return an immutable, sorted list
   */
  public List<String> ruleNames() {
    return pack.ruleNames();
  }

  /**
   * Returns the names of the loaded rules from your files.
   *
   * @return an immutable, sorted list
   */
  public List<String> teamRuleNames() {
    return pack.teamRuleNames();
  }

  /**
   * Returns how often each loaded rule fired since the rule set was built or reloaded.
   *
   * @return an immutable snapshot, sorted by rule name
   */
  public Map<String, Long> ruleFireCounts() {
    return pack.ruleFireCounts();
  }

  @Override
  public String toString() {
    return "SurveyEngine{" + ruleNames().size() + " rules}";
  }

  /**
   * Configures a {@link SurveyEngine}; see {@link RulePackBuilder}. Not thread-safe.
   */
  public static final class Builder extends RulePackBuilder<Builder> {

    private Builder(PackSpec spec) {
      super(spec);
    }

    /**
     * Compiles the rules and builds the engine.
     *
     * @return the engine
     * @throws RuleCompilationException if the rules do not compile, or touch what rule code may
     *     not (unless {@link #trustRules()})
     * @throws io.itsm.core.ValidationException if a file cannot be read or a left-out rule does
     *     not exist
     */
    public SurveyEngine build() {
      return new SurveyEngine(new RulePack(DEFINITION, spec));
    }
  }
}
