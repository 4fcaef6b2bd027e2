package io.itsm.rules.testkit;

import io.itsm.core.triage.TriageResult;

/**
 * Entry point of the AssertJ-style assertions on triage results.
 *
 * <pre>{@code
 * import static io.itsm.rules.testkit.TriageAssertions.assertThat;
 *
 * assertThat(engine.triage(ticket))
 *     .hasCategory("security")
 *     .hasPriority(Priority.P2)
 *     .wasDecidedBy(TriageAttribute.PRIORITY, "Security incidents are never below P2")
 *     .isRoutedTo("security-ops", SupportLevel.L2)
 *     .requiresApproval();
 * }</pre>
 *
 * <p>Requires {@code assertj-core} on the test class path (an optional dependency of {@code
 * itsm-rules}). Stateless and thread-safe.
 */
public final class TriageAssertions {

  private TriageAssertions() {}

  /**
   * Starts assertions on a triage result.
   *
   * @param actual the result
   * @return the assertion object
   */
  public static TriageResultAssert assertThat(TriageResult actual) {
    return new TriageResultAssert(actual);
  }
}
