package io.itsm.rules;

import io.itsm.core.access.Role;
import io.itsm.core.escalation.EscalationAction;
import io.itsm.core.review.ActionEscalationPolicy;
import io.itsm.core.review.PreventiveAction;
import io.itsm.rules.facts.ActionEscalations;
import io.itsm.rules.facts.OverdueActionFact;
import io.itsm.rules.internal.PackSpec;
import io.itsm.rules.internal.RulePack;
import io.itsm.rules.internal.Vote;
import io.itsm.rules.internal.VoteLog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The escalation ladder of overdue preventive actions as Drools rules: an {@link
 * ActionEscalationPolicy} for {@code Reviews.builder().actionEscalation(..)} or {@code
 * Improvement.builder().actionEscalation(..)}, with the default ladder ({@value
 * #DEFAULT_RESOURCE}) plus your own rule files. It is the incidents' ladder ({@link
 * EscalationEngine}) for actions: the same {@link EscalationAction}s (hierarchical: notify a
 * role), applied once per rule and role, the same containment, budget and reload.
 *
 * <p>Per decision the engine inserts one {@link OverdueActionFact}; rules call the global {@code
 * escalations} ({@link ActionEscalations}): {@code notifyRole(role, reason)}. Every call of every
 * rule that fires is applied (escalations do not compete); to change a rung, switch it off by name
 * and add your own.
 *
 * <p>The default ladder: the team lead as soon as the action is overdue, the manager a week
 * overdue, senior management a month overdue.
 *
 * <p>Thread-safe.
 */
public final class ActionEscalationEngine implements ActionEscalationPolicy {

  /** The classpath resource of the default ladder. */
  public static final String DEFAULT_RESOURCE = "io/itsm/rules/action-escalation.drl";

  /** The one stage (ruleflow-group) ladder rules may name. */
  public static final String STAGE = "escalate";

  /** The name of the global every ladder file declares. */
  public static final String GLOBAL = "escalations";

  private static final RulePack.Definition DEFINITION = new RulePack.Definition(DEFAULT_RESOURCE,
      STAGE, GLOBAL, ActionEscalations.class, "preventive-action escalation");

  private final RulePack pack;

  private ActionEscalationEngine(RulePack pack) {
    this.pack = pack;
  }

  /**
   * Returns an engine with the default ladder.
   *
   * @return a new engine
   */
  public static ActionEscalationEngine withDefaults() {
    return builder().build();
  }

  /**
   * Starts configuring an engine; the default ladder is on.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder(null);
  }

  /**
   * Decides who should have been told about an overdue action by now.
   *
   * @param action the overdue action
   * @param now the tick's instant
   * @return hierarchical actions, in the order the rules made them
   * @throws RuleExecutionException if rule code fails, the firing limit is reached or the time
   *     budget runs out
   */
  @Override
  public List<EscalationAction> decide(PreventiveAction action, Instant now) {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(now, "now");
    VoteLog log = new VoteLog();
    pack.fire(action.id(), List.of(OverdueActionFact.of(action, now)), log);
    return log.votes().stream().filter(v -> v.kind().equals("notify"))
        .map((Vote v) -> EscalationAction.notifyRole((Role) v.value(), v.rule(), v.reason()))
        .toList();
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
    return "ActionEscalationEngine{" + ruleNames().size() + " rules}";
  }

  /**
   * Configures an {@link ActionEscalationEngine}; see {@link RulePackBuilder}. Not thread-safe.
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
    public ActionEscalationEngine build() {
      return new ActionEscalationEngine(new RulePack(DEFINITION, spec));
    }
  }
}
