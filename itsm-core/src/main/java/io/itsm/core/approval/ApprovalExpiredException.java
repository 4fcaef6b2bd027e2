package io.itsm.core.approval;

import java.time.Instant;
import java.util.Objects;

/**
 * Thrown when a decision on an {@link Approval} comes at or after its due time: the approval has
 * expired, even if {@link Approval#expireIfDue(Instant)} has not been called yet. Request a new
 * approval instead.
 *
 * <p>Instances are immutable once thrown.
 */
public class ApprovalExpiredException extends ApprovalException {

  private static final long serialVersionUID = 1L;

  private final String actorId;

  private final Instant dueAt;

  private final Instant decidedAt;

  /**
   * Creates the exception.
   *
   * @param approvalId the approval's id
   * @param actorId the id of the actor who tried to decide
   * @param dueAt the approval's due time
   * @param decidedAt when the decision was attempted, at or after {@code dueAt}
   * @throws NullPointerException if an argument is null
   */
  public ApprovalExpiredException(
      String approvalId, String actorId, Instant dueAt, Instant decidedAt) {
    super(
        approvalId,
        "approval "
            + approvalId
            + " expired at "
            + Objects.requireNonNull(dueAt, "dueAt")
            + "; actor "
            + Objects.requireNonNull(actorId, "actorId")
            + " decided at "
            + Objects.requireNonNull(decidedAt, "decidedAt")
            + ", but decisions must come before the due time; request a new approval");
    this.actorId = actorId;
    this.dueAt = dueAt;
    this.decidedAt = decidedAt;
  }

  /**
   * Returns the id of the actor who tried to decide.
   *
   * @return the actor id
   */
  public String getActorId() {
    return actorId;
  }

  /**
   * Returns the approval's due time.
   *
   * @return the due time
   */
  public Instant getDueAt() {
    return dueAt;
  }

  /**
   * Returns when the decision was attempted.
   *
   * @return the decision time
   */
  public Instant getDecidedAt() {
    return decidedAt;
  }
}
