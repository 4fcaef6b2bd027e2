package io.itsm.core.triage;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Urgency;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What triage decided for one ticket: for each attribute the winning {@link TriageDecision}
 * (naming its rule and reason), the candidates that lost to it, and the rules that fired.
 *
 * <p>Typed accessors ({@link #category()}, {@link #priority()}, ...) read the winning decisions'
 * values as they are, without parsing; an attribute no rule decided is empty.
 *
 * <p>{@link #resolve(List, List)} builds a result from every candidate decision by the rule of
 * precedence the {@code TriageEngine} uses: per attribute the highest precedence wins, and among
 * equal precedence the later decision; each distinct tag is kept.
 *
 * <p>Immutable and thread-safe.
 */
public final class TriageResult {

  private static final TriageAttribute[] ATTRIBUTES = TriageAttribute.values();
  private static final TriageResult EMPTY = new TriageResult(List.of(), List.of(), List.of());

  private final List<TriageDecision> decisions;
  private final List<TriageDecision> overruled;
  private final List<String> firedRules;
  private final TriageDecision[] winners = new TriageDecision[ATTRIBUTES.length];

  private TriageResult(
      List<TriageDecision> decisions, List<TriageDecision> overruled, List<String> firedRules) {
    this.decisions = List.copyOf(decisions);
    this.overruled = List.copyOf(overruled);
    this.firedRules = List.copyOf(firedRules);
    for (TriageDecision d : this.decisions) {
      int i = d.attribute().ordinal();
      if (d.attribute() != TriageAttribute.TAG) {
        if (winners[i] != null) {
          throw new ValidationException(
              "a triage result may have one winning decision per attribute, but " + d.attribute()
                  + " has several: " + winners[i] + " and " + d);
        }
        winners[i] = d;
      } else if (winners[i] == null) {
        winners[i] = d; // the first tag
      }
    }
  }

  /**
   * Creates a result from decisions already resolved.
   *
   * @param decisions the winning decisions: at most one per attribute, except {@link
   *     TriageAttribute#TAG}
   * @param overruled decisions that lost to a winner, for explanations
   * @param firedRules the names of the rules that fired, in firing order
   * @return the result
   * @throws ValidationException if an attribute has two winners
   */
  public static TriageResult of(
      List<TriageDecision> decisions, List<TriageDecision> overruled, List<String> firedRules) {
    Objects.requireNonNull(decisions, "decisions");
    Objects.requireNonNull(overruled, "overruled");
    Objects.requireNonNull(firedRules, "firedRules");
    return new TriageResult(decisions, overruled, firedRules);
  }

  /**
   * Resolves candidate decisions into a result by the rule of precedence: per attribute the
   * decision of the highest precedence wins, and among equal precedence the later one; every
   * distinct tag is kept (a repeated tag is overruled). The winners come in attribute order, then
   * the tags in the order made; the overruled candidates in the order made.
   *
   * @param candidates every decision, in the order made
   * @param firedRules the names of the rules that fired, in firing order
   * @return the result
   */
  public static TriageResult resolve(List<TriageDecision> candidates, List<String> firedRules) {
    Objects.requireNonNull(candidates, "candidates");
    Objects.requireNonNull(firedRules, "firedRules");
    TriageDecision[] w = winners(candidates);
    List<TriageDecision> decisions = new ArrayList<>(ATTRIBUTES.length);
    for (TriageDecision d : w) {
      if (d != null && d.attribute() != TriageAttribute.TAG) {
        decisions.add(d);
      }
    }
    List<TriageDecision> overruled = new ArrayList<>();
    Set<Object> tags = null;
    for (TriageDecision d : candidates) {
      if (d.attribute() == TriageAttribute.TAG) {
        if (tags == null) {
          tags = new HashSet<>();
        }
        if (tags.add(d.value())) {
          decisions.add(d);
        } else {
          overruled.add(d);
        }
      } else if (d != w[d.attribute().ordinal()]) {
        overruled.add(d);
      }
    }
    return new TriageResult(decisions, overruled, firedRules);
  }

  /**
   * Returns the winner of every attribute among candidate decisions, by the rule of precedence of
   * {@link #resolve(List, List)}, indexed by {@link TriageAttribute#ordinal()}. For TAG the slot
   * holds the last tag decided. Cheaper than {@link #resolve} when only the winners matter (the
   * engine reads them after every stage).
   *
   * @param candidates every decision, in the order made
   * @return a new array with one slot per attribute, null where nothing was decided
   */
  public static TriageDecision[] winners(List<TriageDecision> candidates) {
    TriageDecision[] w = new TriageDecision[ATTRIBUTES.length];
    for (int k = 0, n = candidates.size(); k < n; k++) {
      TriageDecision d = candidates.get(k);
      int i = d.attribute().ordinal();
      if (w[i] == null || d.precedence() >= w[i].precedence()) {
        w[i] = d;
      }
    }
    return w;
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
  public List<TriageDecision> decisions() {
    return decisions;
  }

  /**
   * Returns the decisions that lost to a winner of higher precedence (or, of equal precedence,
   * to a later one).
   *
   * @return an immutable list
   */
  public List<TriageDecision> overruled() {
    return overruled;
  }

  /**
   * Returns the overruled decisions of one attribute.
   *
   * @param attribute the attribute
   * @return an immutable list, in the order made
   */
  public List<TriageDecision> overruled(TriageAttribute attribute) {
    Objects.requireNonNull(attribute, "attribute");
    return overruled.stream().filter(d -> d.attribute() == attribute).toList();
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
  public Optional<TriageDecision> decision(TriageAttribute attribute) {
    Objects.requireNonNull(attribute, "attribute");
    return Optional.ofNullable(winners[attribute.ordinal()]);
  }

  /**
   * Returns the winning value of an attribute, of its {@link TriageAttribute#valueType()}.
   *
   * @param attribute the attribute (for {@link TriageAttribute#TAG}, the first tag)
   * @return the value, or empty when no rule decided it
   */
  public Optional<Object> value(TriageAttribute attribute) {
    return decision(attribute).map(TriageDecision::value);
  }

  /**
   * Returns the decided category code.
   *
   * @return the category, or empty
   */
  public Optional<String> category() {
    return value(TriageAttribute.CATEGORY, String.class);
  }

  /**
   * Returns the decided subcategory code.
   *
   * @return the subcategory, or empty
   */
  public Optional<String> subcategory() {
    return value(TriageAttribute.SUBCATEGORY, String.class);
  }

  /**
   * Returns the decided impact.
   *
   * @return the impact, or empty
   */
  public Optional<Impact> impact() {
    return value(TriageAttribute.IMPACT, Impact.class);
  }

  /**
   * Returns the decided urgency.
   *
   * @return the urgency, or empty
   */
  public Optional<Urgency> urgency() {
    return value(TriageAttribute.URGENCY, Urgency.class);
  }

  /**
   * Returns the decided priority.
   *
   * @return the priority, or empty
   */
  public Optional<Priority> priority() {
    return value(TriageAttribute.PRIORITY, Priority.class);
  }

  /**
   * Returns the decided team.
   *
   * @return the team, or empty
   */
  public Optional<String> team() {
    return value(TriageAttribute.TEAM, String.class);
  }

  /**
   * Returns the decided support level.
   *
   * @return the level, or empty
   */
  public Optional<SupportLevel> supportLevel() {
    return value(TriageAttribute.SUPPORT_LEVEL, SupportLevel.class);
  }

  /**
   * Returns whether a rule decided that resolving needs a manager's approval.
   *
   * @return {@code true} only if the winning APPROVAL_REQUIRED decision is {@code true}
   */
  public boolean approvalRequired() {
    return value(TriageAttribute.APPROVAL_REQUIRED, Boolean.class).orElse(false);
  }

  /**
   * Returns the decided tags.
   *
   * @return an immutable set, maybe empty
   */
  public Set<String> tags() {
    Set<String> tags = new LinkedHashSet<>();
    for (TriageDecision d : decisions) {
      if (d.attribute() == TriageAttribute.TAG) {
        tags.add(d.value(String.class));
      }
    }
    return Set.copyOf(tags);
  }

  private <T> Optional<T> value(TriageAttribute attribute, Class<T> type) {
    TriageDecision d = winners[attribute.ordinal()];
    return d == null ? Optional.empty() : Optional.of(type.cast(d.value()));
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
