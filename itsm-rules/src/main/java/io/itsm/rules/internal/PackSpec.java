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

  /** The time budget of one decision, or null for none (the caller's thread). */
  public Duration timeBudget;

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
   * Returns an independent copy.
   *
   * @return the copy
   */
  public PackSpec copy() {
    PackSpec c = new PackSpec(maxRuleFirings, timeBudget, maxStuckRuns);
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
   * Returns {@code previous} when it has this spec's time budget and stuck limit (a reload keeps
   * its worker and stuck count), else a new runner.
   *
   * @param previous the runner of the rules in force, or null
   * @return the runner
   */
  public RuleRunner runner(RuleRunner previous) {
    return previous != null && Objects.equals(previous.budget(), timeBudget)
        && previous.maxStuck() == maxStuckRuns
        ? previous : new RuleRunner(timeBudget, maxStuckRuns);
  }
}
