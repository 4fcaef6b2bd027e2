package io.itsm.rules;

import io.itsm.core.ItsmException;
import java.util.List;
import java.util.Objects;

/**
 * Thrown when rule files do not compile, by {@link TriageEngine.Builder#build()} and {@link
 * TriageEngine#reload()}. A failed reload leaves the previous rules serving.
 *
 * <p>The message lists every problem as {@code file:line:column: message}, one a line.
 *
 * <p>Instances are immutable.
 */
public class RuleCompilationException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final List<RuleProblem> problems;

  /**
   * Creates an exception listing the problems.
   *
   * @param problems the problems, at least one
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public RuleCompilationException(List<RuleProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(List<RuleProblem> problems) {
    Objects.requireNonNull(problems, "problems");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems must not be empty");
    }
    StringBuilder sb = new StringBuilder("rules do not compile (")
        .append(problems.size()).append(problems.size() == 1 ? " problem):" : " problems):");
    for (RuleProblem p : problems) {
      sb.append(System.lineSeparator()).append("  ").append(p);
    }
    return sb.toString();
  }

  /**
   * Returns every problem, in the order Drools reported them.
   *
   * @return an immutable, non-empty list
   */
  public List<RuleProblem> getProblems() {
    return problems;
  }
}
