package io.itsm.rules.facts;

import io.itsm.core.incident.Impact;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.incident.Urgency;
import io.itsm.core.triage.TriageAttribute;

/**
 * Where a rule's consequence writes what it decides: the global {@code decide} of every triage
 * rule file.
 *
 * <pre>
 * global io.itsm.rules.facts.RuleDecisions decide;
 *
 * rule "Printers on floor 3 go to the facilities desk"
 *   ruleflow-group "route"
 * when
 *   TicketFact(location == "floor-3")
 *   DecidedSoFar(category == "hardware", subcategory == "printer")
 * then
 *   decide.team("facilities", "printers on floor 3 are leased");
 * end
 * </pre>
 *
 * <p>Each method records a <em>candidate</em> decision; the engine adds the name of the rule that
 * is firing, its file and its precedence (its {@code @precedence(n)} annotation, else 100 for your
 * rules and 0 for the default packs), and picks the winner per attribute after each stage: the
 * highest precedence, and among equal precedence the later decision. The winners so far are the
 * {@link DecidedSoFar} fact of later stages; the losers are kept as overruled candidates.
 *
 * <h2>Setting or bounding</h2>
 *
 * A rule that knows the value <em>sets</em> it ({@link #priority(Priority, String) priority(P4)}:
 * "audits are P4"). A rule that means "no lower than" or "no higher than" <em>bounds</em> it
 * ({@link #atLeast(Priority, String) atLeast(P2)}: "finance at month-end is at least P2"; {@link
 * #atMost(Priority, String) atMost(P3)}). Bounds apply after the winning set value, so "at least
 * P2" raises a P4 to P2 and leaves a P1 a P1, whatever the stages and precedences: a rule meant to
 * raise never lowers. A bound applies to a set value of its own precedence or lower (a default
 * modifier does not move a value your rule set explicitly); among bounds, the one of the highest
 * precedence has the last word. IMPACT, URGENCY, PRIORITY and SUPPORT_LEVEL can be bounded (P1 is
 * above P2, HIGH above MEDIUM, L3 above L2, VENDOR above L3).
 *
 * <pre>
 * rule "Finance at month-end is at least P2"
 *   ruleflow-group "adjust"
 * when
 *   TicketFact(department == "finance", lastThreeDaysOfMonth(openedAt))
 * then
 *   decide.atLeast(Priority.P2, "finance closes the books");
 * end
 * </pre>
 *
 * <p>Values keep their type: a priority is a {@link Priority}, not the text {@code "P2"}. {@link
 * #set} also takes the text of an enum value ({@code "P2"}, {@code "HIGH"}, {@code "true"}),
 * converted once, here; a value that does not fit fails the triage with a {@code
 * RuleExecutionException} naming the rule, its file and the allowed values.
 *
 * <p>Call these methods only from a rule's consequence. Not thread-safe: one instance per triage,
 * used by the firing thread only.
 */
public interface RuleDecisions {

  /**
   * Decides an attribute.
   *
   * @param attribute the attribute
   * @param value the value, of the attribute's {@link TriageAttribute#valueType() value type}
   *     (a code, an {@link Impact}, {@link Urgency}, {@link Priority}, {@link SupportLevel}, a
   *     {@code Boolean}), or the text of an enum constant or boolean such as {@code "P2"}
   * @param reason why, for people reading the result, for example {@code "matched 'vpn' (en)"}
   * @throws io.itsm.rules.RuleExecutionException if the value does not fit the attribute (naming
   *     the rule, its file and the allowed values)
   * @throws IllegalStateException if called outside a rule consequence
   */
  void set(TriageAttribute attribute, Object value, String reason);

  /**
   * Bounds an ordered attribute from below: raises it to {@code value} if it ranks below, never
   * lowers it.
   *
   * @param attribute IMPACT, URGENCY, PRIORITY or SUPPORT_LEVEL
   * @param value the lowest value allowed, of the attribute's type, or its text ({@code "P2"})
   * @param reason why
   * @throws io.itsm.rules.RuleExecutionException if the attribute has no order or the value does
   *     not fit it
   */
  void atLeast(TriageAttribute attribute, Object value, String reason);

  /**
   * Bounds an ordered attribute from above: lowers it to {@code value} if it ranks above, never
   * raises it.
   *
   * @param attribute IMPACT, URGENCY, PRIORITY or SUPPORT_LEVEL
   * @param value the highest value allowed, of the attribute's type, or its text ({@code "P3"})
   * @param reason why
   * @throws io.itsm.rules.RuleExecutionException if the attribute has no order or the value does
   *     not fit it
   */
  void atMost(TriageAttribute attribute, Object value, String reason);

  /**
   * The priority is at least {@code priority}: a lower priority is raised to it, a higher one
   * stays.
   *
   * @param priority the lowest priority allowed, for example {@code Priority.P2}
   * @param reason why
   * @throws io.itsm.rules.RuleExecutionException if the priority is null
   */
  default void atLeast(Priority priority, String reason) {
    atLeast(TriageAttribute.PRIORITY, priority, reason);
  }

