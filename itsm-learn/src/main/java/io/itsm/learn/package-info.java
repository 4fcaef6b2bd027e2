/**
 * Training triage models from a team's labelled history: {@link io.itsm.learn.ModelTrainer}
 * (Tribuo underneath) and its cross-validated {@link io.itsm.learn.Evaluation}. The trained
 * {@link io.itsm.rules.predict.TriageModel} is applied by {@code itsm-rules} alone, so
 * applications that only apply models do not need this module. See {@code docs/learning.md}.
 */
package io.itsm.learn;
