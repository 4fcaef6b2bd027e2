package io.itsm.rules.testkit;

import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import java.util.List;

/** Renders a triage result as text: winning decisions, overruled ones, rules fired. */
final class Explanations {

  private Explanations() {}

  /**
   * Returns the explanation, each line starting with {@code indent}. A value that bounds raised
   * or lowered shows the set value first, then one line per bound that moved it:
   *
   * <pre>
   * decided:
   *   PRIORITY=P4 by 'Low against medium or low make P4': impact LOW x urgency MEDIUM
   *     raised to P2 by 'Finance at month-end is at least P2' (at least P2): finance closes the books
   * overruled:
   *   PRIORITY at least P3 by 'VIP callers raise the priority one level': ...
   * rules fired (9): ...
   * </pre>
   */
  static String explain(TriageResult result, String indent) {
    StringBuilder sb = new StringBuilder();
    sb.append(indent).append("decided:");
    if (result.decisions().isEmpty()) {
      sb.append(" nothing");
    }
    for (TriageDecision d : result.decisions()) {
      List<TriageDecision> chain = d.attribute() == TriageAttribute.TAG
          ? List.of(d) : result.contributing(d.attribute());
      sb.append('\n').append(indent).append("  ").append(first(chain.get(0)));
      for (int i = 1; i < chain.size(); i++) {
        sb.append('\n').append(indent).append("    ").append(moved(chain.get(i)));
      }
    }
    if (!result.overruled().isEmpty()) {
      sb.append('\n').append(indent).append("overruled:");
      for (TriageDecision d : result.overruled()) {
        sb.append('\n').append(indent).append("  ").append(d);
      }
    }
    sb.append('\n').append(indent).append("rules fired (").append(result.firedRules().size())
        .append("): ");
    sb.append(result.firedRules().isEmpty() ? "none" : "'" + String.join("', '", result.firedRules()) + "'");
    return sb.toString();
  }

  /** The first decision of a value: a set value as usual, a bound that set it as such. */
  private static String first(TriageDecision d) {
    if (!d.isBound()) {
      return d.toString();
    }
    return d.attribute() + "=" + d.valueText() + " by '" + d.rule() + "' (" + bound(d)
        + ", nothing set before)" + reason(d);
  }

  /** A bound that moved the value: {@code raised to P2 by 'rule' (at least P2): reason}. */
  static String moved(TriageDecision d) {
    return (d.effect() == TriageDecision.Effect.AT_LEAST ? "raised" : "lowered") + " to "
        + d.valueText() + " by '" + d.rule() + "' (" + bound(d) + ")" + reason(d);
  }

  private static String bound(TriageDecision d) {
    return (d.effect() == TriageDecision.Effect.AT_LEAST ? "at least " : "at most ") + d.valueText();
  }

  private static String reason(TriageDecision d) {
    return d.reason().isEmpty() ? "" : ": " + d.reason();
  }
}
