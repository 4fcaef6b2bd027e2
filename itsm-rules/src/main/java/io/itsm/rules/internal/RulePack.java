package io.itsm.rules.internal;

import io.itsm.rules.RuleCompilationException;
import io.itsm.rules.RuleExecutionException;
import io.itsm.rules.TriageEngine;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * A compiled rule pack that decides by calling a global (the survey, review, recurrence and
 * preventive-action ladder packs; the escalation ladder works the same way): the default file plus
 * the team's, contained like triage rules, fired on a worker with a time budget, its rules'
 * firings counted, and reloaded atomically (a failed reload keeps the current rules).
 *
 * <p>Thread-safe.
 */
public final class RulePack {

  /**
   * What kind of pack it is.
   *
   * @param defaultResource the classpath resource of the default file
   * @param stage the one ruleflow-group its rules may name
   * @param globalName the name of the global its files declare
   * @param globalType the global's type
   * @param what what one decision is called in messages, for example "survey decision"
   */
  public record Definition(String defaultResource, String stage, String globalName,
      Class<?> globalType, String what) {}

  private record State(PackSpec spec, DroolsRules rules, Map<String, LongAdder> counts,
      RuleRunner runner, AtomicLong runs) {}

  private final Definition definition;
  private final AtomicReference<State> state;
  private final Object reloads = new Object();

  /**
   * Compiles a pack.
   *
   * @param definition what kind of pack
   * @param spec what it is built from (copied)
   * @throws RuleCompilationException if the rules do not compile or touch what they may not
   * @throws io.itsm.core.ValidationException if a file cannot be read or a left-out rule does not
   *     exist
   */
  public RulePack(Definition definition, PackSpec spec) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.state = new AtomicReference<>(compile(spec.copy(), null));
  }

  private State compile(PackSpec spec, RuleRunner previous) {
    ClassLoader loader = RulePack.class.getClassLoader();
    List<RuleSource> defaults = spec.defaults
        ? List.of(RuleSource.classpath(definition.defaultResource(), loader)) : List.of();
    List<RuleSource> team = spec.teamSources();
    DroolsRules rules = DroolsRules.compile(defaults, team, spec.withoutRules,
        List.of(definition.stage()), TriageEngine.DEFAULT_RULE_PRECEDENCE,
        TriageEngine.TEAM_RULE_PRECEDENCE,
        new DroolsRules.Options(definition.globalName(), definition.globalType(), spec.trusted,
            spec.cache()));
    Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    for (String name : rules.ruleNames()) {
      counts.put(name, new LongAdder());
    }
    RuleRunner runner = spec.runner(previous, !rules.teamRuleNames().isEmpty());
    return new State(spec, rules, counts, runner, new AtomicLong());
  }

  /**
   * Fires the rules once over facts, calling {@code log} as the global.
   *
   * @param id the id of what is decided, for messages
   * @param facts the facts
   * @param log the global, told each firing rule
   * @return the rules that fired, in order
   * @throws RuleExecutionException if rule code throws, the firing limit is reached or the time
   *     budget runs out
   */
  public List<String> fire(String id, Collection<?> facts, FiringLog log) {
    State s = state.get();
    boolean warming = s.runs().get() < RuleRunner.WARMUP_RUNS;
    List<String> fired = s.runner().run(id, warming,
        watch -> s.rules().fire(id, facts, s.spec().maxRuleFirings, log, watch),
        watch -> s.rules().timeout(id, watch, s.runner().budget(), definition.what()));
    if (warming) {
      s.runs().incrementAndGet();
    }
    for (String rule : fired) {
      LongAdder c = s.counts().get(rule);
      if (c != null) {
        c.increment();
      }
    }
    return fired;
  }

  /**
   * Builds a new rule set from a copy of the current spec changed by {@code changes}, and swaps
   * it in atomically; concurrent reloads run one after the other.
   *
   * @param changes changes to a copy of the current spec
   * @throws RuleCompilationException if the rules do not compile; the current ones keep serving
   * @throws io.itsm.core.ValidationException if the configuration is invalid; the current rules
   *     keep serving
   */
  public void reload(Consumer<PackSpec> changes) {
    Objects.requireNonNull(changes, "changes");
    synchronized (reloads) {
      State current = state.get();
      PackSpec copy = current.spec().copy();
      changes.accept(copy);
      state.set(compile(copy, current.runner()));
    }
  }

  /**
   * Returns a copy of the current spec.
   *
   * @return the copy
   */
  public PackSpec spec() {
    return state.get().spec().copy();
  }

  /**
   * Returns the names of all loaded rules.
   *
   * @return an immutable, sorted list
   */
  public List<String> ruleNames() {
    return state.get().rules().ruleNames();
  }

  /**
   * Returns the names of the loaded rules from the team's files.
   *
   * @return an immutable, sorted list
   */
  public List<String> teamRuleNames() {
    return state.get().rules().teamRuleNames();
  }

  /**
   * Returns how often each loaded rule fired since the rule set was built or reloaded.
   *
   * @return an immutable snapshot, sorted by rule name
   */
  public Map<String, Long> ruleFireCounts() {
    Map<String, Long> out = new TreeMap<>();
    state.get().counts().forEach((k, v) -> out.put(k, v.sum()));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Returns the precedences of the loaded rules.
   *
   * @return rule name → precedence
   */
  public Map<String, Integer> precedences() {
    return state.get().rules().precedences();
  }
}
