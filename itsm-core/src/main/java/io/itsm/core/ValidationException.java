package io.itsm.core;

import java.util.List;
import java.util.Objects;

/**
 * Thrown when an argument, a field of a value or a configuration is invalid.
 *
 * <p>Each problem names the field and what would be valid, in the form
 * {@code "<field> must be <rule>, but was <value>"}. The message joins all problems.
 *
 * <p>Instances are immutable.
 */
public class ValidationException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * Creates an exception for one problem.
   *
   * @param problem the problem, naming the field and what would be valid
   */
  public ValidationException(String problem) {
    this(List.of(problem));
  }

  /**
   * Creates an exception listing several problems.
   *
   * @param problems the problems, at least one
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public ValidationException(List<String> problems) {
    super(join(problems));
    this.problems = List.copyOf(problems);
  }

  private static String join(List<String> problems) {
    Objects.requireNonNull(problems, "problems");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems must not be empty");
    }
    return problems.size() == 1 ? problems.get(0) : String.join("; ", problems);
  }

  /**
   * Returns every problem found, in the order found.
   *
   * @return an immutable, non-empty list
   */
  public List<String> getProblems() {
    return problems;
  }
}
