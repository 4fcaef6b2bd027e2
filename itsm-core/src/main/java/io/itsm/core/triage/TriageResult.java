package io.itsm.core.triage;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Urgency;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What triage decided for one ticket: for each attribute the winning {@link Decision} (naming
 * its rule and reason), the decisions that lost to it, and the rules that fired.
 *
 * <p>Typed accessors ({@link #category()}, {@link #priority()}, ...) read the winning decisions;
 * an attribute no rule decided is empty.
 *
 * <p>Immutable and thread-safe.
 */
public final class TriageResult {

  private static final TriageResult EMPTY = new TriageResult(List.of(), List.of(), List.of());

  private final List<Decision> decisions;
  private final List<Decision> overruled;
  private final List<String> firedRules;
  private final Map<TriageAttribute, Decision> winners;

  private TriageResult(List<Decision> decisions, List<Decision> overruled, List<String> firedRules) {
    this.decisions = List.copyOf(decisions);
    this.overruled = List.copyOf(overruled);
    this.firedRules = List.copyOf(firedRules);
    Map<TriageAttribute, Decision> w = new EnumMap<>(TriageAttribute.class);
    for (Decision d : this.decisions) {
      if (d.attribute() != TriageAttribute.TAG && w.put(d.attribute(), d) != null) {
        throw new ValidationException(
            "a triage result may have one winning decision per attribute, but " + d.attribute()
                + " has several: " + w.get(d.attribute()) + " and another");
      }
    }
    this.winners = w;
    // parse every value once, so a bad value fails here and not in the desk
    category();
    impact();
    urgency();
    priority();
    supportLevel();
    approvalRequired();
  }

  /**
   * Creates a result.
   *
   * @param decisions the winning decisions: at most one per attribute, except {@link
   *     TriageAttribute#TAG}
   * @param overruled decisions that lost to a winner, for explanations
   * @param firedRules the names of the rules that fired, in firing order
   * @return the result
   * @throws ValidationException if an attribute has two winners or a value does not parse (for
   *     example a priority that is not P1..P5)
   */
  public static TriageResult of(
      List<Decision> decisions, List<Decision> overruled, List<String> firedRules) {
    Objects.requireNonNull(decisions, "decisions");
    Objects.requireNonNull(overruled, "overruled");
    Objects.requireNonNull(firedRules, "firedRules");
    return new TriageResult(decisions, overruled, firedRules);
  }

  /**
   * Returns a result with no decisions.
   *
   * @return the empty result
   */
  public static TriageResult empty() {
    return EMPTY;
  }

  /**
   * Returns the winning decisions, at most one per attribute except tags.
   *
   * @return an immutable list
   */
  public List<Decision> decisions() {
    return decisions;
  }

  /**
   * Returns the decisions that lost to a winner of higher precedence.
   *
   * @return an immutable list
   */
  public List<Decision> overruled() {
    return overruled;
  }

  /**
   * Returns the names of the rules that fired, in firing order, including rules that decided
   * nothing that won.
   *
   * @return an immutable list
   */
  public List<String> firedRules() {
    return firedRules;
  }

  /**
   * Returns the winning decision for an attribute.
   *
   * @param attribute the attribute (for {@link TriageAttribute#TAG}, the first tag)
   * @return the decision, or empty when no rule decided it
   */
  public Optional<Decision> decision(TriageAttribute attribute) {
    Objects.requireNonNull(attribute, "attribute");
    if (attribute == TriageAttribute.TAG) {
      return decisions.stream().filter(d -> d.attribute() == TriageAttribute.TAG).findFirst();
    }
    return Optional.ofNullable(winners.get(attribute));
  }

  /**
   * Returns the decided category code.
   *
   * @return the category, or empty
   */
  public Optional<String> category() {
    return value(TriageAttribute.CATEGORY, Function.identity());
  }

  /**
   * Returns the decided subcategory code.
   *
   * @return the subcategory, or empty
   */
  public Optional<String> subcategory() {
    return value(TriageAttribute.SUBCATEGORY, Function.identity());
  }

  /**
   * Returns the decided impact.
   *
   * @return the impact, or empty
   */
  public Optional<Impact> impact() {
    return value(TriageAttribute.IMPACT, v -> parse(Impact.class, TriageAttribute.IMPACT, v));
  }

  /**
   * Returns the decided urgency.
   *
   * @return the urgency, or empty
   */
  public Optional<Urgency> urgency() {
    return value(TriageAttribute.URGENCY, v -> parse(Urgency.class, TriageAttribute.URGENCY, v));
  }

  /**
   * Returns the decided priority.
   *
   * @return the priority, or empty
   */
  public Optional<Priority> priority() {
    return value(TriageAttribute.PRIORITY, v -> parse(Priority.class, TriageAttribute.PRIORITY, v));
  }

  /**
   * Returns the decided team.
   *
   * @return the team, or empty
   */
  public Optional<String> team() {
    return value(TriageAttribute.TEAM, Function.identity());
  }

  /**
   * Returns the decided support level.
   *
   * @return the level, or empty
   */
  public Optional<SupportLevel> supportLevel() {
    return value(
        TriageAttribute.SUPPORT_LEVEL,
        v -> parse(SupportLevel.class, TriageAttribute.SUPPORT_LEVEL, v));
  }

  /**
   * Returns whether a rule decided that resolving needs a manager's approval.
   *
   * @return {@code true} only if the winning APPROVAL_REQUIRED decision says {@code "true"}
   */
  public boolean approvalRequired() {
    return value(
            TriageAttribute.APPROVAL_REQUIRED,
            v -> {
              if (!v.equals("true") && !v.equals("false")) {
                throw new ValidationException(
                    "APPROVAL_REQUIRED must be true or false, but was '" + v + "' (rule '"
                        + winners.get(TriageAttribute.APPROVAL_REQUIRED).rule() + "')");
              }
              return Boolean.parseBoolean(v);
            })
        .orElse(false);
  }

  /**
   * Returns the decided tags.
   *
   * @return an immutable set, maybe empty
   */
  public Set<String> tags() {
    Set<String> tags = new LinkedHashSet<>();
    for (Decision d : decisions) {
      if (d.attribute() == TriageAttribute.TAG) {
        tags.add(d.value());
      }
    }
    return Set.copyOf(tags);
  }

  private <T> Optional<T> value(TriageAttribute attribute, Function<String, T> parser) {
    Decision d = winners.get(attribute);
    return d == null ? Optional.empty() : Optional.of(parser.apply(d.value()));
  }

  private <E extends Enum<E>> E parse(Class<E> type, TriageAttribute attribute, String value) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      List<String> allowed = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        allowed.add(c.name());
      }
      throw new ValidationException(
          attribute + " must be one of " + allowed + ", but rule '" + winners.get(attribute).rule()
              + "' decided '" + value + "'");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TriageResult r
        && decisions.equals(r.decisions)
        && overruled.equals(r.overruled)
        && firedRules.equals(r.firedRules);
  }

  @Override
  public int hashCode() {
    return Objects.hash(decisions, overruled, firedRules);
  }

  @Override
  public String toString() {
    return "TriageResult" + decisions;
  }
}
