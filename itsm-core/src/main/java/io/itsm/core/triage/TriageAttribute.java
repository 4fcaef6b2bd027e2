package io.itsm.core.triage;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Urgency;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The attributes of an incident that triage decides, each with the type of its value: a decision
 * for {@link #PRIORITY} holds a {@link Priority}, never the text {@code "P2"}.
 *
 * <table>
 *   <caption>Value types</caption>
 *   <tr><th>attribute</th><th>value type</th></tr>
 *   <tr><td>CATEGORY, SUBCATEGORY, TEAM, TAG</td><td>{@code String} (a code, not blank)</td></tr>
 *   <tr><td>IMPACT</td><td>{@link Impact}</td></tr>
 *   <tr><td>URGENCY</td><td>{@link Urgency}</td></tr>
 *   <tr><td>PRIORITY</td><td>{@link Priority}</td></tr>
 *   <tr><td>SUPPORT_LEVEL</td><td>{@link SupportLevel}</td></tr>
 *   <tr><td>APPROVAL_REQUIRED</td><td>{@code Boolean}</td></tr>
 * </table>
 *
 * <p>IMPACT, URGENCY, PRIORITY and SUPPORT_LEVEL are {@link #isOrdered() ordered}, so a rule may
 * bound them ({@link TriageDecision.Effect#AT_LEAST at least P2}) instead of setting them.
 *
 * <p>Text enters only at the edges (a rule author writing {@code "P2"}, a JSON document, a
 * scenario file) and is converted once with {@link #parse(String)}; {@link #format(Object)} is its
 * inverse for output.
 */
public enum TriageAttribute {
  /** The category code. */
  CATEGORY(String.class),
  /** The subcategory code. */
  SUBCATEGORY(String.class),
  /** The impact: HIGH, MEDIUM or LOW. */
  IMPACT(Impact.class),
  /** The urgency: HIGH, MEDIUM or LOW. */
  URGENCY(Urgency.class),
  /** The priority: P1 to P5. */
  PRIORITY(Priority.class),
  /** The assignment group. */
  TEAM(String.class),
  /** The support level: L1, L2, L3 or VENDOR. */
  SUPPORT_LEVEL(SupportLevel.class),
  /** Whether resolving needs a manager's approval: true or false. */
  APPROVAL_REQUIRED(Boolean.class),
  /** A tag; several may be decided. */
  TAG(String.class);

  private final Class<?> valueType;

  TriageAttribute(Class<?> valueType) {
    this.valueType = valueType;
  }

  /**
   * Returns the type of this attribute's values: {@code String}, {@code Boolean} or one of the
   * enums {@link Impact}, {@link Urgency}, {@link Priority}, {@link SupportLevel}.
   *
   * @return the value type
   */
  public Class<?> valueType() {
    return valueType;
  }

  /**
   * Returns the values this attribute allows as text, for messages.
   *
   * @return the enum constants' names, {@code [true, false]}, or empty for free codes
   */
  public List<String> allowedValues() {
    if (valueType == Boolean.class) {
      return List.of("true", "false");
    }
    List<String> names = new ArrayList<>();
    Object[] constants = valueType.getEnumConstants();
    if (constants != null) {
      for (Object c : constants) {
        names.add(((Enum<?>) c).name());
      }
    }
    return List.copyOf(names);
  }

  /**
   * Checks that a value fits this attribute and returns it.
   *
   * @param value the value, of {@link #valueType()}
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   * @throws ValidationException if the value is of another type, or a blank code
   */
  public Object check(Object value) {
    Objects.requireNonNull(value, "value of " + this);
    if (!valueType.isInstance(value)) {
      throw new ValidationException(
          this + " takes " + describeType() + ", but was " + value.getClass().getSimpleName()
              + " '" + value + "'");
    }
    if (value instanceof String s && s.isBlank()) {
      throw new ValidationException(this + " must not be blank, but was '" + s + "'");
    }
    return value;
  }

  /**
   * Converts text to a value of this attribute: an enum constant by its exact name, {@code
   * "true"}/{@code "false"}, or the code itself.
   *
   * @param text the text, for example {@code "P2"}
   * @return the value, of {@link #valueType()}
   * @throws NullPointerException if {@code text} is null
   * @throws ValidationException naming the allowed values if the text is not one of them, or a
   *     blank code
   */
  public Object parse(String text) {
    Objects.requireNonNull(text, "text");
    if (valueType == String.class) {
      return check(text);
    }
    if (valueType == Boolean.class) {
      if (text.equals("true") || text.equals("false")) {
        return Boolean.valueOf(text);
      }
    } else {
      for (Object c : valueType.getEnumConstants()) {
        if (((Enum<?>) c).name().equals(text)) {
          return c;
        }
      }
    }
    throw new ValidationException(
        this + " must be one of " + String.join(", ", allowedValues()) + ", but was '" + text + "'");
  }

  /**
   * Returns a value as text, the inverse of {@link #parse(String)}.
   *
   * @param value a value of this attribute
   * @return the enum constant's name, {@code "true"}/{@code "false"} or the code
   * @throws ValidationException if the value does not fit this attribute
   */
  public String format(Object value) {
    check(value);
    return value instanceof Enum<?> e ? e.name() : value.toString();
  }

  /**
   * Tells whether the values of this attribute are ordered, so that a rule may bound them
   * (IMPACT, URGENCY, PRIORITY, SUPPORT_LEVEL).
   *
   * @return whether the values are ordered
   */
  public boolean isOrdered() {
    return valueType.isEnum();
  }

  /**
   * Compares two values of an ordered attribute by rank: P1 ranks above P2, HIGH above MEDIUM,
   * L3 above L2 and VENDOR above L3.
   *
   * @param a a value
   * @param b another value
   * @return a positive number if {@code a} ranks above {@code b}, 0 if equal, else negative
   * @throws ValidationException if the attribute is not ordered or a value does not fit it
   */
  public int compareRank(Object a, Object b) {
    if (!isOrdered()) {
      throw new ValidationException(this + " has no order: only IMPACT, URGENCY, PRIORITY and"
          + " SUPPORT_LEVEL can be compared");
    }
    int ordinalA = ((Enum<?>) check(a)).ordinal();
    int ordinalB = ((Enum<?>) check(b)).ordinal();
    // impact, urgency and priority list the highest first; support levels the lowest first
    return valueType == SupportLevel.class ? ordinalA - ordinalB : ordinalB - ordinalA;
  }

  private String describeType() {
    if (valueType == String.class) {
      return "a code (String)";
    }
    if (valueType == Boolean.class) {
      return "a Boolean (true or false)";
    }
    String name = valueType.getSimpleName();
    return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name + " (one of "
        + String.join(", ", allowedValues()) + ")";
  }
}
