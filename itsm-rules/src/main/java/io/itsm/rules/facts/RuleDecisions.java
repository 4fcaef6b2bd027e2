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
