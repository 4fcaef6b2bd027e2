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

  /**
   * The same stages for every change, whatever its risk: for example the kernel's terms, {@code
   * CabPolicy.of(kernel.approvalTerms(ApprovalSubject.Kind.CONFIGURATION_CHANGE).stages())}.
   *
   * @param stages the stages, in order; at least one
   * @return the policy
   * @throws io.itsm.core.ValidationException if there is no stage
   */
  static CabPolicy of(List<ApprovalStage> stages) {
    List<ApprovalStage> copy = List.copyOf(stages);
    if (copy.isEmpty()) {
      throw new io.itsm.core.ValidationException("a CAB policy needs at least one stage");
    }
    return (plan, assessment, risk) -> copy;
  }

  private static ApprovalStage stage(Role role) {
    return new ApprovalStage(List.of(Approver.role(role)), ApprovalPolicy.any());
  }
}
