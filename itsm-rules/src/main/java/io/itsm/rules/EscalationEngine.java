package io.itsm.rules;

import io.itsm.core.ValidationException;
import io.itsm.core.escalation.EscalationAction;
import io.itsm.core.escalation.EscalationPolicy;
import io.itsm.core.incident.Incident;
import io.itsm.core.sla.SlaReport;
import io.itsm.rules.escalation.IncidentFact;
import io.itsm.rules.escalation.SlaClockFact;
import io.itsm.rules.internal.PackSpec;
import io.itsm.rules.internal.DroolsRules;
import io.itsm.rules.internal.EscalationLog;
import io.itsm.rules.internal.RuleRunner;
import io.itsm.rules.internal.RuleSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Escalation ladders as Drools rules: an {@link EscalationPolicy} for {@code
 * ServiceDesk.builder().escalationPolicy(..)}, with the default ladder ({@value #DEFAULT_RESOURCE})
 * plus your own rule files.
 *
 * <pre>{@code
 * EscalationEngine ladder = EscalationEngine.builder()
 *     .withoutRule("A breached resolution target is reported to the manager")
 *     .addRulesDirectory(Path.of("escalation-rules"))   // your *.drl files
 *     .build();
 * ServiceDesk desk = ServiceDesk.builder()
 *     .slaPolicy(SlaPolicy.defaults())
 *     .escalationPolicy(ladder)
 *     .build();
 * desk.tick();    // records each escalation once, with the deciding rule's name
 * }</pre>
 *
 * <h2>Facts and actions</h2>
 *
 * Per decision the engine inserts one {@link IncidentFact}, one {@link SlaClockFact} per SLA clock
 * and the {@link TeamMap}; rules call the global {@link io.itsm.rules.escalation.Escalations
 * escalations} ({@code handOver}, {@code notifyRole}). The firing rule's name is recorded with every
 * action, and the desk applies each action once per incident ({@link EscalationAction#sameAs}):
 * rules simply state what should have happened by now. Rules may leave out {@code
 * ruleflow-group}; the only legal one is {@value #STAGE}.
 *
 * <h2>Your rules and the defaults</h2>
 *
 * Escalation actions do not compete the way triage decisions do: every action of every rule that
 * fires is applied. So a team rule never "wins" over a default one by precedence; to override a
 * default, switch it off by name ({@link Builder#withoutRule}) and add your own rule; to extend the
 * ladder, just add rules. {@link Builder#withoutDefaults()} leaves only your files.
 *
 * <h2>Safety</h2>
 *
 * Escalation rule files are contained exactly like triage rule files (see {@link TriageEngine}):
 * what their code may touch is checked at compile time ({@link Builder#trustRules()} turns that
 * off), each decision has a time budget ({@link Builder#timeBudget(Duration)}) and fires on a
 * worker thread, and every failure — a rule throwing anything, errors included, the firing limit
 * {@link Builder#maxRuleFirings(int)}, the budget — is a {@link RuleExecutionException} naming the
 * rule and, where known, its file and line (the desk logs it and skips the incident for that
 * tick). Each decision runs in a pooled session of its own. {@link #reload()} compiles off the
 * request path and swaps atomically; a failed reload keeps the current rules; concurrent reloads
 * run one after the other.
 *
 * <p>Thread-safe.
 */
public final class EscalationEngine implements EscalationPolicy {

  /** The classpath resource of the default ladder. */
  public static final String DEFAULT_RESOURCE = "io/itsm/rules/escalation.drl";

  /** The one stage (ruleflow-group) escalation rules may name; rules without one fire too. */
  public static final String STAGE = "escalate";

  /** The name of the global every escalation rule file declares. */
  public static final String GLOBAL = "escalations";

  /** The default firing limit per decision. */
  public static final int DEFAULT_MAX_RULE_FIRINGS = 1_000;

  private final AtomicReference<State> state;
  private final Object reloads = new Object();

  private EscalationEngine(State initial) {
    this.state = new AtomicReference<>(initial);
  }

  /**
   * Returns an engine with the default ladder and teams.
   *
   * @return a new engine
   */
  public static EscalationEngine withDefaults() {
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
   * Decides the escalations an open incident needs now, from the incident and its SLA clocks.
   *
   * @param incident the open incident
   * @param sla its SLA clocks
   * @return the actions in the order the rules made them, maybe empty
   * @throws RuleExecutionException if rule code throws anything (errors included), the firing
   *     limit is reached, the time budget runs out, or too many earlier decisions are stuck
   */
  @Override
  public List<EscalationAction> decide(Incident incident, SlaReport sla) {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(sla, "sla");
    State s = state.get();
    List<Object> facts = List.of(
        IncidentFact.of(incident),
        SlaClockFact.of(sla.response()),
        SlaClockFact.of(sla.resolution()),
        s.teams);
    EscalationLog log = new EscalationLog();
    String id = incident.id();
    List<String> fired = s.runner.run(id, s.runs.get() < RuleRunner.WARMUP_RUNS,
        watch -> s.rules.fire(id, facts, s.maxFirings, log, watch),
        watch -> s.rules.timeout(id, watch, s.runner.budget(), "escalation decision"));
    if (s.runs.get() < RuleRunner.WARMUP_RUNS) {
      s.runs.incrementAndGet();
    }
    for (String rule : fired) {
      LongAdder counter = s.fireCounts.get(rule);
      if (counter != null) {
        counter.increment();
      }
    }
    return log.actions();
  }

  /**
   * Recompiles the current rule set (re-reading rule files) and swaps it in atomically.
   * In-flight decisions finish on the old rules.
   *
   * @throws RuleCompilationException if the rules do not compile; the current rules keep serving
   * @throws ValidationException if a file cannot be read; the current rules keep serving
   */
  public void reload() {
    reload(b -> {});
  }

  /**
   * Builds a new rule set from a copy of the current configuration changed by {@code changes},
   * and swaps it in atomically.
   *
   * <pre>{@code
   * ladder.reload(b -> b.addRules(Path.of("escalation-rules/vendor.drl")));
   * }</pre>
   *
   * @param changes changes to a copy of the current builder
   * @throws RuleCompilationException if the rules do not compile; the current rules keep serving
   * @throws ValidationException if the configuration is invalid; the current rules keep serving
   */
  public void reload(Consumer<Builder> changes) {
    Objects.requireNonNull(changes, "changes");
    synchronized (reloads) {
      State current = state.get();
      Builder copy = current.spec.copy();
      changes.accept(copy);
      state.set(copy.compile(current.runner));
    }
  }

  /**
   * Returns the names of all loaded rules.
   *
   * @return an immutable, sorted list
   */
  public List<String> ruleNames() {
    return state.get().rules.ruleNames();
  }

  /**
   * Returns how often each loaded rule fired since this rule set was built or reloaded, zero for
   * rules that never fired: the raw material of rule coverage ({@code
   * RuleCoverage.ofCounts(engine.ruleNames(), engine.ruleFireCounts())}).
   *
   * @return an immutable snapshot, sorted by rule name
   */
  public Map<String, Long> ruleFireCounts() {
    Map<String, Long> out = new TreeMap<>();
    state.get().fireCounts.forEach((k, v) -> out.put(k, v.sum()));
    return Collections.unmodifiableMap(out);
  }

  @Override
  public String toString() {
    return "EscalationEngine{" + ruleNames().size() + " rules}";
  }

  /**
   * Returns the names of the loaded rules that come from your rule files, not the default ladder.
   *
   * @return an immutable, sorted list
   */
  public List<String> teamRuleNames() {
    return state.get().rules.teamRuleNames();
  }

  /**
   * Returns what the compiled-rules cache ({@link Builder#compiledRulesCache(Path)}) did when the
   * rules in force were compiled.
   *
   * @return the outcome; {@link RuleCacheOutcome#NOT_USED} without a cache or without team rules
   */
  public RuleCacheOutcome ruleCacheOutcome() {
    return state.get().rules.cacheOutcome();
  }

  private record State(
      Builder spec, DroolsRules rules, TeamMap teams, int maxFirings,
      Map<String, LongAdder> fireCounts, RuleRunner runner,
      java.util.concurrent.atomic.AtomicLong runs) {}

  /**
   * Configures an {@link EscalationEngine}. Rule files given as paths are read at {@link #build()}
   * and again at each {@link EscalationEngine#reload()}.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder extends RulePackBuilder<Builder> {
    private TeamMap teams;

    private Builder(PackSpec spec) {
      super(spec);
    }

    private Builder copy() {
      Builder b = new Builder(spec.copy());
      b.teams = teams;
      return b;
    }

    /**
     * Sets the team data rules read (default {@link TeamMap#defaults()}), for example the team of
     * an incident's category to hand it over to.
     *
     * @param teams the team map
     * @return this builder
     */
    public Builder teams(TeamMap teams) {
      this.teams = Objects.requireNonNull(teams, "teams");
      return this;
    }

    /**
     * Compiles the rules and builds the engine.
     *
     * @return the engine
     * @throws RuleCompilationException if the rules do not compile, or touch what rule code may
     *     not (unless {@link #trustRules()})
     * @throws ValidationException if a file cannot be read or a left-out rule does not exist
     */
    public EscalationEngine build() {
      return new EscalationEngine(copy().compile(null));
    }

    private State compile(RuleRunner previous) {
      List<RuleSource> defaultSources = spec.defaults
          ? List.of(RuleSource.classpath(DEFAULT_RESOURCE, EscalationEngine.class.getClassLoader()))
          : List.of();
      DroolsRules rules = DroolsRules.compile(defaultSources, spec.teamSources(),
          spec.withoutRules, List.of(STAGE),
          TriageEngine.DEFAULT_RULE_PRECEDENCE, TriageEngine.TEAM_RULE_PRECEDENCE,
          new DroolsRules.Options(GLOBAL, io.itsm.rules.escalation.Escalations.class,
              spec.trusted, spec.cache()));
      Map<String, LongAdder> counts = new ConcurrentHashMap<>();
      for (String name : rules.ruleNames()) {
        counts.put(name, new LongAdder());
      }
      RuleRunner runner = spec.runner(previous, !rules.teamRuleNames().isEmpty());
      return new State(this, rules, teams == null ? TeamMap.defaults() : teams,
          spec.maxRuleFirings,
          counts, runner, new java.util.concurrent.atomic.AtomicLong());
    }
  }
}
