package io.itsm.rules;

import io.itsm.core.ValidationException;
import io.itsm.rules.internal.PackSpec;
import io.itsm.rules.internal.RuleSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What the builders of the decision packs have in common — {@link SurveyEngine}, {@link
 * ReviewEngine}, {@link RecurrenceEngine}, {@link ActionEscalationEngine}: the default file on or
 * off, rules left out by name, your own rule files, and the safety settings of {@link
 * TriageEngine} (containment, time budget, firing limit).
 *
 * <p>Your rules and the defaults: your files' rules have precedence {@value
 * TriageEngine#TEAM_RULE_PRECEDENCE}, the default file's {@value
 * TriageEngine#DEFAULT_RULE_PRECEDENCE} (a rule's {@code @precedence(n)} says otherwise); how
 * precedence decides is the pack's (see each engine). To change a default rule, switch it off by
 * name ({@link #withoutRule}) and add your own; {@link #withoutDefaults()} leaves only your files.
 *
 * <p>Not thread-safe.
 *
 * @param <B> the concrete builder
 */
public abstract sealed class RulePackBuilder<B extends RulePackBuilder<B>>
    permits SurveyEngine.Builder, ReviewEngine.Builder, RecurrenceEngine.Builder,
        ActionEscalationEngine.Builder {

  /** The default firing limit per decision. */
  public static final int DEFAULT_MAX_RULE_FIRINGS = 1_000;

  final PackSpec spec;

  /** Wraps a spec (a reload's copy), or a fresh default one when {@code spec} is null. */
  RulePackBuilder(PackSpec spec) {
    this.spec = spec != null ? spec : new PackSpec(DEFAULT_MAX_RULE_FIRINGS,
        TriageEngine.DEFAULT_TIME_BUDGET, TriageEngine.DEFAULT_MAX_STUCK_RUNS);
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * Leaves out the default file: only your rules decide.
   *
   * @return this builder
   */
  public B withoutDefaults() {
    spec.defaults = false;
    return self();
  }

  /**
   * Turns the default file back on (for a reload).
   *
   * @return this builder
   */
  public B withDefaults() {
    spec.defaults = true;
    return self();
  }

  /**
   * Leaves out one loaded rule, by its exact name; building fails if no loaded rule has it.
   *
   * @param ruleName the rule's name
   * @return this builder
   */
  public B withoutRule(String ruleName) {
    spec.withoutRules.add(Objects.requireNonNull(ruleName, "ruleName"));
    return self();
  }

  /**
   * Adds a rule file.
   *
   * @param file a {@code .drl} file, read at build and at each reload
   * @return this builder
   */
  public B addRules(Path file) {
    spec.sources.add(RuleSource.file(Objects.requireNonNull(file, "file")));
    return self();
  }

  /**
   * Adds every {@code *.drl} file of a directory (not its subdirectories), in name order, listed
   * again at each reload.
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
   * @param resource the resource path
   * @return this builder
   */
  public B addClasspathRules(String resource) {
    Objects.requireNonNull(resource, "resource");
    spec.sources.add(RuleSource.classpath(resource, RulePackBuilder.class.getClassLoader()));
    return self();
  }

  /**
   * Adds rules given as text.
   *
   * @param name the name used in error messages, for example {@code "team-survey.drl"}
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
   * Sets the firing limit per decision, against runaway rules.
   *
   * @param max at least 1; default {@value #DEFAULT_MAX_RULE_FIRINGS}
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
   * Sets the time budget of one decision (default {@link TriageEngine#DEFAULT_TIME_BUDGET}).
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
    return self();
  }

  /**
   * Fires rules in the caller's thread with no time budget. For trusted rules only.
   *
   * @return this builder
   */
  public B withoutTimeBudget() {
    spec.timeBudget = null;
    return self();
  }

  /**
   * Sets from how many stuck decisions new ones are refused (default {@link
   * TriageEngine#DEFAULT_MAX_STUCK_RUNS}).
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
   * Trusts your rule files as your own code: no check of what their code may touch.
   *
   * @return this builder
   */
  public B trustRules() {
    spec.trusted = true;
    return self();
  }
}
