package io.itsm.core.approval;

import io.itsm.core.ValidationException;
import java.time.Instant;
import java.util.Objects;

/**
 * One approver's decision in one stage of an {@link Approval}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param approverId the id of the actor who decided; not blank
 * @param stage the 1-based stage number decided in
 * @param verdict approve or reject
 * @param comment why; may be empty for {@link Verdict#APPROVE}, not blank for {@link
 *     Verdict#REJECT}
 * @param at when the decision was made
 */
public record ApprovalDecision(
    String approverId, int stage, Verdict verdict, String comment, Instant at) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code approverId} is blank, {@code stage < 1}, or {@code
   *     verdict} is {@link Verdict#REJECT} and {@code comment} is blank
   */
  public ApprovalDecision {
    Objects.requireNonNull(approverId, "approverId");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(at, "at");
    if (approverId.isBlank()) {
      throw new ValidationException(
          "decision approverId must not be blank, but was '" + approverId + "'");
    }
    if (stage < 1) {
      throw new ValidationException("decision stage must be at least 1, but was " + stage);
    }
    if (verdict == Verdict.REJECT && comment.isBlank()) {
      throw new ValidationException(
          "comment must not be blank when rejecting, but was '" + comment + "'");
    }
  }
}
