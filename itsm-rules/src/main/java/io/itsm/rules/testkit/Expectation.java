package io.itsm.rules.testkit;

import io.itsm.core.ValidationException;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a scenario expects triage to decide. Every part is optional: an attribute that is not
 * expected is not checked.
 *
 * <pre>{@code
 * Expectation expect = Expectation.none()
 *     .with(TriageAttribute.PRIORITY, Priority.P2)          // or the text "P2", as in scenario files
 *     .decidedBy(TriageAttribute.PRIORITY, "Security incidents are never below P2");
 * }</pre>
 *
 * <p>Values have the attribute's {@link TriageAttribute#valueType() value type} ({@code
 * "network"}, {@code Impact.HIGH}, {@code Priority.P2}, {@code SupportLevel.L2}, {@code true});
 * text such as {@code "P2"} is converted once when the expectation is made. An empty {@code
 * Optional} expects that no rule decided the attribute. {@link TriageAttribute#APPROVAL_REQUIRED} is compared with {@link
 * TriageResult#approvalRequired()}, so {@code "false"} also holds when no rule decided it. Tags are
 * compared as a set: exactly the expected tags.
 *
 * <p>Immutable and thread-safe.
 *
 * @param values expected values per attribute (not {@link TriageAttribute#TAG}), typed, or as
 *     text that the constructor converts
 * @param tags the expected set of tags, or empty to not check tags
 * @param decidedBy the expected winning rule per attribute (not {@link TriageAttribute#TAG})
 */
public record Expectation(
    Map<TriageAttribute, Optional<Object>> values,
    Optional<Set<String>> tags,
    Map<TriageAttribute, String> decidedBy) {

  /** The text shown for an attribute that no rule decided: {@value}. */
  public static final String UNDECIDED = "(undecided)";

  /** The scenario-file keys of the attributes, in file order. */
  static final Map<String, TriageAttribute> KEYS = keys();

  private static final Expectation NONE = new Expectation(Map.of(), Optional.empty(), Map.of());

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if a component, a key or a map value is null
   * @throws ValidationException if {@link TriageAttribute#TAG} is a key, a value does not parse
   *     for its attribute (for example {@code "P9"} for PRIORITY) or a rule name or tag is blank
   */
  public Expectation {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Map<TriageAttribute, Optional<Object>> v = new EnumMap<>(TriageAttribute.class);
    values.forEach(
        (attribute, value) -> {
          checkNotTag(attribute);
          Objects.requireNonNull(value, "value of " + attribute);
          if (attribute == TriageAttribute.APPROVAL_REQUIRED && value.isEmpty()) {
            throw new ValidationException(
                "APPROVAL_REQUIRED must be expected as true or false, but was undecided");
          }
          v.put(attribute, value.map(x -> typed(attribute, x)));
        });
    values = Collections.unmodifiableMap(v);
    tags = tags.map(t -> {
      for (String tag : t) {
        if (Objects.requireNonNull(tag, "tag").isBlank()) {
          throw new ValidationException("an expected tag must not be blank, but was '" + tag + "'");
        }
      }
      return Collections.unmodifiableSet(new TreeSet<>(t));
    });
    Map<TriageAttribute, String> d = new EnumMap<>(TriageAttribute.class);
    decidedBy.forEach(
        (attribute, rule) -> {
          checkNotTag(attribute);
          if (Objects.requireNonNull(rule, "rule of " + attribute).isBlank()) {
            throw new ValidationException(
                "the expected rule for " + attribute + " must not be blank, but was '" + rule + "'");
          }
          d.put(attribute, rule);
        });
    decidedBy = Collections.unmodifiableMap(d);
  }

  /**
   * Returns the expectation that checks nothing.
   *
   * @return the empty expectation
   */
  public static Expectation none() {
    return NONE;
  }

  /**
   * Returns a copy that also expects a value.
   *
   * @param attribute the attribute, not TAG
   * @param value the value, for example {@code Priority.P2}, or its text {@code "P2"}
   * @return the copy
   * @throws ValidationException if the attribute is TAG or the value does not fit it
   */
  public Expectation with(TriageAttribute attribute, Object value) {
    Map<TriageAttribute, Optional<Object>> v = new EnumMap<>(TriageAttribute.class);
    v.putAll(values);
    v.put(attribute, Optional.of(Objects.requireNonNull(value, "value")));
    return new Expectation(v, tags, decidedBy);
  }

  /**
   * Returns a copy that also expects no rule to decide an attribute.
   *
   * @param attribute the attribute, neither TAG nor APPROVAL_REQUIRED
   * @return the copy
   * @throws ValidationException if the attribute is TAG or APPROVAL_REQUIRED
   */
  public Expectation undecided(TriageAttribute attribute) {
    Map<TriageAttribute, Optional<Object>> v = new EnumMap<>(TriageAttribute.class);
    v.putAll(values);
    v.put(Objects.requireNonNull(attribute, "attribute"), Optional.empty());
    return new Expectation(v, tags, decidedBy);
  }

  /**
   * Returns a copy that expects exactly these tags.
   *
   * @param expectedTags the tags
   * @return the copy
   * @throws ValidationException if a tag is blank
   */
  public Expectation withTags(Set<String> expectedTags) {
    return new Expectation(values, Optional.of(Set.copyOf(expectedTags)), decidedBy);
  }

  /**
   * Returns a copy that also expects the winning decision for an attribute to come from a rule.
   *
   * @param attribute the attribute, not TAG
   * @param ruleName the rule's exact name
   * @return the copy
   * @throws ValidationException if the attribute is TAG or the name is blank
   */
  public Expectation decidedBy(TriageAttribute attribute, String ruleName) {
    Map<TriageAttribute, String> d = new EnumMap<>(TriageAttribute.class);
    d.putAll(decidedBy);
    d.put(Objects.requireNonNull(attribute, "attribute"), ruleName);
    return new Expectation(values, tags, d);
  }

  /**
   * Returns whether this expectation checks nothing.
   *
   * @return {@code true} when there is nothing to check
   */
  public boolean isEmpty() {
    return values.isEmpty() && tags.isEmpty() && decidedBy.isEmpty();
  }

  /**
   * Compares a triage result with this expectation.
   *
   * @param result the result
   * @return the mismatches in attribute order (values, then tags, then deciding rules); empty when
   *     every expectation holds
   */
  public List<Mismatch> check(TriageResult result) {
    Objects.requireNonNull(result, "result");
    List<Mismatch> out = new ArrayList<>();
    values.forEach(
        (attribute, expected) -> {
          Optional<Object> actual = attribute == TriageAttribute.APPROVAL_REQUIRED
              ? Optional.of(result.approvalRequired()) : result.value(attribute);
          if (!expected.equals(actual)) {
            out.add(new Mismatch(key(attribute), text(attribute, expected), text(attribute, actual)));
          }
        });
    tags.ifPresent(
        expected -> {
          Set<String> actual = new TreeSet<>(result.tags());
          if (!expected.equals(actual)) {
            out.add(new Mismatch("tags", expected.toString(), actual.toString()));
          }
        });
    decidedBy.forEach(
        (attribute, rule) -> {
          String actual =
              result.decision(attribute).map(d -> "'" + d.rule() + "'").orElse(UNDECIDED);
          if (!actual.equals("'" + rule + "'")) {
            out.add(new Mismatch("decidedBy." + key(attribute), "'" + rule + "'", actual));
          }
        });
    return List.copyOf(out);
  }

  /** The actual value of an attribute as text, {@link #UNDECIDED} when no rule decided it. */
  static String actualValue(TriageResult result, TriageAttribute attribute) {
    if (attribute == TriageAttribute.APPROVAL_REQUIRED) {
      return String.valueOf(result.approvalRequired());
    }
    if (attribute == TriageAttribute.TAG) {
      return new TreeSet<>(result.tags()).toString();
    }
    return result.decision(attribute).map(TriageDecision::valueText).orElse(UNDECIDED);
  }

  /** A value as text for messages, {@link #UNDECIDED} when empty. */
  static String text(TriageAttribute attribute, Optional<Object> value) {
    return value.map(attribute::format).orElse(UNDECIDED);
  }

  /** The value as the attribute's type: text is converted once, a typed value is checked. */
  private static Object typed(TriageAttribute attribute, Object value) {
    if (value instanceof String text) {
      String problem = problem(attribute, text);
      if (problem != null) {
        throw new ValidationException(problem);
      }
      return attribute.parse(text);
    }
    return attribute.check(value);
  }

  /** The scenario-file key of an attribute: {@code "supportLevel"} for SUPPORT_LEVEL. */
  static String key(TriageAttribute attribute) {
    if (attribute == TriageAttribute.TAG) {
      return "tags";
    }
    for (Map.Entry<String, TriageAttribute> e : KEYS.entrySet()) {
      if (e.getValue() == attribute) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("no key for " + attribute);
  }

  private static Map<String, TriageAttribute> keys() {
    Map<String, TriageAttribute> m = new LinkedHashMap<>();
    m.put("category", TriageAttribute.CATEGORY);
    m.put("subcategory", TriageAttribute.SUBCATEGORY);
    m.put("impact", TriageAttribute.IMPACT);
    m.put("urgency", TriageAttribute.URGENCY);
    m.put("priority", TriageAttribute.PRIORITY);
    m.put("team", TriageAttribute.TEAM);
    m.put("supportLevel", TriageAttribute.SUPPORT_LEVEL);
    m.put("approvalRequired", TriageAttribute.APPROVAL_REQUIRED);
    return Collections.unmodifiableMap(m);
  }

  private static void checkNotTag(TriageAttribute attribute) {
    if (Objects.requireNonNull(attribute, "attribute") == TriageAttribute.TAG) {
      throw new ValidationException(
          "TAG cannot be expected as a single value; expect tags with withTags(Set)");
    }
  }

  /** Checks a value's syntax; returns a problem text (naming the scenario-file key) or null. */
  static String problem(TriageAttribute attribute, String value) {
    List<String> allowed = attribute.allowedValues();
    if (allowed.isEmpty()) {
      return value.isBlank() ? key(attribute) + " must not be blank" : null;
    }
    return allowed.contains(value)
        ? null
        : key(attribute) + " must be one of " + String.join(", ", allowed) + ", but was '" + value
            + "'";
  }
}
