/**
 * The facts and the decision API that rule files use: import {@code io.itsm.rules.facts.*} in DRL.
 *
 * <p>Per triage the engine inserts one {@link io.itsm.rules.facts.TicketFact}, one {@link
 * io.itsm.rules.facts.TriageSettings}, one {@link io.itsm.rules.TeamMap}, one {@link
 * io.itsm.rules.facts.CategoryHits} per matched category, one {@link
 * io.itsm.rules.facts.SubcategoryHits} per matched subcategory, one {@code
 * io.itsm.rules.keywords.KeywordHit} per distinct matched term (its first occurrence), and the
 * {@link io.itsm.rules.facts.DecidedSoFar} fact (replaced after every stage). Rules write into the
 * global {@link io.itsm.rules.facts.RuleDecisions decide}. Facts of a type that no rule pattern can
 * match are left out (with the default packs alone, the {@code KeywordHit} facts). See {@code
 * docs/rules.md}.
 */
package io.itsm.rules.facts;
