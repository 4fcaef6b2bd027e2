package io.itsm.rules;

import io.itsm.core.ItsmException;
import java.util.List;
import java.util.Objects;

/**
 * Thrown by {@link TriageEngine#triage} when the rules fail on a ticket: a consequence threw, or
 * the rules fired more than {@link TriageEngine.Builder#maxRuleFirings(int)} times (a loop). No
 * partial result is returned.
 *
 * <p>Instances are immutable.
 */
public class RuleExecutionException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final List<String> rules;

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
    super(message, incidentId, cause);
    this.rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
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
