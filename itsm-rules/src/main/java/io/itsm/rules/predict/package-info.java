/**
 * Learning from a team's own history, applied in triage: {@link io.itsm.rules.predict.TriageModel}
 * (a trained linear model whose predictions, with the words that weighed most, become {@link
 * io.itsm.rules.facts.Prediction} facts), {@link io.itsm.rules.predict.SimilarIncidents} (the
 * past incidents most similar to a ticket, and major-incident detection), {@link
 * io.itsm.rules.predict.History} (past incidents as JSON Lines) and the {@link
 * io.itsm.rules.predict.Predictor} SPI. Training lives in the {@code itsm-learn} module. See
 * {@code docs/learning.md}.
 */
package io.itsm.rules.predict;
