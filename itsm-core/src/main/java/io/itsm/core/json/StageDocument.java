package io.itsm.core.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.itsm.core.ValidationException;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.approval.Approver;
import java.util.List;
import java.util.Optional;

/**
 * An approval stage as written in JSON: the policy by name, and {@code quorum} beside it for
 * {@code QUORUM} (docs/json.md, "Approvals").
 */
record StageDocument(
    @JsonProperty(required = true) List<Approver> approvers,
    PolicyName policy,
    Optional<Integer> quorum) {

  /** The policies by name, as written in {@code stages[i].policy}. */
  enum PolicyName {
    ANY,
    ALL,
    QUORUM
  }

  static StageDocument of(ApprovalStage stage) {
    if (stage.policy() instanceof ApprovalPolicy.Quorum q) {
      return new StageDocument(stage.approvers(), PolicyName.QUORUM, Optional.of(q.k()));
    }
    PolicyName name =
        stage.policy() instanceof ApprovalPolicy.All ? PolicyName.ALL : PolicyName.ANY;
    return new StageDocument(stage.approvers(), name, Optional.empty());
  }

  ApprovalStage toStage() {
    if (policy == PolicyName.QUORUM) {
      int k =
          quorum.orElseThrow(
              () ->
                  new ValidationException(
                      "quorum: required when policy is QUORUM: how many approvals are needed"));
      return new ApprovalStage(approvers, ApprovalPolicy.quorum(k));
    }
    if (quorum.isPresent()) {
      throw new ValidationException(
          "quorum: only allowed when policy is QUORUM, but policy was " + policy);
    }
    return new ApprovalStage(
        approvers, policy == PolicyName.ALL ? ApprovalPolicy.all() : ApprovalPolicy.any());
  }
}
