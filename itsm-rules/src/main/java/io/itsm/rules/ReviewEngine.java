package io.itsm.rules;

import io.itsm.core.event.Provenance;
import io.itsm.core.review.ReviewCandidate;
import io.itsm.core.review.ReviewPolicy;
import io.itsm.core.review.ReviewRequirement;
import io.itsm.rules.facts.ReviewCandidateFact;
import io.itsm.rules.facts.ReviewDecisions;
import io.itsm.rules.internal.PackSpec;
import io.itsm.rules.internal.RulePack;
import io.itsm.rules.internal.Vote;
import io.itsm.rules.internal.VoteLog;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * When a post-incident review is required, as Drools rules: a {@link ReviewPolicy} for {@code
 * Reviews.builder().policy(..)} or {@code Improvement.builder().reviewPolicy(..)}, with the default
 * pack ({@value #DEFAULT_RESOURCE}) plus your own rule files.
 *
 * <h2>Facts, votes and who decides</h2>
 *
 * Per decision the engine inserts one {@link ReviewCandidateFact} (a resolved incident, or a
 * problem that became a known error); rules call the global {@code review} ({@link
 * ReviewDecisions}): {@code requireWithin(days, reason)} or {@code notRequired(reason)}. The rules
 * of the highest precedence that voted decide (your files' {@value
 * TriageEngine#TEAM_RULE_PRECEDENCE}, the default pack's {@value
 * TriageEngine#DEFAULT_RULE_PRECEDENCE}); among them a requirement wins, and of several the one
 * with the fewest days decides the due time (the others are kept as also requiring it). No vote:
 * no review.
 *
 * <p>The default pack: every P1 within 5 days; security incidents, a P2 that breached an SLA
 * target, and an incident reopened twice within 10 days; a problem that becomes a known error
 * within 15 days.
 *
 * <p>Contained, budgeted and reloaded as the other packs (see {@link RulePackBuilder}).
 *
 * <p>Thread-safe.
 */
public final class ReviewEngine implements ReviewPolicy {

  /** The classpath resource of the default pack. */
  public static final String DEFAULT_RESOURCE = "io/itsm/rules/review.drl";

  /** The one stage (ruleflow-group) review rules may name. */
  public static final String STAGE = "review";

  /** The name of the global every review rule file declares. */
  public static final String GLOBAL = "review";

  private static final RulePack.Definition DEFINITION = new RulePack.Definition(DEFAULT_RESOURCE,
      STAGE, GLOBAL, ReviewDecisions.class, "review decision");

  private final RulePack pack;

  private ReviewEngine(RulePack pack) {
    this.pack = pack;
  }

  /**
   * Returns an engine with the default pack.
   *
   * @return a new engine
   */
  public static ReviewEngine withDefaults() {
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
   * Decides whether a review is required, and by when.
   *
   * @param candidate what happened
   * @return the requirement
   * @throws RuleExecutionException if rule code fails, the firing limit is reached or the time
   *     budget runs out
   */
  @Override
  public ReviewRequirement decide(ReviewCandidate candidate) {
    Objects.requireNonNull(candidate, "candidate");
    VoteLog log = new VoteLog();
    pack.fire(candidate.subjectId(), List.of(ReviewCandidateFact.of(candidate)), log);
    List<Vote> votes = log.votes().stream()
        .filter(v -> v.kind().equals("require") || v.kind().equals("notRequired")).toList();
    if (votes.isEmpty()) {
      return ReviewRequirement.notRequired();
    }
    int top = votes.stream().mapToInt(Vote::precedence).max().orElseThrow();
    List<Vote> required = votes.stream()
        .filter(v -> v.precedence() == top && v.kind().equals("require"))
        .sorted(Comparator.comparingInt(v -> (Integer) v.value())).toList();
    if (required.isEmpty()) {
      return ReviewRequirement.notRequired();
    }
    Vote winner = required.get(0);
    int days = (Integer) winner.value();
    return new ReviewRequirement(true,
        Optional.of(candidate.at().plus(Duration.ofDays(days))),
        Optional.of(Provenance.rule(winner.rule(), winner.reason() + "; within " + days
            + " days")),
        required.subList(1, required.size()).stream()
            .map(v -> Provenance.rule(v.rule(), v.reason() + "; within " + v.value() + " days"))
            .toList());
  }

  /**
   * Recompiles the current rule set and swaps it in atomically.
   *
   * @throws RuleCompilationException if the rules do not compile; the current rules keep serving
   * @throws io.itsm.core.ValidationException if a file cannot be read
   */
  public void reload() {
    pack.reload(s -> { });
  }

  /**
   * Builds a new rule set from a copy of the current configuration changed by {@code changes}.
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
   * Returns how often each loaded rule fired since the rule set was built or reloaded.
   *
   * @return an immutable snapshot, sorted by rule name
   */
  public Map<String, Long> ruleFireCounts() {
    return pack.ruleFireCounts();
  }

  @Override
  public String toString() {
    return "ReviewEngine{" + ruleNames().size() + " rules}";
  }

  /**
   * Configures a {@link ReviewEngine}; see {@link RulePackBuilder}. Not thread-safe.
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
    public ReviewEngine build() {
      return new ReviewEngine(new RulePack(DEFINITION, spec));
    }
  }
}
