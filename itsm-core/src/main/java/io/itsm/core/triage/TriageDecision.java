package io.itsm.core.triage;

import io.itsm.core.ValidationException;
import java.util.Objects;

/**
 * One decision made during triage: an attribute, its typed value, the rule (or policy) that
 * decided it, why, and the precedence it competes with. A {@link TriageResult} holds the winners
 * and the overruled candidates; events keep them as their {@link io.itsm.core.event.Provenance}.
 *
 * <p>The value has the attribute's {@link TriageAttribute#valueType() value type}: a {@link
 * io.itsm.core.incident.Priority} for PRIORITY, a {@code Boolean} for APPROVAL_REQUIRED, a code
 * for CATEGORY. Text from outside is converted with {@link TriageAttribute#parse(String)} first.
 *
 * <p>Immutable and thread-safe.
 *
 * @param attribute the attribute decided
 * @param value the value, of the attribute's value type, for example {@code "network"}, {@code
 *     Priority.P2}, {@code Boolean.TRUE}
 * @param rule the name of the deciding rule, for example {@code "VPN keywords mean Network"}
 * @param reason a human explanation, for example {@code "matched 'vpn' (en)"}
 * @param precedence the decision's precedence: when several decisions set one attribute, the
 *     highest wins (team rules have a higher precedence than the default packs)
 */
public record TriageDecision(
    TriageAttribute attribute, Object value, String rule, String reason, int precedence) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code value} does not fit the attribute (another type, or a
   *     blank code) or {@code rule} is blank
   */
  public TriageDecision {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
    if (rule.isBlank()) {
      throw new ValidationException(
          "decision rule must not be blank (" + attribute + "=" + value + ")");
    }
    try {
      attribute.check(value);
    } catch (ValidationException e) {
      throw new ValidationException(e.getMessage() + " (rule '" + rule + "')");
    }
  }

  /**
   * Returns the value cast to its type.
   *
   * @param <T> the type
   * @param type the attribute's value type, for example {@code Priority.class}
   * @return the value
   * @throws ClassCastException if {@code type} is not the value's type
   */
  public <T> T value(Class<T> type) {
    return type.cast(value);
  }

  /**
   * Returns the value as text ({@code "P2"}, {@code "true"}, {@code "network"}), for output.
   *
   * @return the text
   */
  public String valueText() {
    return attribute.format(value);
  }

  @Override
  public String toString() {
    return attribute + "=" + valueText() + " by '" + rule + "'" + (reason.isEmpty() ? "" : ": " + reason);
  }
}
