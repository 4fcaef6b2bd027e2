package io.itsm.rules.internal;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.Decision;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageResult;
import io.itsm.rules.facts.Decided;
import io.itsm.rules.facts.Decisions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link Decisions} of one triage: records every decision with the firing rule's name and
 * precedence, and resolves winners (highest precedence; among equals, the later decision).
 *
 * <p>Not thread-safe: one per triage.
 */
public final class DecisionLog implements Decisions, FiringLog {

  private static final TriageAttribute[] ATTRIBUTES = TriageAttribute.values();

  private final List<Decision> all = new ArrayList<>(16);
  private String rule;
  private int precedence;

  /** Creates an empty log. */
  public DecisionLog() {}

  @Override
  public void begin(String rule, int precedence) {
    this.rule = rule;
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
  public void decide(TriageAttribute attribute, String value, String reason) {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(value, "value");
    if (rule == null) {
      throw new IllegalStateException(
          "decisions.decide(...) may only be called from a rule consequence during triage");
    }
    check(attribute, value);
    all.add(new Decision(attribute, value, rule, reason == null ? "" : reason, precedence));
  }

  private void check(TriageAttribute attribute, String value) {
    Class<? extends Enum<?>> type =
        switch (attribute) {
          case IMPACT -> Impact.class;
          case URGENCY -> Urgency.class;
          case PRIORITY -> Priority.class;
          case SUPPORT_LEVEL -> SupportLevel.class;
          default -> null;
        };
    if (type != null) {
      for (Enum<?> c : type.getEnumConstants()) {
        if (c.name().equals(value)) {
          return;
        }
      }
      throw new ValidationException(
          attribute + " must be one of " + Arrays.toString(type.getEnumConstants()) + ", but rule '"
              + rule + "' decided '" + value + "'");
    }
    if (attribute == TriageAttribute.APPROVAL_REQUIRED
        && !value.equals("true")
        && !value.equals("false")) {
      throw new ValidationException(
          "APPROVAL_REQUIRED must be true or false, but rule '" + rule + "' decided '" + value
              + "'");
    }
    if (value.isBlank()) {
      throw new ValidationException(
          attribute + " must not be blank, but rule '" + rule + "' decided '" + value + "'");
    }
  }

  private Decision[] winners() {
    Decision[] w = new Decision[ATTRIBUTES.length];
    for (Decision d : all) {
      int i = d.attribute().ordinal();
      if (w[i] == null || d.precedence() >= w[i].precedence()) {
        w[i] = d;
      }
    }
    return w;
  }

  /**
   * Returns the winners so far as the {@link Decided} fact.
   *
   * @return the fact
   */
  Decided decided() {
    Decision[] w = winners();
    return new Decided(
        value(w, TriageAttribute.CATEGORY),
        value(w, TriageAttribute.SUBCATEGORY),
        w[TriageAttribute.IMPACT.ordinal()] == null
            ? null
            : Impact.valueOf(value(w, TriageAttribute.IMPACT)),
        w[TriageAttribute.URGENCY.ordinal()] == null
            ? null
            : Urgency.valueOf(value(w, TriageAttribute.URGENCY)),
        w[TriageAttribute.PRIORITY.ordinal()] == null
            ? null
            : Priority.valueOf(value(w, TriageAttribute.PRIORITY)),
        value(w, TriageAttribute.TEAM),
        w[TriageAttribute.SUPPORT_LEVEL.ordinal()] == null
            ? null
            : SupportLevel.valueOf(value(w, TriageAttribute.SUPPORT_LEVEL)),
        w[TriageAttribute.APPROVAL_REQUIRED.ordinal()] == null
            ? null
            : Boolean.valueOf(value(w, TriageAttribute.APPROVAL_REQUIRED)));
  }

  private static String value(Decision[] w, TriageAttribute a) {
    Decision d = w[a.ordinal()];
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
    Decision[] w = winners();
    List<Decision> decisions = new ArrayList<>(ATTRIBUTES.length);
    for (Decision d : w) {
      if (d != null && d.attribute() != TriageAttribute.TAG) {
        decisions.add(d);
      }
    }
    List<Decision> overruled = new ArrayList<>();
    Set<String> tags = new HashSet<>();
    for (Decision d : all) {
      if (d.attribute() == TriageAttribute.TAG) {
        if (tags.add(d.value())) {
          decisions.add(d);
        } else {
          overruled.add(d);
        }
      } else if (d != w[d.attribute().ordinal()]) {
        overruled.add(d);
      }
    }
    return TriageResult.of(decisions, overruled, firedRules);
  }
}
