package io.itsm.core.survey;

/** Where a {@link Survey} stands. */
public enum SurveyStatus {
  /** The policy decided not to ask; the record keeps why. Final. */
  SKIPPED,
  /** Sent to the caller, waiting for the answer until its due time. */
  SENT,
  /** The caller answered. Final (a follow-up may still be open). */
  ANSWERED,
  /** No answer by the due time. Final. */
  EXPIRED;

  /**
   * Tells whether nothing more can happen to the survey's answers.
   *
   * @return {@code true} for SKIPPED, ANSWERED and EXPIRED
   */
  public boolean isFinal() {
    return this != SENT;
  }
}
