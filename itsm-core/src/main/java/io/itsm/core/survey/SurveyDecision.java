package io.itsm.core.survey;

import io.itsm.core.event.Provenance;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link SurveyPolicy}'s answer: ask or not, by which channel, who decided, and the rules it
 * overruled. Both answers are recorded ({@link SurveySent} or {@link SurveySkipped}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param ask whether to send the survey
 * @param channel the channel to send it by; empty for the desk's default (ignored when skipping)
 * @param decidedBy the rule (or policy) that decided
 * @param overruled the rules that would have decided otherwise
 */
public record SurveyDecision(
    boolean ask, Optional<SurveyChannel> channel, Provenance decidedBy, List<Provenance> overruled) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   */
  public SurveyDecision {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(decidedBy, "decidedBy");
    overruled = List.copyOf(Objects.requireNonNull(overruled, "overruled"));
  }

  /**
   * A decision to ask, by the desk's default channel.
   *
   * @param decidedBy who decided
   * @return the decision
   */
  public static SurveyDecision ask(Provenance decidedBy) {
    return new SurveyDecision(true, Optional.empty(), decidedBy, List.of());
  }

  /**
   * A decision not to ask.
   *
   * @param decidedBy who decided
   * @return the decision
   */
  public static SurveyDecision skip(Provenance decidedBy) {
    return new SurveyDecision(false, Optional.empty(), decidedBy, List.of());
  }
}
