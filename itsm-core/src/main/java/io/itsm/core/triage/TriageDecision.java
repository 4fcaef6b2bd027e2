package io.itsm.core.triage;

import io.itsm.core.ValidationException;
import java.util.Objects;

/**
 * One decision made during triage: an attribute, its typed value, what the decision does with it
 * (sets it, or bounds it from below or above), the rule (or policy) that decided it, why, and the
 * precedence it competes with. A {@link TriageResult} holds the winners and the overruled
 * candidates; events keep them as their {@link io.itsm.core.event.Provenance}.
 *
 * <p>The value has the attribute's {@link TriageAttribute#valueType() value type}: a {@link
 * io.itsm.core.incident.Priority} for PRIORITY, a {@code Boolean} for APPROVAL_REQUIRED, a code
 * for CATEGORY. Text from outside is converted with {@link TriageAttribute#parse(String)} first.
 *
 * <p>How decisions combine is {@link TriageResult#resolve the rule of precedence}: set values
 * compete by precedence; bounds then raise ({@link Effect#AT_LEAST}) or lower ({@link
 * Effect#AT_MOST}) the winning value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param attribute the attribute decided
 * @param value the value, of the attribute's value type, for example {@code "network"}, {@code
 *     Priority.P2}, {@code Boolean.TRUE}; for a bound, the bound
 * @param rule the name of the deciding rule, for example {@code "VPN keywords mean Network"}
 * @param reason a human explanation, for example {@code "matched 'vpn' (en)"}
 * @param precedence the decision's precedence: when several decisions set one attribute, the
 *     highest wins (team rules have a higher precedence than the default packs); a bound applies
 *     only to a value set with a precedence not above its own
 * @param effect whether the decision sets the value or bounds it
 */
public record TriageDecision(
    TriageAttribute attribute,
    Object value,
    String rule,
    String reason,
    int precedence,
    Effect effect) {

  /** What a decision does with its value. */
  public enum Effect {
    /** Sets the attribute to the value; set values compete by precedence. */
    SET,
    /**
     * Raises the attribute to the value if it ranks below it ("at least P2": P4 becomes P2, P1
     * stays P1); never lowers. Only for ordered attributes.
     */
    AT_LEAST,
    /**
     * Lowers the attribute to the value if it ranks above it ("at most P3": P1 becomes P3, P4
     * stays P4); never raises. Only for ordered attributes.
     */
    AT_MOST
  }

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code value} does not fit the attribute (another type, or a
   *     blank code), {@code rule} is blank, or a bound is given for an attribute without order
   */
  public TriageDecision {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(effect, "effect");
    if (rule.isBlank()) {
      throw new ValidationException(
          "decision rule must not be blank (" + attribute + "=" + value + ")");
    }
    try {
      attribute.check(value);
    } catch (ValidationException e) {
      throw new ValidationException(e.getMessage() + " (rule '" + rule + "')");
    }
    if (effect != Effect.SET && !attribute.isOrdered()) {
      throw new ValidationException(
          attribute + " has no order, so it cannot be bounded (" + effect + "); only IMPACT,"
              + " URGENCY, PRIORITY and SUPPORT_LEVEL can (rule '" + rule + "')");
    }
  }

  /**
   * Creates a decision that sets a value.
   *
   * @param attribute the attribute decided
   * @param value the value, of the attribute's value type
   * @param rule the name of the deciding rule
   * @param reason a human explanation
   * @param precedence the decision's precedence
   * @throws ValidationException if the value does not fit the attribute or the rule is blank
   */
  public TriageDecision(
      TriageAttribute attribute, Object value, String rule, String reason, int precedence) {
    this(attribute, value, rule, reason, precedence, Effect.SET);
  }

  /**
   * Tells whether this decision bounds the value instead of setting it.
   *
   * @return {@code true} for {@link Effect#AT_LEAST} and {@link Effect#AT_MOST}
   */
  public boolean isBound() {
    return effect != Effect.SET;
  }

  /**
   * Applies this bound to a value.
   *
   * @param current the value so far, of the attribute's type
   * @return the bound if it raises (AT_LEAST) or lowers (AT_MOST) {@code current}, else {@code
   *     current}; for a SET decision, its own value
   */
  public Object applyTo(Object current) {
    return switch (effect) {
      case SET -> value;
      case AT_LEAST -> attribute.compareRank(current, value) < 0 ? value : current;
      case AT_MOST -> attribute.compareRank(current, value) > 0 ? value : current;
    };
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

  /**
   * Returns {@code "PRIORITY=P2"}, {@code "PRIORITY at least P2"} or {@code "PRIORITY at most
   * P3"}.
   *
   * @return what this decision decides, without rule and reason
   */
  public String what() {
    return switch (effect) {
      case SET -> attribute + "=" + valueText();
      case AT_LEAST -> attribute + " at least " + valueText();
      case AT_MOST -> attribute + " at most " + valueText();
    };
  }

  @Override
  public String toString() {
    return what() + " by '" + rule + "'" + (reason.isEmpty() ? "" : ": " + reason);
  }
}
