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
 *
 * <p>With a model or a similar-incident index ({@code docs/learning.md}) the engine also inserts
 * one {@link io.itsm.rules.facts.Prediction} per model, the {@link
 * io.itsm.rules.facts.PredictionSettings}, the most {@link io.itsm.rules.facts.SimilarIncident
 * similar past incidents} and, when several similar open incidents share the ticket's service or
 * configuration item, a {@link io.itsm.rules.facts.MajorIncidentSuspect}. All facts are public,
 * immutable records.
 *
 * <p>The decision packs of the improvement practices have their facts and globals here too:
 * {@link io.itsm.rules.facts.ClosedIncidentFact} and {@link io.itsm.rules.facts.SurveyAnswerFact}
 * with {@link io.itsm.rules.facts.SurveyDecisions} (survey.drl); {@link
 * io.itsm.rules.facts.ReviewCandidateFact} with {@link io.itsm.rules.facts.ReviewDecisions}
 * (review.drl); {@link io.itsm.rules.facts.NewIncidentFact} and {@link
 * io.itsm.rules.facts.RecentIncidentFact} with {@link io.itsm.rules.facts.ProblemProposals}
 * (problem.drl); {@link io.itsm.rules.facts.OverdueActionFact} with {@link
 * io.itsm.rules.facts.ActionEscalations} (action-escalation.drl). See {@code docs/improvement.md}.
 */
package io.itsm.rules.facts;
