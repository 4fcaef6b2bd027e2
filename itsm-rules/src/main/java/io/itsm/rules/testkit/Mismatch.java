package io.itsm.rules.testkit;

import java.util.Objects;

/**
 * One expectation of a scenario that triage did not meet.
 *
 * <p>Immutable and thread-safe.
 *
 * @param attribute the expectation's key as written in scenario files, for example {@code
 *     "priority"}, {@code "tags"} or {@code "decidedBy.priority"}
 * @param expected the expected value as text; {@value Expectation#UNDECIDED} for "no rule decided"
 * @param actual the actual value as text; {@value Expectation#UNDECIDED} when no rule decided it
 */
public record Mismatch(String attribute, String expected, String actual) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public Mismatch {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
  }

  /** Returns {@code "priority: expected P1 but was P2"}. */
  @Override
  public String toString() {
    return attribute + ": expected " + expected + " but was " + actual;
  }
}
