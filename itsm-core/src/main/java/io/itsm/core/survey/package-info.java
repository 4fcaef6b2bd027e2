/**
 * Satisfaction surveys after closure (ITIL's "conduct a brief survey"): a {@link
 * io.itsm.core.survey.SurveyPolicy} (in DRL: {@code SurveyEngine} of itsm-rules) decides per
 * closed incident whether to ask, and every decision is recorded and explained; a {@link
 * io.itsm.core.survey.Survey} carries its questions, channel, due time, answers and comment, and a
 * low score can open a follow-up. {@link io.itsm.core.survey.Surveys} is the facade. The events
 * ({@link io.itsm.core.survey.SurveyEvent}) are what customer-satisfaction metrics read; see
 * docs/improvement.md.
 */
package io.itsm.core.survey;
