package io.itsm.core.approval;

import java.util.Objects;

/**
 * Thrown when someone decides an {@link Approval} that is no longer {@link
 * ApprovalStatus#PENDING}, for example {@code "approval A-1 is APPROVED; only PENDING approvals
 * can be decided (actor bob)"}.
 *
 * <p>Instances are immutable once thrown.
 */
public class ApprovalNotPendingException extends ApprovalException {

  private static final long serialVersionUID = 1L;

  private final ApprovalStatus status;

  private final String actorId;

  /**
   * Creates the exception.
   *
   * @param approvalId the approval's id
   * @param status the approval's status, not {@link ApprovalStatus#PENDING}
   * @param actorId the id of the actor who tried to decide
   * @throws NullPointerException if an argument is null
   */
  public ApprovalNotPendingException(String approvalId, ApprovalStatus status, String actorId) {
    super(
        approvalId,
        "approval "
            + approvalId
            + " is "
            + Objects.requireNonNull(status, "status")
            + "; only PENDING approvals can be decided (actor "
            + Objects.requireNonNull(actorId, "actorId")
            + ")");
    this.status = status;
    this.actorId = actorId;
  }

  /**
   * Returns the approval's status when the decision was attempted.
   *
   * @return the status
   */
  public ApprovalStatus getStatus() {
    return status;
  }

  /**
   * Returns the id of the actor who tried to decide.
   *
   * @return the actor id
   */
  public String getActorId() {
    return actorId;
  }
}
