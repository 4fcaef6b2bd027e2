package io.itsm.core.survey;

/** Where the follow-up of a low survey score stands. */
public enum FollowUpStatus {
  /** Someone must contact the caller. */
  OPEN,
  /** Done, with a note of what was said or done. */
  DONE
}
