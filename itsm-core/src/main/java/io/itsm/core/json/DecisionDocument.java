package io.itsm.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.itsm.core.ValidationException;
import io.itsm.core.json.Scalars.NotBlank;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import java.util.Optional;

/**
 * A triage decision in {@code decidedBy.decisions} or {@code decidedBy.overruled} (docs/json.md,
 * "Events and histories"): the value as text, typed by its attribute when read; {@code effect}
 * only for a bound.
 */
record DecisionDocument(
    TriageAttribute attribute,
    String value,
    @NotBlank String rule,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String reason,
    int precedence,
    Optional<TriageDecision.Effect> effect) {

  static DecisionDocument of(TriageDecision d) {
    return new DecisionDocument(d.attribute(), d.valueText(), d.rule(), d.reason(), d.precedence(),
        d.isBound() ? Optional.of(d.effect()) : Optional.empty());
  }

  TriageDecision toDecision() {
    Object typed;
    try {
      typed = attribute.parse(value);
    } catch (ValidationException e) {
      throw new ValidationException("value: " + e.getMessage());
    }
    return new TriageDecision(
        attribute, typed, rule, reason, precedence, effect.orElse(TriageDecision.Effect.SET));
  }
}
