package io.itsm.rules.facts;

import io.itsm.core.triage.TriageAttribute;

/**
 * Where rules write their decisions: the global {@code decisions} of every rule file.
 *
 * <pre>
 * global io.itsm.rules.facts.Decisions decisions;
 *
 * rule "Printers on floor 3 go to the facilities desk"
 *   ruleflow-group "route"
 * when
 *   TicketFact(location == "floor-3")
 *   Decided(category == "hardware", subcategory == "printer")
 * then
 *   decisions.decide(TriageAttribute.TEAM, "facilities", "printers on floor 3 are leased");
 * end
 * </pre>
 *
 * <p>The engine records, with every decision, the name of the rule that is firing and the rule's
 * precedence (its {@code @precedence(n)} annotation, else 100 for your rules and 0 for the default
 * packs). After each stage the winners become the {@link Decided} fact. Call these methods only
 * from a rule's consequence.
 *
 * <p>Not thread-safe: one instance per triage, used by the firing thread only.
 */
public interface Decisions {

  /**
   * Decides an attribute.
   *
   * @param attribute the attribute; use {@link #tag} for tags
   * @param value the value: a category or team code, an enum constant name such as {@code "P2"},
   *     {@code "HIGH"}, {@code "L2"}, or {@code "true"}/{@code "false"} for approval
   * @param reason why, for people reading the result, for example {@code "matched 'vpn' (en)"}
   * @throws io.itsm.core.ValidationException if the value is blank or not valid for the attribute
   * @throws IllegalStateException if called outside a rule consequence
   */
  void decide(TriageAttribute attribute, String value, String reason);

  /**
   * Decides an attribute with an enum value ({@code Impact}, {@code Urgency}, {@code Priority},
   * {@code SupportLevel}).
   *
   * @param attribute the attribute
   * @param value the value; its {@code name()} is recorded
   * @param reason why
   * @throws io.itsm.core.ValidationException if the value does not fit the attribute
   * @throws IllegalStateException if called outside a rule consequence
   */
  default void decide(TriageAttribute attribute, Enum<?> value, String reason) {
    decide(attribute, value.name(), reason);
  }

  /**
   * Adds a tag. Tags do not compete: every distinct tag is kept.
   *
   * @param tag the tag
   * @param reason why
   * @throws IllegalStateException if called outside a rule consequence
   */
  default void tag(String tag, String reason) {
    decide(TriageAttribute.TAG, tag, reason);
  }
}
