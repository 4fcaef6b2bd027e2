package io.itsm.rules.testkit;

import io.itsm.core.triage.TriageResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of running one scenario: the triage result and the expectations it missed, or the
 * exception triage threw.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scenario the scenario
 * @param result the triage result, or empty when triage threw
 * @param mismatches the expectations that did not hold, in attribute order
 * @param error the exception triage threw (for example a {@code RuleExecutionException}), or empty
 */
public record ScenarioOutcome(
    Scenario scenario,
    Optional<TriageResult> result,
    List<Mismatch> mismatches,
    Optional<RuntimeException> error) {

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if both or neither of {@code result} and {@code error} are
   *     present
   */
  public ScenarioOutcome {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(result, "result");
    mismatches = List.copyOf(mismatches);
    Objects.requireNonNull(error, "error");
    if (result.isPresent() == error.isPresent()) {
      throw new IllegalArgumentException(
          "an outcome has either a result or an error, but had "
              + (result.isPresent() ? "both" : "neither"));
    }
  }

  /**
   * Returns whether triage succeeded and met every expectation.
   *
   * @return {@code true} when the scenario passed
   */
  public boolean passed() {
    return error.isEmpty() && mismatches.isEmpty();
  }

  /**
   * Explains the outcome: for a failure, expected vs actual per attribute and every decision with
   * its rule and reason, for example:
   *
   * <pre>
   * scenario 'Phishing in Spanish' (security.json $.scenarios[0]) failed:
   *   priority: expected P1 but was P2
   *   decided:
   *     CATEGORY=security by 'The category with the most keyword hits wins': 1 keyword hit, ...
   *     PRIORITY=P2 by 'Security incidents are never below P2': security category: raised from P3
   *   overruled:
   *     PRIORITY=P3 by 'Medium impact and urgency, or high against low, make P3': ...
   *   rules fired (11): '...', '...'
   * </pre>
   *
   * @return the explanation; for a pass, one line and the decisions
   */
  public String explain() {
    StringBuilder sb = new StringBuilder();
    sb.append("scenario '").append(scenario.name()).append("' (").append(scenario.location())
        .append(") ").append(passed() ? "passed" : "failed").append(':');
    if (error.isPresent()) {
      sb.append("\n  triage threw ").append(error.get().getClass().getSimpleName()).append(": ")
          .append(error.get().getMessage());
      return sb.toString();
    }
    for (Mismatch m : mismatches) {
      sb.append("\n  ").append(m);
    }
    sb.append('\n').append(Explanations.explain(result.orElseThrow(), "  "));
    return sb.toString();
  }
}
