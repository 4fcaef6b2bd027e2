package io.itsm.rules.testkit;

import io.itsm.core.ValidationException;
import io.itsm.core.triage.TriageResult;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which rules of a rule set fired during a test run, and which never did.
 *
 * <pre>{@code
 * RuleCoverage coverage = RuleCoverage.of(engine.ruleNames(), results)
 *     .excluding(Set.of("Uncategorized tickets go to the service desk"));
 * coverage.assertAllRulesFired();     // AssertionError listing the rules no scenario fired
 * System.out.println(coverage.report());
 * }</pre>
 *
 * <p>Build it from the {@link TriageResult#firedRules()} of the run's own results rather than the
 * engine's global {@code ruleFireCounts()}, so tests running in parallel on one engine do not
 * count each other's firings. Fired rules that are not in the rule set are ignored.
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleCoverage {

  private final SortedMap<String, Long> counts;
  private final SortedSet<String> excluded;

  private RuleCoverage(SortedMap<String, Long> counts, SortedSet<String> excluded) {
    this.counts = Collections.unmodifiableSortedMap(counts);
    this.excluded = Collections.unmodifiableSortedSet(excluded);
  }

  /**
   * Computes coverage from triage results.
   *
   * @param ruleNames the rules of the rule set, for example {@code engine.ruleNames()}
   * @param results the results of the run
   * @return the coverage
   */
  public static RuleCoverage of(Collection<String> ruleNames, Iterable<TriageResult> results) {
    Objects.requireNonNull(results, "results");
    SortedMap<String, Long> counts = zero(ruleNames);
    for (TriageResult r : results) {
      for (String rule : r.firedRules()) {
        counts.computeIfPresent(rule, (k, n) -> n + 1);
      }
    }
    return new RuleCoverage(counts, new TreeSet<>());
  }

  /**
   * Computes coverage from fire counts, for example {@code engine.ruleFireCounts()} when nothing
   * else uses the engine.
   *
   * @param ruleNames the rules of the rule set
   * @param fireCounts rule name → number of firings
   * @return the coverage
   */
  public static RuleCoverage ofCounts(Collection<String> ruleNames, Map<String, Long> fireCounts) {
    Objects.requireNonNull(fireCounts, "fireCounts");
    SortedMap<String, Long> counts = zero(ruleNames);
    fireCounts.forEach((rule, n) -> counts.computeIfPresent(rule, (k, old) -> old + n));
    return new RuleCoverage(counts, new TreeSet<>());
  }

  private static SortedMap<String, Long> zero(Collection<String> ruleNames) {
    Objects.requireNonNull(ruleNames, "ruleNames");
    SortedMap<String, Long> counts = new TreeMap<>();
    for (String rule : ruleNames) {
      counts.put(Objects.requireNonNull(rule, "rule name"), 0L);
    }
    return counts;
  }

  /**
   * Returns a copy that does not require these rules to fire (for example rules that only fire
   * when a pack is switched off).
   *
   * @param rules exact rule names
   * @return the copy
   * @throws ValidationException if a name is not a rule of this rule set
   */
  public RuleCoverage excluding(Collection<String> rules) {
    Objects.requireNonNull(rules, "rules");
    checkKnown(rules, "excluded");
    SortedSet<String> ex = new TreeSet<>(excluded);
    ex.addAll(rules);
    return new RuleCoverage(new TreeMap<>(counts), ex);
  }

  /**
   * Returns the coverage of two runs together: the union of the rule sets, with fire counts added
   * and exclusions joined. Use it to combine runs of different engines (for example one with a
   * pack switched off).
   *
   * @param other the other run
   * @return the combined coverage
   */
  public RuleCoverage merge(RuleCoverage other) {
    Objects.requireNonNull(other, "other");
    SortedMap<String, Long> c = new TreeMap<>(counts);
    other.counts.forEach((rule, n) -> c.merge(rule, n, Long::sum));
    SortedSet<String> ex = new TreeSet<>(excluded);
    ex.addAll(other.excluded);
    return new RuleCoverage(c, ex);
  }

  /**
   * Returns every rule of the rule set with how often it fired.
   *
   * @return rule name → firings, sorted by name
   */
  public SortedMap<String, Long> fireCounts() {
    return counts;
  }

  /**
   * Returns the rules that fired at least once.
   *
   * @return a sorted, immutable set
   */
  public SortedSet<String> fired() {
    SortedSet<String> out = new TreeSet<>();
    counts.forEach((rule, n) -> {
      if (n > 0) {
        out.add(rule);
      }
    });
    return Collections.unmodifiableSortedSet(out);
  }

  /**
   * Returns the rules that never fired and are not excluded.
   *
   * @return a sorted, immutable set
   */
  public SortedSet<String> unfired() {
    SortedSet<String> out = new TreeSet<>();
    counts.forEach((rule, n) -> {
      if (n == 0 && !excluded.contains(rule)) {
        out.add(rule);
      }
    });
    return Collections.unmodifiableSortedSet(out);
  }

  /**
   * Returns the rules excluded from the requirement to fire.
   *
   * @return a sorted, immutable set
   */
  public SortedSet<String> excluded() {
    return excluded;
  }

  /**
   * Returns the share of the required (not excluded) rules that fired.
   *
   * @return between 0 and 1; 1 when no rule is required
   */
  public double ratio() {
    int required = required();
    return required == 0 ? 1.0 : (double) (required - unfired().size()) / required;
  }

  private int required() {
    int n = 0;
    for (String rule : counts.keySet()) {
      if (!excluded.contains(rule)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Returns a readable report:
   *
   * <pre>
   * Rule coverage: 24 of 25 rules fired (96.0 %), 0 excluded
   * Never fired:
   *   - Uncategorized tickets go to the service desk
   * Fired:
   *      12  Each category goes to its team
   *      ...
   * </pre>
   *
   * @return the text
   */
  public String report() {
    StringBuilder sb = new StringBuilder();
    int required = required();
    SortedSet<String> never = unfired();
    sb.append("Rule coverage: ").append(required - never.size()).append(" of ").append(required)
        .append(" rules fired (")
        .append(String.format(Locale.ROOT, "%.1f", ratio() * 100))
        .append(" %), ").append(excluded.size()).append(" excluded");
    if (!never.isEmpty()) {
      sb.append("\nNever fired:");
      never.forEach(r -> sb.append("\n  - ").append(r));
    }
    if (!excluded.isEmpty()) {
      sb.append("\nExcluded:");
      excluded.forEach(r -> sb.append("\n  - ").append(r));
    }
    SortedSet<String> fired = fired();
    if (!fired.isEmpty()) {
      sb.append("\nFired:");
      for (String r : fired) {
        sb.append('\n').append(String.format(Locale.ROOT, "  %6d  %s", counts.get(r), r));
      }
    }
    return sb.toString();
  }

  /**
   * Throws unless every rule that is not excluded fired at least once.
   *
   * @throws AssertionError listing the rules that never fired, with the report
   */
  public void assertAllRulesFired() {
    SortedSet<String> never = unfired();
    if (!never.isEmpty()) {
      throw new AssertionError(
          never.size() + " rule(s) never fired: '" + String.join("', '", never) + "'\n\n" + report());
    }
  }

  /**
   * Throws unless each of these rules fired at least once.
   *
   * @param rules exact rule names
   * @throws ValidationException if a name is not a rule of this rule set
   * @throws AssertionError listing the given rules that never fired
   */
  public void assertFired(Set<String> rules) {
    Objects.requireNonNull(rules, "rules");
    checkKnown(rules, "expected to fire");
    SortedSet<String> never = new TreeSet<>();
    for (String r : rules) {
      if (counts.get(r) == 0) {
        never.add(r);
      }
    }
    if (!never.isEmpty()) {
      throw new AssertionError(
          never.size() + " of " + rules.size() + " rule(s) never fired: '"
              + String.join("', '", never) + "'\n\n" + report());
    }
  }

  private void checkKnown(Collection<String> rules, String what) {
    Set<String> unknown = new TreeSet<>(new HashSet<>(rules));
    unknown.removeAll(counts.keySet());
    if (!unknown.isEmpty()) {
      throw new ValidationException(
          "rules " + what + " must be rules of the rule set, but these are not: '"
              + String.join("', '", unknown) + "' (known: " + List.copyOf(counts.keySet()) + ")");
    }
  }

  @Override
  public String toString() {
    return "RuleCoverage{" + fired().size() + "/" + counts.size() + " fired}";
  }
}
