package io.itsm.core.triage;

import io.itsm.core.ValidationException;
import java.util.Objects;

/**
 * One decision made during triage: an attribute, its value, the rule (or policy) that decided it
 * and why.
 *
 * <p>Immutable and thread-safe.
 *
 * @param attribute the attribute decided
 * @param value the value as text, for example {@code "network"}, {@code "P2"}, {@code "true"}
 * @param rule the name of the deciding rule, for example {@code "VPN keywords mean Network"}
 * @param reason a human explanation, for example {@code "matched 'vpn' (en)"}
 * @param precedence the decision's precedence: when several decisions set one attribute, the
 *     highest wins (team rules have a higher precedence than the default packs)
 */
public record Decision(
    TriageAttribute attribute, String value, String rule, String reason, int precedence) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code value} or {@code rule} is blank
   */
  public Decision {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
    if (value.isBlank()) {
      throw new ValidationException(
          "decision value for " + attribute + " must not be blank (rule '" + rule + "')");
    }
    if (rule.isBlank()) {
      throw new ValidationException("decision rule must not be blank (" + attribute + "=" + value + ")");
    }
  }

  @Override
  public String toString() {
    return attribute + "=" + value + " by '" + rule + "'" + (reason.isEmpty() ? "" : ": " + reason);
  }
}
