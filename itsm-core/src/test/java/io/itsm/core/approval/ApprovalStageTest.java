package io.itsm.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalStageTest {

  @Test
  void new_allWithRoleApprover_isRejectedWithHint() {
    List<Approver> approvers = List.of(Approver.user("ann"), Approver.role(Role.MANAGER));

    assertThatThrownBy(() -> new ApprovalStage(approvers, ApprovalPolicy.all()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ALL needs named user approvers; use QUORUM(k) for roles")
        .hasMessageContaining("role:MANAGER");
  }

  @Test
  void new_quorumBiggerThanNamedApprovers_isRejected() {
    List<Approver> approvers = List.of(Approver.user("ann"), Approver.user("joe"));

    assertThatThrownBy(() -> new ApprovalStage(approvers, ApprovalPolicy.quorum(3)))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "quorum k must be at most the number of named approvers (2), but was 3"
                + " for approvers [user:ann, user:joe]");
  }

  @Test
  void new_quorumEqualToNamedApprovers_isAccepted() {
    ApprovalStage stage =
        new ApprovalStage(
            List.of(Approver.user("ann"), Approver.user("joe")), ApprovalPolicy.quorum(2));

    assertThat(stage.policy()).isEqualTo(ApprovalPolicy.quorum(2));
  }

  @Test
  void new_quorumBiggerThanApproversWithRole_isAccepted() {
    ApprovalStage stage =
        new ApprovalStage(List.of(Approver.role(Role.MANAGER)), ApprovalPolicy.quorum(3));

    assertThat(stage.isSatisfiedBy(Set.of("a", "b"))).isFalse();
    assertThat(stage.isSatisfiedBy(Set.of("a", "b", "c"))).isTrue();
  }

  @Test
  void quorum_zero_isRejected() {
    assertThatThrownBy(() -> ApprovalPolicy.quorum(0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("quorum k must be at least 1, but was 0");
  }

  @Test
  void new_noApprovers_isRejected() {
    assertThatThrownBy(() -> new ApprovalStage(List.of(), ApprovalPolicy.any()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("approvers must not be empty");
  }

  @Test
  void new_duplicateApprovers_isRejected() {
    List<Approver> approvers = List.of(Approver.user("ann"), Approver.user("ann"));

    assertThatThrownBy(() -> new ApprovalStage(approvers, ApprovalPolicy.all()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must not contain duplicates");
  }

  @Test
  void isSatisfiedBy_allWithOneOfTwo_isFalseUntilBoth() {
    ApprovalStage stage =
        new ApprovalStage(
            List.of(Approver.user("ann"), Approver.user("joe")), ApprovalPolicy.all());

    assertThat(stage.isSatisfiedBy(Set.of("ann"))).isFalse();
    assertThat(stage.isSatisfiedBy(Set.of("ann", "joe"))).isTrue();
  }

  @Test
  void matches_userById_andRoleByRole() {
    Approver ann = Approver.user("ann");
    Approver manager = Approver.role(Role.MANAGER);

    assertThat(ann.matches(Actor.of("ann", Role.AGENT))).isTrue();
    assertThat(ann.matches(Actor.of("bob", Role.AGENT))).isFalse();
    assertThat(manager.matches(Actor.of("bob", Role.MANAGER))).isTrue();
    assertThat(manager.matches(Actor.of("bob", Role.SENIOR_MANAGER))).isFalse();
    assertThat(manager.matches(Actor.system())).isFalse();
  }

  @Test
  void toString_describesApproversAndPolicies() {
    assertThat(Approver.user("ann")).hasToString("user:ann");
    assertThat(Approver.role(Role.MANAGER)).hasToString("role:MANAGER");
    assertThat(ApprovalPolicy.any()).hasToString("ANY");
    assertThat(ApprovalPolicy.all()).hasToString("ALL");
    assertThat(ApprovalPolicy.quorum(2)).hasToString("QUORUM(2)");
  }

  @Test
  void user_blankId_isRejected() {
    assertThatThrownBy(() -> Approver.user(" "))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("approver user id must not be blank");
  }
}
