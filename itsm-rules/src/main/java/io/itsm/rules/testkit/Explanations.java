package io.itsm.rules.testkit;

import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;

/** Renders a triage result as text: winning decisions, overruled ones, rules fired. */
final class Explanations {

  private Explanations() {}

  /**
   * Returns the explanation, each line starting with {@code indent}:
   *
   * <pre>
   * decided:
   *   PRIORITY=P2 by 'Security incidents are never below P2': security category: raised from P3
   * overruled:
   *   PRIORITY=P3 by 'Medium impact and urgency, or high against low, make P3': ...
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
      sb.append('\n').append(indent).append("  ").append(d);
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
}
