package io.itsm.rules.testkit;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of running scenarios: which passed, which failed and why, and the rule coverage.
 *
 * <p>Immutable and thread-safe.
 */
public final class ScenarioReport {

  private final List<ScenarioOutcome> outcomes;
  private final RuleCoverage coverage;

  /**
   * Creates a report.
   *
   * @param outcomes the outcomes in scenario order
   * @param coverage the rule coverage of the run
   */
  public ScenarioReport(List<ScenarioOutcome> outcomes, RuleCoverage coverage) {
    this.outcomes = List.copyOf(outcomes);
    this.coverage = Objects.requireNonNull(coverage, "coverage");
  }

  /**
   * Returns every outcome, in scenario order.
   *
   * @return an immutable list
   */
  public List<ScenarioOutcome> outcomes() {
    return outcomes;
  }

  /**
   * Returns the outcomes that failed.
   *
   * @return an immutable list, in scenario order
   */
  public List<ScenarioOutcome> failures() {
    return outcomes.stream().filter(o -> !o.passed()).toList();
  }

  /**
   * Returns how many scenarios passed.
   *
   * @return the count
   */
  public int passed() {
    return outcomes.size() - failed();
  }

  /**
   * Returns how many scenarios failed.
   *
   * @return the count
   */
  public int failed() {
    return (int) outcomes.stream().filter(o -> !o.passed()).count();
  }

  /**
   * Returns whether every scenario passed.
   *
   * @return {@code true} when none failed
   */
  public boolean allPassed() {
    return failed() == 0;
  }

  /**
   * Returns which rules the scenarios fired.
   *
   * @return the coverage
   */
  public RuleCoverage coverage() {
    return coverage;
  }

  /**
   * Returns a summary line, the explanation of each failure and the coverage report.
   *
   * @return the text
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(outcomes.size()).append(" scenarios: ").append(passed()).append(" passed, ")
        .append(failed()).append(" failed");
    for (ScenarioOutcome o : failures()) {
      sb.append("\n\n").append(o.explain());
    }
    sb.append("\n\n").append(coverage.report());
    return sb.toString();
  }

  /**
   * Throws if a scenario failed.
   *
   * @throws AssertionError naming each failed scenario with its explanation
   */
  public void assertAllPassed() {
    if (!allPassed()) {
      StringBuilder sb = new StringBuilder();
      sb.append(failed()).append(" of ").append(outcomes.size()).append(" scenarios failed");
      for (ScenarioOutcome o : failures()) {
        sb.append("\n\n").append(o.explain());
      }
      throw new AssertionError(sb.toString());
    }
  }

  @Override
  public String toString() {
    return "ScenarioReport{" + passed() + " passed, " + failed() + " failed}";
  }
}
