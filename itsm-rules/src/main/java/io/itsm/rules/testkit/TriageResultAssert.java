package io.itsm.rules.testkit;

import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import java.util.Objects;
import java.util.TreeSet;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link TriageResult}; start with {@link
 * TriageAssertions#assertThat(TriageResult)}. Every failure message names what was expected, what
 * was decided and by which rule, followed by the whole explanation (winning decisions, overruled
 * ones, rules fired):
 *
 * <pre>
 * Expected priority P1 but was P2
 * decided:
 *   PRIORITY=P3 by 'Medium impact and urgency, or high against low, make P3': impact MEDIUM x urgency MEDIUM
 *     raised to P2 by 'Security incidents are never below P2' (at least P2): security category: raised from P3
 *   ...
 * </pre>
 *
 * <p>Not thread-safe (as every AssertJ assertion object); use one per assertion chain.
 */
public final class TriageResultAssert extends AbstractAssert<TriageResultAssert, TriageResult> {

  /**
   * Creates the assertion; prefer {@link TriageAssertions#assertThat(TriageResult)}.
   *
   * @param actual the result under test
   */
  public TriageResultAssert(TriageResult actual) {
    super(actual, TriageResultAssert.class);
  }

  /**
   * Verifies the category.
   *
   * @param category the expected category code, for example {@code "network"}
   * @return this
   */
  public TriageResultAssert hasCategory(String category) {
    return hasValue(TriageAttribute.CATEGORY, category);
  }

  /**
   * Verifies the subcategory.
   *
   * @param subcategory the expected subcategory code, for example {@code "vpn"}
   * @return this
   */
  public TriageResultAssert hasSubcategory(String subcategory) {
    return hasValue(TriageAttribute.SUBCATEGORY, subcategory);
  }

  /**
   * Verifies the impact.
   *
   * @param impact the expected impact
   * @return this
   */
  public TriageResultAssert hasImpact(Impact impact) {
    return hasValue(TriageAttribute.IMPACT, Objects.requireNonNull(impact, "impact"));
  }

  /**
   * Verifies the urgency.
   *
   * @param urgency the expected urgency
   * @return this
   */
  public TriageResultAssert hasUrgency(Urgency urgency) {
    return hasValue(TriageAttribute.URGENCY, Objects.requireNonNull(urgency, "urgency"));
  }

  /**
   * Verifies the priority.
   *
   * @param priority the expected priority
   * @return this
   */
  public TriageResultAssert hasPriority(Priority priority) {
    return hasValue(TriageAttribute.PRIORITY, Objects.requireNonNull(priority, "priority"));
  }

  /**
   * Verifies the team.
   *
   * @param team the expected team
   * @return this
   */
  public TriageResultAssert isRoutedTo(String team) {
    return hasValue(TriageAttribute.TEAM, team);
  }

  /**
   * Verifies the team and the support level.
   *
   * @param team the expected team
   * @param level the expected support level
   * @return this
   */
  public TriageResultAssert isRoutedTo(String team, SupportLevel level) {
    return isRoutedTo(team).hasSupportLevel(level);
  }

  /**
   * Verifies the support level.
   *
   * @param level the expected support level
   * @return this
   */
  public TriageResultAssert hasSupportLevel(SupportLevel level) {
    return hasValue(TriageAttribute.SUPPORT_LEVEL, Objects.requireNonNull(level, "level"));
  }

  /**
   * Verifies that resolving needs a manager's approval.
   *
   * @return this
   */
  public TriageResultAssert requiresApproval() {
    return hasValue(TriageAttribute.APPROVAL_REQUIRED, true);
  }

  /**
   * Verifies that resolving needs no approval (no rule decided it, or a rule decided false).
   *
   * @return this
   */
  public TriageResultAssert doesNotRequireApproval() {
    return hasValue(TriageAttribute.APPROVAL_REQUIRED, false);
  }

  /**
   * Verifies that a rule decided a tag.
   *
   * @param tag the expected tag
   * @return this
   */
  public TriageResultAssert hasTag(String tag) {
    Objects.requireNonNull(tag, "tag");
    isNotNull();
    if (!actual.tags().contains(tag)) {
      fail("Expected tag '" + tag + "' but the tags were " + new TreeSet<>(actual.tags()));
    }
    return this;
  }

  /**
   * Verifies that a rule made at least one winning decision (of any attribute, tags included).
   *
   * @param ruleName the rule's exact name
   * @return this
   */
  public TriageResultAssert wasDecidedBy(String ruleName) {
    Objects.requireNonNull(ruleName, "ruleName");
    isNotNull();
    if (actual.decisions().stream().noneMatch(d -> d.rule().equals(ruleName))) {
      String fired = actual.firedRules().contains(ruleName) ? "fired but won nothing" : "did not fire";
      fail("Expected a winning decision by '" + ruleName + "' but it " + fired);
    }
    return this;
  }

  /**
   * Verifies which rule made the winning decision for an attribute.
   *
   * @param attribute the attribute (for TAG, any tag)
   * @param ruleName the rule's exact name
   * @return this
   */
  public TriageResultAssert wasDecidedBy(TriageAttribute attribute, String ruleName) {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(ruleName, "ruleName");
    isNotNull();
    boolean ok =
        actual.decisions().stream()
            .anyMatch(d -> d.attribute() == attribute && d.rule().equals(ruleName));
    if (!ok) {
      String was =
          actual.decision(attribute).map(d -> "decided by '" + d.rule() + "'").orElse("undecided");
      fail("Expected " + attribute + " to be decided by '" + ruleName + "' but it was " + was);
    }
    return this;
  }

  /**
   * Verifies that a rule's bound raised an attribute (an {@code atLeast} that moved the value).
   *
   * @param attribute the attribute, for example PRIORITY
   * @param ruleName the rule's exact name
   * @return this
   */
  public TriageResultAssert wasRaisedBy(TriageAttribute attribute, String ruleName) {
    return wasMovedBy(attribute, ruleName, TriageDecision.Effect.AT_LEAST, "raised");
  }

  /**
   * Verifies that a rule's bound lowered an attribute (an {@code atMost} that moved the value).
   *
   * @param attribute the attribute, for example PRIORITY
   * @param ruleName the rule's exact name
   * @return this
   */
  public TriageResultAssert wasLoweredBy(TriageAttribute attribute, String ruleName) {
    return wasMovedBy(attribute, ruleName, TriageDecision.Effect.AT_MOST, "lowered");
  }

  private TriageResultAssert wasMovedBy(
      TriageAttribute attribute, String ruleName, TriageDecision.Effect effect, String verb) {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(ruleName, "ruleName");
    isNotNull();
    java.util.List<TriageDecision> chain = actual.contributing(attribute);
    boolean ok = false;
    for (int i = 0; i < chain.size(); i++) {
      TriageDecision d = chain.get(i);
      ok |= d.effect() == effect && d.rule().equals(ruleName);
    }
    if (!ok) {
      boolean bounded = actual.overruled().stream()
          .anyMatch(d -> d.attribute() == attribute && d.rule().equals(ruleName) && d.isBound());
      String why = bounded
          ? "its bound did not move the value (already met, or below the set value's precedence)"
          : actual.firedRules().contains(ruleName)
              ? "it made no " + attribute + " bound that took effect" : "it did not fire";
      fail("Expected " + attribute + " to be " + verb + " by '" + ruleName + "' but " + why);
    }
    return this;
  }

  /**
   * Verifies that a rule's decision for an attribute was overruled by another decision.
   *
   * @param attribute the attribute
   * @param ruleName the rule's exact name
   * @return this
   */
  public TriageResultAssert overruled(TriageAttribute attribute, String ruleName) {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(ruleName, "ruleName");
    isNotNull();
    boolean ok =
        actual.overruled().stream()
            .anyMatch(d -> d.attribute() == attribute && d.rule().equals(ruleName));
    if (!ok) {
      boolean won =
          actual.decisions().stream()
              .anyMatch(d -> d.attribute() == attribute && d.rule().equals(ruleName));
      String why =
          won ? "it won" : actual.firedRules().contains(ruleName)
              ? "it made no overruled " + attribute + " decision" : "it did not fire";
      fail("Expected a " + attribute + " decision by '" + ruleName + "' to be overruled but "
          + why);
    }
    return this;
  }

  private TriageResultAssert hasValue(TriageAttribute attribute, Object expected) {
    Objects.requireNonNull(expected, "expected " + attribute);
    isNotNull();
    Object actualValue = attribute == TriageAttribute.APPROVAL_REQUIRED
        ? actual.approvalRequired() : actual.value(attribute).orElse(null);
    if (!expected.equals(actualValue)) {
      String value = Expectation.actualValue(actual, attribute);
      String want = attribute.format(expected);
      String by = actual.decision(attribute).map(d -> " (" + shortly(d) + ")").orElse("");
      String name = Expectation.key(attribute);
      failWithActualExpectedAndMessage(
          value, want, "%s", "Expected " + name + " " + want + " but was " + value + by
              + "\n" + Explanations.explain(actual, ""));
    }
    return this;
  }

  private void fail(String message) {
    failWithMessage("%s", message + "\n" + Explanations.explain(actual, ""));
  }

  private static String shortly(TriageDecision d) {
    return "by '" + d.rule() + "'" + (d.reason().isEmpty() ? "" : ": " + d.reason());
  }
}
