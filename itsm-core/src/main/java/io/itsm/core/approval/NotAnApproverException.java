package io.itsm.core.approval;

import java.util.Objects;

/**
 * Thrown when an actor who is not an approver of an {@link Approval}'s current stage tries to
 * decide it. The message lists who may decide, for example {@code "actor bob may not decide
 * approval A-1 (stage 1 of 2): approvers are user:ann, role:MANAGER"}.
 *
 * <p>Instances are immutable once thrown.
 */
public class NotAnApproverException extends ApprovalException {

  private static final long serialVersionUID = 1L;

  private final String actorId;

  /**
   * Creates the exception.
   *
   * @param approvalId the approval's id
   * @param actorId the id of the actor who tried to decide
   * @param stage the 1-based current stage
   * @param stageCount the approval's number of stages
   * @param currentStage the current stage, whose approvers are listed
   * @throws NullPointerException if an argument is null
   */
  public NotAnApproverException(
      String approvalId, String actorId, int stage, int stageCount, ApprovalStage currentStage) {
    super(
        approvalId,
        "actor "
            + Objects.requireNonNull(actorId, "actorId")
            + " may not decide approval "
            + approvalId
            + " (stage "
            + stage
            + " of "
            + stageCount
            + "): approvers are "
            + Objects.requireNonNull(currentStage, "currentStage").describeApprovers());
    this.actorId = actorId;
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
