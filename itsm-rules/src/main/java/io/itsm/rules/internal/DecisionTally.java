package io.itsm.rules.internal;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.RuleExecutionException;
import io.itsm.rules.facts.DecidedSoFar;
import io.itsm.rules.facts.RuleDecisions;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link RuleDecisions} of one triage: records every candidate decision with the firing
 * rule's name and precedence, converts the text of enum values once (naming rule, file and the
 * allowed values when it does not fit), and tallies the winners by {@link TriageResult}'s rule of
 * precedence: after each stage as the {@link DecidedSoFar} fact, at the end as the result.
 *
 * <p>Not thread-safe: one per triage.
 */
public final class DecisionTally implements RuleDecisions, FiringLog {

  private final String incidentId;
  private final List<TriageDecision> all = new ArrayList<>(16);
  private String rule;
  private String file;
  private int precedence;

  /**
   * Creates an empty tally.
   *
   * @param incidentId the ticket's id for error messages, or null
   */
  public DecisionTally(String incidentId) {
    this.incidentId = incidentId;
  }

  @Override
  public void begin(String rule, String file, int precedence) {
    this.rule = rule;
    this.file = file;
    this.precedence = precedence;
  }

  @Override
  public void end() {
    this.rule = null;
  }

  /**
   * Returns how many decisions were recorded.
   *
   * @return the count
   */
  int size() {
    return all.size();
  }

  @Override
  public void set(TriageAttribute attribute, Object value, String reason) {
    record("set", attribute, value, reason, TriageDecision.Effect.SET);
  }

  @Override
  public void atLeast(TriageAttribute attribute, Object value, String reason) {
    record("atLeast", attribute, value, reason, TriageDecision.Effect.AT_LEAST);
  }

  @Override
  public void atMost(TriageAttribute attribute, Object value, String reason) {
    record("atMost", attribute, value, reason, TriageDecision.Effect.AT_MOST);
  }

  private void record(
      String method, TriageAttribute attribute, Object value, String reason,
      TriageDecision.Effect effect) {
    if (rule == null) {
      throw new IllegalStateException(
          "decide." + method + "(...) may only be called from a rule consequence during triage");
    }
    if (attribute == null) {
      throw failure("decided a value for a null attribute", null);
    }
    if (effect != TriageDecision.Effect.SET && !attribute.isOrdered()) {
      throw failure("bounded " + attribute + " (decide." + method + "), but only IMPACT, URGENCY,"
          + " PRIORITY and SUPPORT_LEVEL have an order; set it with decide.set", null);
    }
    all.add(new TriageDecision(attribute, typed(attribute, value), rule,
        reason == null ? "" : reason, precedence, effect));
  }

  /** The value as the attribute's type: text of an enum or boolean is converted here, once. */
  private Object typed(TriageAttribute attribute, Object value) {
    try {
      if (value instanceof String text && attribute.valueType() != String.class) {
        return attribute.parse(text);
      }
      if (value == null) {
        throw new ValidationException(attribute + " must not be null"
            + (attribute.allowedValues().isEmpty() ? "" : "; allowed: "
                + String.join(", ", attribute.allowedValues())));
      }
      return attribute.check(value);
    } catch (ValidationException e) {
      throw failure("decided an invalid " + attribute + ": " + e.getMessage(), e);
    }
  }

  private RuleExecutionException failure(String problem, Throwable cause) {
    return new RuleExecutionException(
        "rule '" + rule + "' (" + file + ") " + problem
            + (incidentId == null ? "" : " on " + incidentId),
        incidentId, List.of(rule), file == null || file.equals("?") ? null : file, -1, cause);
  }

  /**
   * Returns the winners so far as the {@link DecidedSoFar} fact.
   *
   * @return the fact
   */
  DecidedSoFar decidedSoFar() {
    TriageDecision[] w = TriageResult.winners(all);
    return new DecidedSoFar(
        (String) value(w, TriageAttribute.CATEGORY),
        (String) value(w, TriageAttribute.SUBCATEGORY),
        (Impact) value(w, TriageAttribute.IMPACT),
        (Urgency) value(w, TriageAttribute.URGENCY),
        (Priority) value(w, TriageAttribute.PRIORITY),
        (String) value(w, TriageAttribute.TEAM),
        (SupportLevel) value(w, TriageAttribute.SUPPORT_LEVEL),
        (Boolean) value(w, TriageAttribute.APPROVAL_REQUIRED));
  }

  private static Object value(TriageDecision[] w, TriageAttribute a) {
    TriageDecision d = w[a.ordinal()];
    return d == null ? null : d.value();
  }

  /**
   * Builds the result: winners in attribute order, then distinct tags; every other decision is
   * overruled, in the order made.
   *
   * @param firedRules the rules that fired, in order
   * @return the result
   */
  TriageResult result(List<String> firedRules) {
    return TriageResult.resolve(all, firedRules);
  }
}
