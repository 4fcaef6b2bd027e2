package io.itsm.rules.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
    return c;
  }
}
