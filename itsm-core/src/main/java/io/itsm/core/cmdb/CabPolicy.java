package io.itsm.core.cmdb;

import io.itsm.core.access.Role;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.approval.Approver;
import java.util.List;

/**
 * The change advisory board: who approves a change, in which stages, given its plan, its impact
 * assessment and its risk. The stages become the change's {@link io.itsm.core.approval.Approval}.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface CabPolicy {

  /**
   * Decides the approval stages of a change.
   *
   * @param plan what the change asks for
   * @param assessment its impact
   * @param risk its risk (the higher of the requester's and the assessed one)
   * @return the stages, in order; not empty
   */
  List<ApprovalStage> stagesFor(ChangePlan plan, ImpactAssessment assessment, Risk risk);

  /**
   * The default board: a LOW risk change is approved by any team lead; MEDIUM by any manager;
   * HIGH by a manager, then by senior management.
   *
   * @return the policy
   */
  static CabPolicy defaults() {
    return (plan, assessment, risk) -> switch (risk) {
      case LOW -> List.of(stage(Role.TEAM_LEAD));
      case MEDIUM -> List.of(stage(Role.MANAGER));
      case HIGH -> List.of(stage(Role.MANAGER), stage(Role.SENIOR_MANAGER));
    };
  }

  private static ApprovalStage stage(Role role) {
    return new ApprovalStage(List.of(Approver.role(role)), ApprovalPolicy.any());
  }
}
