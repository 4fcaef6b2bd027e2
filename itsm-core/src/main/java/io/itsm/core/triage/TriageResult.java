package io.itsm.core.triage;

import io.itsm.core.ValidationException;
import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Urgency;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What triage decided for one ticket: for each attribute the winning {@link TriageDecision}
 * (naming its rule and reason), the decisions that made its value, the candidates that lost, and
 * the rules that fired.
 *
 * <p>Typed accessors ({@link #category()}, {@link #priority()}, ...) read the winning decisions'
 * values as they are, without parsing; an attribute no rule decided is empty.
 *
 * <h2>The rule of precedence</h2>
 *
 * {@link #resolve(List, List)} builds a result from every candidate decision, per attribute:
 *
 * <ol>
 *   <li><b>Set values compete</b>: the {@link TriageDecision.Effect#SET SET} decision of the
 *       highest precedence wins; among equal precedence the later one.
 *   <li><b>Bounds apply after the winning set value</b>: every {@link
 *       TriageDecision.Effect#AT_LEAST AT_LEAST} or {@link TriageDecision.Effect#AT_MOST AT_MOST}
 *       decision whose precedence is not below the winning set value's raises or lowers it, in
 *       order of precedence (lowest first) and then in the order made, so the bound of the highest
 *       precedence has the last word. A bound never moves the value the other way: "at least P2"
 *       leaves a P1 a P1. Bounds below the set value's precedence do not apply (a team's explicit
 *       value is not moved by the defaults' modifiers). With no set value, the first bound sets it.
 *   <li><b>The winner</b> is the decision that gave the final value: the last bound that moved it,
 *       else the set value. {@link #contributing(TriageAttribute)} lists the set value and every
 *       bound that moved it, in order; every other candidate is {@link #overruled() overruled}.
 *   <li>Tags do not compete: each distinct tag is kept (a repeated tag is overruled).
 * </ol>
 *
 * <p>Immutable and thread-safe.
 */
public final class TriageResult {

  private static final TriageAttribute[] ATTRIBUTES = TriageAttribute.values();
  private static final TriageResult EMPTY =
      new TriageResult(List.of(), List.of(), List.of(), null);

  private final List<TriageDecision> decisions;
  private final List<TriageDecision> overruled;
  private final List<String> firedRules;
  private final TriageDecision[] winners = new TriageDecision[ATTRIBUTES.length];
  /** Per attribute (not TAG), the decisions that made the value, when more than the winner. */
  private final List<List<TriageDecision>> chains;

  private TriageResult(
      List<TriageDecision> decisions, List<TriageDecision> overruled, List<String> firedRules,
      List<List<TriageDecision>> chains) {
    this.decisions = List.copyOf(decisions);
    this.overruled = List.copyOf(overruled);
    this.firedRules = List.copyOf(firedRules);
    this.chains = chains;
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
    return new TriageResult(decisions, overruled, firedRules, null);
  }

  /**
   * Resolves candidate decisions into a result by the rule of precedence (see the class
   * description): set values compete by precedence (among equals the later wins), then bounds of
   * no lower precedence raise or lower the winner, the highest precedence last; every distinct tag
   * is kept. The winners come in attribute order, then the tags in the order made; the overruled
   * candidates in the order made.
   *
   * @param candidates every decision, in the order made
   * @param firedRules the names of the rules that fired, in firing order
   * @return the result
   */
  public static TriageResult resolve(List<TriageDecision> candidates, List<String> firedRules) {
    Objects.requireNonNull(candidates, "candidates");
    Objects.requireNonNull(firedRules, "firedRules");
    List<List<TriageDecision>> chains = chains(candidates);
    List<TriageDecision> decisions = new ArrayList<>(ATTRIBUTES.length);
    Set<TriageDecision> contributing = Collections.newSetFromMap(new IdentityHashMap<>());
    boolean bounded = false;
    for (List<TriageDecision> chain : chains) {
      if (!chain.isEmpty()) {
        decisions.add(chain.get(chain.size() - 1));
        contributing.addAll(chain);
        bounded |= chain.size() > 1;
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
      } else if (!contributing.contains(d)) {
        overruled.add(d);
      }
    }
    return new TriageResult(decisions, overruled, firedRules, bounded ? chains : null);
  }

  /**
   * Returns the winner of every attribute among candidate decisions, by the rule of precedence of
   * {@link #resolve(List, List)}, indexed by {@link TriageAttribute#ordinal()}; the slot of TAG is
   * unused. Cheaper than {@link #resolve} when only the winners matter (the engine reads them
   * after every stage).
   *
   * @param candidates every decision, in the order made
   * @return a new array with one slot per attribute, null where nothing was decided
   */
  public static TriageDecision[] winners(List<TriageDecision> candidates) {
    TriageDecision[] w = setWinners(candidates);
    if (hasBound(candidates)) {
      List<List<TriageDecision>> chains = chains(candidates);
      for (int i = 0; i < w.length; i++) {
        List<TriageDecision> chain = chains.get(i);
        w[i] = chain.isEmpty() ? null : chain.get(chain.size() - 1);
      }
    }
    w[TriageAttribute.TAG.ordinal()] = null;
    return w;
  }

  private static TriageDecision[] setWinners(List<TriageDecision> candidates) {
    TriageDecision[] w = new TriageDecision[ATTRIBUTES.length];
    for (int k = 0, n = candidates.size(); k < n; k++) {
      TriageDecision d = candidates.get(k);
      int i = d.attribute().ordinal();
      if (!d.isBound() && (w[i] == null || d.precedence() >= w[i].precedence())) {
        w[i] = d;
      }
    }
    return w;
  }

  private static boolean hasBound(List<TriageDecision> candidates) {
    for (int k = 0, n = candidates.size(); k < n; k++) {
      if (candidates.get(k).isBound()) {
        return true;
      }
    }
    return false;
  }

  /** Per attribute (TAG empty), the winning set value then each bound that moved it. */
  private static List<List<TriageDecision>> chains(List<TriageDecision> candidates) {
    TriageDecision[] set = setWinners(candidates);
    List<List<TriageDecision>> chains = new ArrayList<>(ATTRIBUTES.length);
    for (TriageAttribute a : ATTRIBUTES) {
      TriageDecision base = a == TriageAttribute.TAG ? null : set[a.ordinal()];
      List<TriageDecision> bounds = new ArrayList<>(0);
      if (a.isOrdered()) {
        for (TriageDecision d : candidates) {
          if (d.attribute() == a && d.isBound()
              && (base == null || d.precedence() >= base.precedence())) {
            bounds.add(d);
          }
        }
      }
      if (bounds.isEmpty()) {
        chains.add(base == null ? List.of() : List.of(base));
        continue;
      }
      bounds.sort(Comparator.comparingInt(TriageDecision::precedence)); // stable
      List<TriageDecision> chain = new ArrayList<>(1 + bounds.size());
      Object value = null;
      if (base != null) {
        chain.add(base);
        value = base.value();
      }
      for (TriageDecision b : bounds) {
        Object next = value == null ? b.value() : b.applyTo(value);
        if (!next.equals(value)) {
          chain.add(b);
          value = next;
        }
      }
      chains.add(List.copyOf(chain));
    }
    return chains;
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
   * Returns the winning decisions, at most one per attribute except tags: the decision that gave
   * each attribute its final value (a bound, when one raised or lowered it).
   *
   * @return an immutable list
   */
  public List<TriageDecision> decisions() {
    return decisions;
  }

  /**
   * Returns the candidates that did not make a value: set values that lost to a higher precedence
   * (or, of equal precedence, to a later one), bounds below the winning set value's precedence,
   * and bounds the value already met. A set value that a bound raised or lowered is not here but
   * in {@link #contributing(TriageAttribute)}.
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
   * Returns the decisions that made an attribute's value, in the order they took effect: the
   * winning set value (if any), then each bound that raised or lowered it. The last one is {@link
   * #decision(TriageAttribute)}.
   *
   * @param attribute the attribute (for {@link TriageAttribute#TAG}, every kept tag)
   * @return an immutable list, empty when no rule decided the attribute
   */
  public List<TriageDecision> contributing(TriageAttribute attribute) {
    Objects.requireNonNull(attribute, "attribute");
    if (attribute == TriageAttribute.TAG) {
      return decisions.stream().filter(d -> d.attribute() == TriageAttribute.TAG).toList();
    }
    if (chains != null) {
      return chains.get(attribute.ordinal());
    }
    TriageDecision w = winners[attribute.ordinal()];
    return w == null ? List.of() : List.of(w);
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
    if (!(o instanceof TriageResult r)
        || !decisions.equals(r.decisions)
        || !overruled.equals(r.overruled)
        || !firedRules.equals(r.firedRules)) {
      return false;
    }
    for (TriageAttribute a : ATTRIBUTES) {
      if (!contributing(a).equals(r.contributing(a))) {
        return false;
      }
    }
    return true;
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
