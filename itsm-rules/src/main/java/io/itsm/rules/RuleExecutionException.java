package io.itsm.rules;

import io.itsm.core.ItsmException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Thrown by {@link TriageEngine#triage} and {@link EscalationEngine#decide} when the rules fail on
 * a ticket or incident, and nothing else is: a consequence or condition threw (any exception or
 * error, {@code StackOverflowError} and {@code OutOfMemoryError} included), the rules fired more
 * than {@link TriageEngine.Builder#maxRuleFirings(int)} times (a loop), the run took longer than
 * the engine's time budget, or too many earlier runs are stuck in consequences that never returned.
 * No partial result is returned.
 *
 * <p>{@link #getRules()} names the rule concerned; {@link #getFile()} and {@link #getLine()} say
 * where it is, when known (the line of the failing code for a consequence or function, else the
 * rule's line).
 *
 * <p>Instances are immutable.
 */
public class RuleExecutionException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final List<String> rules;
  private final String file;
  private final int line;

  /**
   * Creates an exception.
   *
   * @param message what went wrong
   * @param incidentId the ticket's id, or {@code null}
   * @param rules the rules concerned: the throwing rule, or the rules that fired most in a loop
   * @param cause the exception the rule threw, or {@code null}
   */
  public RuleExecutionException(
      String message, String incidentId, List<String> rules, Throwable cause) {
    this(message, incidentId, rules, null, -1, cause);
  }

  /**
   * Creates an exception that says where the failing rule is.
   *
   * @param message what went wrong
   * @param incidentId the ticket's id, or {@code null}
   * @param rules the rules concerned
   * @param file the rule file, or {@code null} when not known
   * @param line the 1-based line in the file, or {@code -1} when not known
   * @param cause the exception the rule threw, or {@code null}
   */
  public RuleExecutionException(
      String message, String incidentId, List<String> rules, String file, int line,
      Throwable cause) {
    super(message, incidentId, cause);
    this.rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
    this.file = file;
    this.line = file == null ? -1 : line;
  }

  /**
   * Returns the rule file of the failing rule, when known.
   *
   * @return the file's name as given to the engine, or empty
   */
  public Optional<String> getFile() {
    return Optional.ofNullable(file);
  }

  /**
   * Returns the line of the failing code in {@link #getFile()}, when known.
   *
   * @return the 1-based line, or empty
   */
  public OptionalInt getLine() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  /**
   * Returns the names of the rules concerned: the rule whose consequence threw, or the rules that
   * fired most often when the firing limit was hit, most firings first.
   *
   * @return an immutable list, maybe empty when Drools did not say
   */
  public List<String> getRules() {
    return rules;
  }
}
