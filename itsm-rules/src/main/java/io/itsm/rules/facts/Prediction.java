package io.itsm.rules.facts;

import io.itsm.core.ValidationException;
import io.itsm.core.triage.TriageAttribute;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a learned model predicts for a ticket: a fact for the rules, never a decision by itself.
 * The default pack {@code predict} accepts a prediction when it is confident enough and the
 * keywords are silent or weaker (see {@link PredictionSettings}); your rules can demand more or
 * ignore it:
 *
 * <pre>
 * rule "Confident network predictions win over one keyword"
 *   ruleflow-group "categorize"
 * when
 *   $p : Prediction(target == TriageAttribute.CATEGORY, value == "network", confidence &gt;= 0.95)
 * then
 *   decisions.decide(TriageAttribute.CATEGORY, $p.value(), $p.explanation());
 * end
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param target what is predicted: {@link TriageAttribute#CATEGORY}, {@link TriageAttribute#TEAM}
 *     or {@link TriageAttribute#PRIORITY}
 * @param value the predicted value, such as {@code "network"} or {@code "P2"}
 * @param confidence the model's probability of {@code value}, from 0 to 1
 * @param because the words (or fields, as {@code "service=vpn"}) that weighed most for {@code
 *     value}, most first; at most a few
 * @param model the id of the model that predicted, which pins it in every decision it influenced
 * @param trainedAt when that model was trained
 */
public record Prediction(
    TriageAttribute target,
    String value,
    double confidence,
    List<String> because,
    String model,
    Instant trainedAt) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code value} or {@code model} is blank or {@code confidence}
   *     is not between 0 and 1
   */
  public Prediction {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(trainedAt, "trainedAt");
    because = List.copyOf(because);
    if (value.isBlank()) {
      throw new ValidationException("value must not be blank");
    }
    if (model.isBlank()) {
      throw new ValidationException("model must not be blank");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new ValidationException("confidence must be between 0 and 1, but was " + confidence);
    }
  }

  /**
   * Explains the prediction for a decision's reason, naming the model: {@code "model
   * 2026-12-01 (category-3fa2c1d0) predicted network (0.91) from 'vpn', 'tunnel'"}.
   *
   * @return the explanation
   */
  public String explanation() {
    StringBuilder sb =
        new StringBuilder("model ")
            .append(trainedAt.atOffset(ZoneOffset.UTC).toLocalDate())
            .append(" (")
            .append(model)
            .append(") predicted ")
            .append(value)
            .append(" (")
            .append(String.format(Locale.ROOT, "%.2f", confidence))
            .append(')');
    for (int i = 0; i < because.size(); i++) {
      sb.append(i == 0 ? " from '" : ", '").append(because.get(i)).append('\'');
    }
    return sb.toString();
  }
}
