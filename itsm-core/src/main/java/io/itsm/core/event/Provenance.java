package io.itsm.core.event;

import io.itsm.core.ValidationException;
import io.itsm.core.triage.TriageAttribute;
import io.itsm.core.triage.TriageDecision;
import io.itsm.core.triage.TriageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who or what made the decision an event records, and on what grounds: a person by hand, a named
 * rule, a policy, or the desk itself; for triage also every decision that contributed to the
 * event's values and the candidates they overruled. This is how the audit trail answers "which
 * rule set the priority, and what did it overrule?" (see {@link IncidentHistory#explain}).
 *
 * <p>For a triage event, {@code name} and {@code reason} are those of the decision that gave the
 * event's main attribute its value (the category of {@link Categorized}, the priority of {@link
 * Prioritized}, the team of {@link Assigned}, ...), and {@code decisions} holds the decisions that
 * made that value (the winning set value, then each bound that raised or lowered it), then those
 * of the event's other attributes (subcategory; impact and urgency; support level). Decisions and
 * overruled candidates are empty for other deciders.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the kind of decider
 * @param name the actor id (for {@link Kind#MANUAL}), the rule name (for {@link Kind#RULE}) or the
 *     policy name; not blank
 * @param reason a human explanation; may be empty
 * @param decisions the decisions that made the event's values, main attribute first; maybe empty
 * @param overruled the candidates for the event's attributes that lost; maybe empty
 */
public record Provenance(
    Kind kind,
    String name,
    String reason,
    List<TriageDecision> decisions,
    List<TriageDecision> overruled) {

  /** The kinds of decider. */
  public enum Kind {
    /** A person decided by hand. */
    MANUAL,
    /** A rule of a rule pack decided. */
    RULE,
    /** A Java policy (for example the desk's default triage policy or the SLA policy) decided. */
    POLICY,
    /** The desk decided by itself (for example auto-close after N days). */
    SYSTEM
  }

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component or a listed decision is null
   * @throws ValidationException if {@code name} is blank
   */
  public Provenance {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reason, "reason");
    decisions = List.copyOf(Objects.requireNonNull(decisions, "decisions"));
    overruled = List.copyOf(Objects.requireNonNull(overruled, "overruled"));
    if (name.isBlank()) {
      throw new ValidationException("decidedBy name must not be blank (" + kind + ")");
    }
  }

  /**
   * Creates a provenance without decisions (a person, a policy, the desk, or a rule outside
   * triage).
   *
   * @param kind the kind of decider
   * @param name the actor id, rule name or policy name; not blank
   * @param reason a human explanation; may be empty
   * @throws ValidationException if {@code name} is blank
   */
  public Provenance(Kind kind, String name, String reason) {
    this(kind, name, reason, List.of(), List.of());
  }

  /**
   * A decision made by hand.
   *
   * @param actorId who decided
   * @return the provenance
   */
  public static Provenance manual(String actorId) {
    return new Provenance(Kind.MANUAL, actorId, "");
  }

  /**
   * A decision made by a rule.
   *
   * @param ruleName the rule's name
   * @param reason why the rule decided so
   * @return the provenance
   */
  public static Provenance rule(String ruleName, String reason) {
    return new Provenance(Kind.RULE, ruleName, reason);
  }

  /**
   * A decision made by a policy.
   *
   * @param policyName the policy's name
   * @param reason why
   * @return the provenance
   */
  public static Provenance policy(String policyName, String reason) {
    return new Provenance(Kind.POLICY, policyName, reason);
  }

  /**
   * A decision made by the desk itself.
   *
   * @param reason why
   * @return the provenance
   */
  public static Provenance system(String reason) {
    return new Provenance(Kind.SYSTEM, "system", reason);
  }

  /**
   * The provenance of an event that records triage decisions: named after the decision that gave
   * the main attribute its value, with the contributing decisions and overruled candidates of all
   * the given attributes.
   *
   * @param result the triage result
   * @param main the event's main attribute, which the result decided
   * @param others the event's other attributes (their decisions are listed when decided)
   * @return the provenance, of kind {@link Kind#RULE}
   * @throws ValidationException if the result did not decide {@code main}
   */
  public static Provenance ofTriage(
      TriageResult result, TriageAttribute main, TriageAttribute... others) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(main, "main");
    TriageDecision last =
        result.decision(main).orElseThrow(() -> new ValidationException(
            "the triage result decided no " + main + " to record"));
    List<TriageDecision> decisions = new ArrayList<>(result.contributing(main));
    List<TriageDecision> overruled = new ArrayList<>(result.overruled(main));
    for (TriageAttribute a : others) {
      decisions.addAll(result.contributing(a));
      overruled.addAll(result.overruled(a));
    }
    return new Provenance(Kind.RULE, last.rule(), last.reason(), decisions, overruled);
  }

  /**
   * Returns the decision that made an attribute's value (the last that took effect: a bound that
   * raised or lowered it, else the set value), if this provenance lists one.
   *
   * @param attribute the attribute
   * @return the decision (for TAG, the first tag), or empty
   */
  public Optional<TriageDecision> decision(TriageAttribute attribute) {
    List<TriageDecision> chain = contributing(attribute);
    if (chain.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(attribute == TriageAttribute.TAG ? chain.get(0) : chain.get(chain.size() - 1));
  }

  /**
   * Returns the decisions that made an attribute's value, in the order they took effect: the
   * winning set value, then each bound that raised or lowered it (for TAG, every tag).
   *
   * @param attribute the attribute
   * @return an immutable list, maybe empty
   */
  public List<TriageDecision> contributing(TriageAttribute attribute) {
    Objects.requireNonNull(attribute, "attribute");
    return decisions.stream().filter(d -> d.attribute() == attribute).toList();
  }

  /**
   * Returns the overruled candidates for one attribute.
   *
   * @param attribute the attribute
   * @return an immutable list, in the order made
   */
  public List<TriageDecision> overruled(TriageAttribute attribute) {
    Objects.requireNonNull(attribute, "attribute");
    return overruled.stream().filter(d -> d.attribute() == attribute).toList();
  }
}
