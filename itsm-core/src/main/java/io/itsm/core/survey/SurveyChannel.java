package io.itsm.core.survey;

/** How a survey reaches the caller. */
public enum SurveyChannel {
  /** An e-mail with a link to the survey. */
  EMAIL,
  /** Shown on the self-service portal. */
  PORTAL,
  /** Asked in the chat. */
  CHAT,
  /** Asked by phone (the agent records the answer for the caller). */
  PHONE
}
