package io.itsm.rules.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a rule pack is built from: whether the default file is on, the rules left out, the team's
 * files and directories, and the safety settings. Mutable, held by a builder; {@link #copy()}
 * before a reload changes it.
 *
 * <p>Not thread-safe.
 */
public final class PackSpec {

  /** Whether the pack's default file is compiled. */
  public boolean defaults = true;

  /** The names of rules to leave out. */
  public final Set<String> withoutRules = new LinkedHashSet<>();

  /** The team's rule files, in order. */
  public final List<RuleSource> sources = new ArrayList<>();

  /** The team's rule directories, listed again at each build. */
  public final List<Path> directories = new ArrayList<>();

  /** The firing limit per decision. */
  public int maxRuleFirings;

  /**
   * The time budget of one decision when team rules are loaded or the budget was {@link
   * #budgetChosen chosen}, or null for none (the caller's thread); see {@link #budgetFor}.
   */
  public Duration timeBudget;

  /**
   * Whether {@link #timeBudget} was chosen by the builder ({@code timeBudget(..)}, {@code
   * withoutTimeBudget()}) rather than left at its default ({@link
   * io.itsm.rules.TriageEngine#defaultTimeBudget()}, which the system property {@value
   * io.itsm.rules.TriageEngine#TIME_BUDGET_PROPERTY} sets: a value, not a choice).
   */
  public boolean budgetChosen;

  /** From how many stuck decisions new ones are refused. */
  public int maxStuckRuns;

  /** Whether the team's files may call any code. */
  public boolean trusted;

  /** Where compiled team rule sets are kept across JVM starts, or null for nowhere. */
  public Path compiledRulesCache;

  /**
   * Creates a spec with the defaults on.
   *
   * @param maxRuleFirings the firing limit
   * @param timeBudget the time budget
   * @param maxStuckRuns the stuck limit
   */
  public PackSpec(int maxRuleFirings, Duration timeBudget, int maxStuckRuns) {
    this.maxRuleFirings = maxRuleFirings;
    this.timeBudget = timeBudget;
    this.maxStuckRuns = maxStuckRuns;
  }

  /**
   * Creates a spec with the defaults on, {@link io.itsm.rules.TriageEngine#defaultTimeBudget()}
   * (not {@link #budgetChosen chosen}) and {@link
   * io.itsm.rules.TriageEngine#DEFAULT_MAX_STUCK_RUNS}.
   *
   * @param maxRuleFirings the firing limit
   * @return the spec
   * @throws io.itsm.core.ValidationException if the system property of the default budget is not
   *     a positive number
   */
  public static PackSpec withDefaultBudget(int maxRuleFirings) {
    return new PackSpec(maxRuleFirings, io.itsm.rules.TriageEngine.defaultTimeBudget(),
        io.itsm.rules.TriageEngine.DEFAULT_MAX_STUCK_RUNS);
  }

  /**
   * Returns an independent copy.
   *
   * @return the copy
   */
  public PackSpec copy() {
    PackSpec c = new PackSpec(maxRuleFirings, timeBudget, maxStuckRuns);
    c.budgetChosen = budgetChosen;
    c.defaults = defaults;
    c.withoutRules.addAll(withoutRules);
    c.sources.addAll(sources);
    c.directories.addAll(directories);
    c.trusted = trusted;
    c.compiledRulesCache = compiledRulesCache;
    return c;
  }

  /**
   * Returns the team's rule files: the files added one by one, then each directory's {@code
   * *.drl} files as listed now.
   *
   * @return a new list
   * @throws io.itsm.core.ValidationException if a directory cannot be listed
   */
  public List<RuleSource> teamSources() {
    List<RuleSource> team = new ArrayList<>(sources);
    for (Path dir : directories) {
      team.addAll(RuleSource.directory(dir));
    }
    return team;
  }

  /**
   * Returns the compiled-rules cache of {@link #compiledRulesCache}, or null when none is set.
   *
   * @return the cache or null
   */
  public CompiledRulesCache cache() {
    return compiledRulesCache == null ? null : new CompiledRulesCache(compiledRulesCache);
  }

  /**
   * Returns the time budget a rule set runs with: {@link #timeBudget} when it has team rule files
   * or the budget was {@link #budgetChosen chosen}; otherwise none. The library's own packs alone
   * are tested code that ends on every input: they fire on the caller's thread, without the
   * hand-over to a rule worker that a budget costs every decision.
   *
   * @param teamRules whether the rule set has team rule files
   * @return the budget, or null for none (the caller's thread)
   */
  public Duration budgetFor(boolean teamRules) {
    return teamRules || budgetChosen ? timeBudget : null;
  }

  /**
   * Returns {@code previous} when it has the time budget of {@link #budgetFor} and this spec's
   * stuck limit (a reload keeps its worker and stuck count), else a new runner.
   *
   * @param previous the runner of the rules in force, or null
   * @param teamRules whether the rule set has team rule files
   * @return the runner
   */
  public RuleRunner runner(RuleRunner previous, boolean teamRules) {
    Duration budget = budgetFor(teamRules);
    return previous != null && Objects.equals(previous.budget(), budget)
        && previous.maxStuck() == maxStuckRuns
        ? previous : new RuleRunner(budget, maxStuckRuns);
  }
}
