package io.itsm.core.approval;

import io.itsm.core.ItsmException;
import java.util.Objects;

/**
 * Base type of the exceptions thrown when an {@link Approval} cannot be decided as asked. Carries
 * the id of the approval concerned. The approval is unchanged.
 *
 * <p>Instances are immutable once thrown.
 */
public class ApprovalException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final String approvalId;

  /**
   * Creates an exception.
   *
   * @param approvalId the id of the approval concerned
   * @param message what went wrong and what would be valid
   * @throws NullPointerException if an argument is null
   */
  public ApprovalException(String approvalId, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.approvalId = Objects.requireNonNull(approvalId, "approvalId");
  }

  /**
   * Returns the id of the approval concerned.
   *
   * @return the approval id
   */
  public String getApprovalId() {
    return approvalId;
  }
}
