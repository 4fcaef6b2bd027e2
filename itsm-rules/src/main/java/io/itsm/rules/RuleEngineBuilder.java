package io.itsm.rules;

import io.itsm.core.ValidationException;
import io.itsm.rules.internal.PackSpec;
import io.itsm.rules.internal.RuleSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What every rule engine's builder has in common — {@link TriageEngine}, {@link EscalationEngine},
 * {@link NotifyEngine}, {@link AnnouncementEngine}, {@link CaptureEngine} and the decision packs of
 * {@link RulePackBuilder}: your own rule files (one by one, whole directories, classpath resources,
 * text), rules left out by name, and the safety settings — containment of rule code, the time
 * budget of one decision, the firing limit and the limit of stuck decisions.
 *
 * <p>Rule files given as paths or directories are read when the engine is built and again at each
 * of its reloads (a directory is listed again). Every setting is checked when it is given; the
 * rules themselves are checked when the engine is built.
 *
 * <h2>Trust</h2>
 *
 * Your rule files are code running inside your application, so every engine contains them:
 *
 * <ul>
 *   <li><b>What rule code may touch</b> is checked when the rules are compiled, before any of it
 *       runs: our fact and decision types, {@code java.lang} strings, maths and boxing, {@code
 *       java.math}, {@code java.time}, {@code java.util} collections, streams and regular
 *       expressions. {@code System}, {@code Runtime}, threads, files, the network, reflection and
 *       class loading are refused as a {@link RuleCompilationException} naming the file, the line
 *       and the member ({@code team.drl:12:?: rule "x" calls java.lang.System.exit(int), which
 *       rule code may not use; ...}). {@link #trustRules()} turns the check off for rule files
 *       you trust as your own code.
 *   <li><b>A time budget</b> per decision once team rules are loaded ({@link
 *       #timeBudget(Duration)}, default {@link TriageEngine#defaultTimeBudget()}): rules fire on a
 *       worker thread; past the budget the decision fails with a {@link RuleExecutionException}
 *       naming the rule that was running, the session is halted and the caller goes on. A
 *       consequence that never returns keeps its worker busy (Java cannot stop it); after {@link
 *       #maxStuckRuns(int)} such runs the engine refuses new decisions until one returns. The
 *       library's own packs alone fire on the caller's thread unless a budget is set here: they
 *       are tested code that ends on every input, and the hand-over to a worker costs each
 *       decision about as much as its rules.
 *   <li><b>Every failure is one exception</b>: whatever rule code throws, {@code
 *       StackOverflowError} and {@code OutOfMemoryError} included, or a loop past {@link
 *       #maxRuleFirings(int)}, reaches the caller as a {@link RuleExecutionException} with
 *       the rule and, where known, the file and line of the failing code. No partial result.
 * </ul>
 *
 * <p>Not thread-safe.
 *
 * @param <B> the concrete builder
 */
public abstract sealed class RuleEngineBuilder<B extends RuleEngineBuilder<B>>
    permits TriageEngine.Builder, RulePackBuilder {

  /** The settings and rule files; copied before a reload changes them. */
  final PackSpec spec;

  /**
   * Wraps a spec (a reload's copy), or a fresh one with the given firing limit, {@link
   * TriageEngine#defaultTimeBudget()} and {@link TriageEngine#DEFAULT_MAX_STUCK_RUNS} when {@code
   * spec} is null.
   */
  RuleEngineBuilder(PackSpec spec, int defaultMaxRuleFirings) {
    this.spec = spec != null ? spec : PackSpec.withDefaultBudget(defaultMaxRuleFirings);
  }

  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }

  /**
   * Leaves out one loaded rule, by its exact name; building fails if no loaded rule has it.
   *
   * @param ruleName the rule's name, for example {@code "VIP callers raise the priority one
   *     level"}
   * @return this builder
   */
  public B withoutRule(String ruleName) {
    spec.withoutRules.add(Objects.requireNonNull(ruleName, "ruleName"));
    return self();
  }

  /**
   * Adds a rule file, read when the engine is built and at each reload.
   *
   * @param file a {@code .drl} file
   * @return this builder
   */
  public B addRules(Path file) {
    spec.sources.add(RuleSource.file(Objects.requireNonNull(file, "file")));
    return self();
  }

  /**
   * Adds every {@code *.drl} file of a directory (not its subdirectories), in name order. The
   * directory is listed again at each reload.
   *
   * @param dir the directory
   * @return this builder
   */
  public B addRulesDirectory(Path dir) {
    spec.directories.add(Objects.requireNonNull(dir, "dir"));
    return self();
  }

  /**
   * Adds a rule file from the classpath of this library's class loader.
   *
   * @param resource the resource path, for example {@code "rules/team.drl"}
   * @return this builder
   */
  public B addClasspathRules(String resource) {
    Objects.requireNonNull(resource, "resource");
    spec.sources.add(RuleSource.classpath(resource, RuleEngineBuilder.class.getClassLoader()));
    return self();
  }

  /**
   * Adds rules given as text.
   *
   * @param name the name used in error messages, for example {@code "team.drl"}
   * @param drl the DRL text
   * @return this builder
   */
  public B addRules(String name, String drl) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(drl, "drl");
    spec.sources.add(RuleSource.text(name, drl));
    return self();
  }

  /**
   * Sets the firing limit per decision, against runaway rules (default: {@link
   * TriageEngine#DEFAULT_MAX_RULE_FIRINGS} for triage, {@link
   * RulePackBuilder#DEFAULT_MAX_RULE_FIRINGS} for the other engines).
   *
   * @param max at least 1
   * @return this builder
   * @throws ValidationException if {@code max} is less than 1
   */
  public B maxRuleFirings(int max) {
    if (max < 1) {
      throw new ValidationException("maxRuleFirings must be at least 1, but was " + max);
    }
    spec.maxRuleFirings = max;
    return self();
  }

  /**
   * Sets the time budget of one decision (default {@link TriageEngine#defaultTimeBudget()} when
   * team rules are loaded, none for the library's own packs alone), for the library's own packs
   * too. Rules fire on a worker thread; past the budget the decision fails with a {@link
   * RuleExecutionException} naming the rule that was running, and the caller goes on.
   *
   * @param budget positive
   * @return this builder
   * @throws ValidationException if {@code budget} is zero or negative
   */
  public B timeBudget(Duration budget) {
    Objects.requireNonNull(budget, "budget");
    if (budget.isZero() || budget.isNegative()) {
      throw new ValidationException("timeBudget must be positive, but was " + budget);
    }
    spec.timeBudget = budget;
    spec.budgetChosen = true;
    return self();
  }

  /**
   * Fires team rules in the caller's thread with no time budget (as the library's own packs alone
   * always do unless {@link #timeBudget(Duration)} is set): faster, but a consequence that loops
   * for ever then hangs the caller. For trusted rules only.
   *
   * @return this builder
   */
  public B withoutTimeBudget() {
    spec.timeBudget = null;
    spec.budgetChosen = true;
    return self();
  }

  /**
   * Sets from how many stuck decisions (consequences still running past their budget) new ones
   * are refused (default {@value TriageEngine#DEFAULT_MAX_STUCK_RUNS}). Each stuck run keeps a
   * thread, and for a busy loop a core, until its consequence returns.
   *
   * @param max at least 1
   * @return this builder
   * @throws ValidationException if {@code max} is less than 1
   */
  public B maxStuckRuns(int max) {
    if (max < 1) {
      throw new ValidationException("maxStuckRuns must be at least 1, but was " + max);
    }
    spec.maxStuckRuns = max;
    return self();
  }

  /**
   * Trusts your rule files as your own code: their consequences, functions and conditions may
   * call any Java code (files, network, threads, reflection, {@code System}). Without this the
   * engine refuses, at compile time, rule code that touches more than our fact and decision
   * types, {@code java.lang} strings and maths, {@code java.time} and {@code java.util}
   * collections (see {@link TriageEngine}). The time budget still applies.
   *
   * @return this builder
   */
  public B trustRules() {
    spec.trusted = true;
    return self();
  }

  /**
   * Keeps compiled team rule sets in {@code directory} across JVM starts: a build (or reload)
   * whose rule files, checks, library version and Drools version are exactly those of a stored
   * set reads the compiled set back instead of compiling the DRL. A set is stored only after every
   * check on your files (names, stages, what rule code may touch) passed, under a key covering the
   * text of every file, so a set read back needs neither the parse nor the checks again.
   *
   * <p>A stored set is verified before it is used (its key, length, CRC-32 checksum, and that it
   * holds exactly the rules of the files); a damaged, foreign or stale set is never trusted: the
   * rules are compiled and the set is written anew ({@link TriageEngine#ruleCacheOutcome()} and
   * {@link EscalationEngine#ruleCacheOutcome()} say which happened). A directory that cannot be
   * written costs only the speed. Default files alone need no cache.
   *
   * <p>The directory holds compiled code: give it the protection of the rule files themselves.
   * Sets of rule files no longer in use are not deleted; removing the directory's files is always
   * safe.
   *
   * <pre>{@code
   * TriageEngine engine = TriageEngine.builder()
   *     .addRulesDirectory(Path.of("rules"))
   *     .compiledRulesCache(Path.of("/var/cache/itsm/rules"))
   *     .build();
   * }</pre>
   *
   * @param directory the directory, created when needed
   * @return this builder
   */
  public B compiledRulesCache(Path directory) {
    spec.compiledRulesCache = Objects.requireNonNull(directory, "directory");
    return self();
  }
}
