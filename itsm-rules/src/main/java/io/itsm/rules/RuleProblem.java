package io.itsm.rules;

import java.util.Objects;

/**
 * One problem found while compiling rules: where it is and what is wrong.
 *
 * <p>Immutable and thread-safe.
 *
 * @param file the rule file (its path, or the name given to {@link TriageEngine.Builder#addRules(
 *     String, String)}), for example {@code "team/network.drl"}
 * @param line the 1-based line, or {@code -1} when Drools does not say
 * @param column the 1-based column, or {@code -1} when Drools does not say
 * @param message what is wrong, as Drools reports it
 */
public record RuleProblem(String file, int line, int column, String message) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if {@code file} or {@code message} is null
   */
  public RuleProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Returns the problem as {@code file:line:column: message}, with {@code ?} for an unknown line
   * or column.
   *
   * @return the formatted problem
   */
  @Override
  public String toString() {
    return file + ":" + (line < 0 ? "?" : line) + ":" + (column < 0 ? "?" : column) + ": " + message;
  }
}