  /**
   * The priority is at most {@code priority}: a higher priority is lowered to it, a lower one
   * stays.
   *
   * @param priority the highest priority allowed, for example {@code Priority.P3}
   * @param reason why
   * @throws io.itsm.rules.RuleExecutionException if the priority is null
   */
  default void atMost(Priority priority, String reason) {
    atMost(TriageAttribute.PRIORITY, priority, reason);
  }

  /**
   * The impact is at least {@code impact}.
   *
   * @param impact the lowest impact allowed
   * @param reason why
   * @throws io.itsm.rules.RuleExecutionException if the impact is null
   */
  default void atLeast(Impact impact, String reason) {
    atLeast(TriageAttribute.IMPACT, impact, reason);
  }

  /**
   * The impact is at most {@code impact}.
   *
   * @param impact the highest impact allowed
   * @param reason why
   * @throws io.itsm.rules.RuleExecutionException if the impact is null
   */
  default void atMost(Impact impact, String reason) {
    atMost(TriageAttribute.IMPACT, impact, reason);
  }

  /**
   * The urgency is at least {@code urgency}.
   *
   * @param urgency the lowest urgency allowed
   * @param reason why
   * @throws io.itsm.rules.RuleExecutionException if the urgency is null
   */
  default void atLeast(Urgency urgency, String reason) {
    atLeast(TriageAttribute.URGENCY, urgency, reason);
  }

  /**
   * The urgency is at most {@code urgency}.
   *
   * @param urgency the highest urgency allowed
   * @param reason why
   * @throws io.itsm.rules.RuleExecutionException if the urgency is null
   */
  default void atMost(Urgency urgency, String reason) {
    atMost(TriageAttribute.URGENCY, urgency, reason);
  }

  /**
   * The support level is at least {@code level} (L1 &lt; L2 &lt; L3 &lt; VENDOR).
   *
   * @param level the lowest level allowed
   * @param reason why
   * @throws io.itsm.rules.RuleExecutionException if the level is null
   */
  default void atLeast(SupportLevel level, String reason) {
    atLeast(TriageAttribute.SUPPORT_LEVEL, level, reason);
  }

  /**
   * The support level is at most {@code level} (L1 &lt; L2 &lt; L3 &lt; VENDOR).
   *
   * @param level the highest level allowed
   * @param reason why
   * @throws io.itsm.rules.RuleExecutionException if the level is null
   */
  default void atMost(SupportLevel level, String reason) {
    atMost(TriageAttribute.SUPPORT_LEVEL, level, reason);
  }

  /**
   * Decides the category.
   *
   * @param code the category code, for example {@code "network"}
   * @param reason why
   * @throws io.itsm.rules.RuleExecutionException if the code is null or blank
   */
  default void category(String code, String reason) {
    set(TriageAttribute.CATEGORY, code, reason);
  }

  /**
   * Decides the subcategory.
   *
   * @param code the subcategory code, for example {@code "vpn"}
   * @param reason why
   * @throws io.itsm.rules.RuleExecutionException if the code is null or blank
   */
  default void subcategory(String code, String reason) {
    set(TriageAttribute.SUBCATEGORY, code, reason);
  }

  /**
   * Decides the impact.
   *
   * @param impact the impact
   * @param reason why
   * @throws io.itsm.rules.RuleExecutionException if the impact is null
   */
  default void impact(Impact impact, String reason) {
    set(TriageAttribute.IMPACT, impact, reason);
  }

  /**
   * Decides the urgency.
   *
   * @param urgency the urgency
   * @param reason why
   * @throws io.itsm.rules.RuleExecutionException if the urgency is null
   */
  default void urgency(Urgency urgency, String reason) {
    set(TriageAttribute.URGENCY, urgency, reason);
  }

  /**
   * Decides the priority.
   *
   * @param priority the priority
   * @param reason why
   * @throws io.itsm.rules.RuleExecutionException if the priority is null
   */
  default void priority(Priority priority, String reason) {
    set(TriageAttribute.PRIORITY, priority, reason);
  }

  /**
   * Decides the team (assignment group).
   *
   * @param team the team code, for example {@code "network-ops"}
   * @param reason why
   * @throws io.itsm.rules.RuleExecutionException if the team is null or blank
   */
  default void team(String team, String reason) {
    set(TriageAttribute.TEAM, team, reason);
  }

  /**
   * Decides the support level.
   *
   * @param level the level
   * @param reason why
   * @throws io.itsm.rules.RuleExecutionException if the level is null
   */
  default void supportLevel(SupportLevel level, String reason) {
    set(TriageAttribute.SUPPORT_LEVEL, level, reason);
  }

  /**
   * Decides whether resolving needs a manager's approval.
   *
   * @param required whether it does
   * @param reason why
   */
  default void approvalRequired(boolean required, String reason) {
    set(TriageAttribute.APPROVAL_REQUIRED, required, reason);
  }

  /**
   * Adds a tag. Tags do not compete: every distinct tag is kept.
   *
   * @param tag the tag
   * @param reason why
   * @throws io.itsm.rules.RuleExecutionException if the tag is null or blank
   */
  default void tag(String tag, String reason) {
    set(TriageAttribute.TAG, tag, reason);
  }
}
