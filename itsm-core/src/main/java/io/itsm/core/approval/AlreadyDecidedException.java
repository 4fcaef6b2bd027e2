package io.itsm.core.approval;

import java.util.Objects;

/**
 * Thrown when an approver decides the same stage of an {@link Approval} a second time. Each actor
 * decides at most once per stage; the same actor may decide again in a later stage.
 *
 * <p>Instances are immutable once thrown.
 */
public class AlreadyDecidedException extends ApprovalException {

  private static final long serialVersionUID = 1L;

  private final String actorId;

  private final int stage;

  /**
   * Creates the exception.
   *
   * @param approvalId the approval's id
   * @param earlier the actor's earlier decision in the current stage
   * @throws NullPointerException if an argument is null
   */
  public AlreadyDecidedException(String approvalId, ApprovalDecision earlier) {
    super(
        approvalId,
        "actor "
            + Objects.requireNonNull(earlier, "earlier").approverId()
            + " has already decided approval "
            + approvalId
            + " in stage "
            + earlier.stage()
            + " ("
            + earlier.verdict()
            + " at "
            + earlier.at()
            + "); each approver decides once per stage");
    this.actorId = earlier.approverId();
    this.stage = earlier.stage();
  }

  /**
   * Returns the id of the actor who tried to decide again.
   *
   * @return the actor id
   */
  public String getActorId() {
    return actorId;
  }

  /**
   * Returns the 1-based stage the actor already decided.
   *
   * @return the stage
   */
  public int getStage() {
    return stage;
  }
}
