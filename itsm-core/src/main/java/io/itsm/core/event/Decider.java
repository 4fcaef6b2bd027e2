package io.itsm.core.event;

import io.itsm.core.ValidationException;
import java.util.Objects;

/**
 * Who or what made a decision recorded in an event: a person by hand, a named rule, a policy, or
 * the desk itself. This is how the audit trail answers "which rule set the priority?".
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the kind of decider
 * @param name the actor id (for {@link Kind#MANUAL}), the rule name (for {@link Kind#RULE}) or the
 *     policy name; not blank
 * @param reason a human explanation; may be empty
 */
public record Decider(Kind kind, String name, String reason) {

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
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code name} is blank
   */
  public Decider {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reason, "reason");
    if (name.isBlank()) {
      throw new ValidationException("decider name must not be blank (" + kind + ")");
    }
  }

  /**
   * A decision made by hand.
   *
   * @param actorId who decided
   * @return the decider
   */
  public static Decider manual(String actorId) {
    return new Decider(Kind.MANUAL, actorId, "");
  }

  /**
   * A decision made by a rule.
   *
   * @param ruleName the rule's name
   * @param reason why the rule decided so
   * @return the decider
   */
  public static Decider rule(String ruleName, String reason) {
    return new Decider(Kind.RULE, ruleName, reason);
  }

  /**
   * A decision made by a policy.
   *
   * @param policyName the policy's name
   * @param reason why
   * @return the decider
   */
  public static Decider policy(String policyName, String reason) {
    return new Decider(Kind.POLICY, policyName, reason);
  }

  /**
   * A decision made by the desk itself.
   *
   * @param reason why
   * @return the decider
   */
  public static Decider system(String reason) {
    return new Decider(Kind.SYSTEM, "system", reason);
  }
}
