package io.itsm.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApprovalTest {

  private static final Instant REQUESTED = Instant.parse("2025-03-01T09:00:00Z");
  private static final Instant DUE = REQUESTED.plus(Duration.ofDays(2));
  private static final Instant LATER = REQUESTED.plus(Duration.ofHours(1));
  private static final ApprovalSubject SUBJECT =
      new ApprovalSubject(ApprovalSubject.Kind.RESOLUTION, "INC-42");

  private static final Actor ANN = Actor.of("ann", Role.AGENT);
  private static final Actor JOE = Actor.of("joe", Role.AGENT);
  private static final Actor BOB = Actor.of("bob", Role.AGENT);
  private static final Actor MAY = Actor.of("may", Role.MANAGER);
  private static final Actor MAX = Actor.of("max", Role.MANAGER);

  private static Approval single(List<Approver> approvers, ApprovalPolicy policy) {
    return Approval.single(
        "A-1", SUBJECT, approvers, policy, "alice", REQUESTED, Optional.of(DUE));
  }

  private static Approval twoStages() {
    return Approval.request(
        "A-1",
        SUBJECT,
        List.of(
            new ApprovalStage(
                List.of(Approver.user("ann"), Approver.role(Role.MANAGER)), ApprovalPolicy.any()),
            new ApprovalStage(List.of(Approver.user("joe")), ApprovalPolicy.any())),
        "alice",
        REQUESTED,
        Optional.of(DUE));
  }

  @Test
  void request_newApproval_isPendingAtStageOne() {
    Approval approval = twoStages();

    assertThat(approval.status()).isEqualTo(ApprovalStatus.PENDING);
    assertThat(approval.currentStage()).isEqualTo(1);
    assertThat(approval.decisions()).isEmpty();
    assertThat(approval.isDecided()).isFalse();
    assertThat(approval.rejection()).isEmpty();
  }

  @Test
  void decide_anyPolicyOneApproval_isApproved() {
    Approval approval =
        single(List.of(Approver.user("ann"), Approver.user("joe")), ApprovalPolicy.any());

    Approval approved = approval.decide(JOE, Verdict.APPROVE, "", LATER);

    assertThat(approved.status()).isEqualTo(ApprovalStatus.APPROVED);
    assertThat(approved.isDecided()).isTrue();
    assertThat(approved.decisions())
        .containsExactly(new ApprovalDecision("joe", 1, Verdict.APPROVE, "", LATER));
  }

  @Test
  void decide_anyPolicyRoleHolder_isApproved() {
    Approval approval = single(List.of(Approver.role(Role.MANAGER)), ApprovalPolicy.any());

    assertThat(approval.decide(MAY, Verdict.APPROVE, "ok", LATER).status())
        .isEqualTo(ApprovalStatus.APPROVED);
  }

  @Test
  void decide_allPolicyOneOfTwo_staysPendingUntilBoth() {
    Approval approval =
        single(List.of(Approver.user("ann"), Approver.user("joe")), ApprovalPolicy.all());

    Approval afterAnn = approval.decide(ANN, Verdict.APPROVE, "", LATER);
    Approval afterBoth = afterAnn.decide(JOE, Verdict.APPROVE, "", LATER);

    assertThat(afterAnn.status()).isEqualTo(ApprovalStatus.PENDING);
    assertThat(afterAnn.isApprover(JOE)).isTrue();
    assertThat(afterBoth.status()).isEqualTo(ApprovalStatus.APPROVED);
  }

  @Test
  void decide_quorumOfTwoWithRole_needsTwoDistinctHolders() {
    Approval approval = single(List.of(Approver.role(Role.MANAGER)), ApprovalPolicy.quorum(2));

    Approval afterMay = approval.decide(MAY, Verdict.APPROVE, "", LATER);
    Approval afterMax = afterMay.decide(MAX, Verdict.APPROVE, "", LATER);

    assertThat(afterMay.status()).isEqualTo(ApprovalStatus.PENDING);
    assertThat(afterMax.status()).isEqualTo(ApprovalStatus.APPROVED);
  }

  @Test
  void decide_quorumOfTwoReached_isApproved() {
    Approval approval =
        single(
            List.of(Approver.user("ann"), Approver.user("joe"), Approver.role(Role.MANAGER)),
            ApprovalPolicy.quorum(2));

    Approval afterAnn = approval.decide(ANN, Verdict.APPROVE, "", LATER);
    Approval afterMay = afterAnn.decide(MAY, Verdict.APPROVE, "", LATER);

    assertThat(afterAnn.status()).isEqualTo(ApprovalStatus.PENDING);
    assertThat(afterMay.status()).isEqualTo(ApprovalStatus.APPROVED);
  }

  @Test
  void decide_actorMatchingTwoApprovers_countsOnceTowardQuorum() {
    Actor annManager = Actor.of("ann", Role.MANAGER);
    Approval approval =
        single(
            List.of(Approver.user("ann"), Approver.role(Role.MANAGER)), ApprovalPolicy.quorum(2));

    Approval afterAnn = approval.decide(annManager, Verdict.APPROVE, "", LATER);

    assertThat(afterAnn.status()).isEqualTo(ApprovalStatus.PENDING);
    assertThat(afterAnn.isApprover(annManager)).isFalse();
  }

  @Test
  void decide_twoStages_secondStageBecomesActiveWhenFirstApproved() {
    Approval approval = twoStages();

    Approval afterStageOne = approval.decide(MAY, Verdict.APPROVE, "", LATER);

    assertThat(afterStageOne.status()).isEqualTo(ApprovalStatus.PENDING);
    assertThat(afterStageOne.currentStage()).isEqualTo(2);
    assertThat(afterStageOne.isApprover(JOE)).isTrue();
    assertThat(afterStageOne.isApprover(ANN)).isFalse();

    Approval approved = afterStageOne.decide(JOE, Verdict.APPROVE, "", LATER.plusSeconds(60));

    assertThat(approved.status()).isEqualTo(ApprovalStatus.APPROVED);
    assertThat(approved.currentStage()).isEqualTo(2);
    assertThat(approved.decisions()).extracting(ApprovalDecision::stage).containsExactly(1, 2);
  }

  @Test
  void decide_secondStageApproverDuringFirstStage_isNotAnApprover() {
    Approval approval = twoStages();

    assertThat(approval.isApprover(JOE)).isFalse();
    assertThatThrownBy(() -> approval.decide(JOE, Verdict.APPROVE, "", LATER))
        .isInstanceOf(NotAnApproverException.class)
        .hasMessage(
            "actor joe may not decide approval A-1 (stage 1 of 2): approvers are user:ann,"
                + " role:MANAGER");
  }

  @Test
  void decide_sameActorInTwoStages_isAllowed() {
    Approval approval =
        Approval.request(
            "A-1",
            SUBJECT,
            List.of(
                new ApprovalStage(List.of(Approver.user("ann")), ApprovalPolicy.any()),
                new ApprovalStage(List.of(Approver.user("ann")), ApprovalPolicy.any())),
            "alice",
            REQUESTED,
            Optional.empty());

    Approval approved =
        approval.decide(ANN, Verdict.APPROVE, "", LATER).decide(ANN, Verdict.APPROVE, "", LATER);

    assertThat(approved.status()).isEqualTo(ApprovalStatus.APPROVED);
  }

  @Test
  void decide_rejectWithComment_rejectsWholeApproval() {
    Approval approval =
        single(List.of(Approver.user("ann"), Approver.user("joe")), ApprovalPolicy.quorum(1))
            .decide(ANN, Verdict.REJECT, "steps do not fix the root cause", LATER);

    assertThat(approval.status()).isEqualTo(ApprovalStatus.REJECTED);
    assertThat(approval.isDecided()).isTrue();
    assertThat(approval.rejection())
        .contains(
            new ApprovalDecision(
                "ann", 1, Verdict.REJECT, "steps do not fix the root cause", LATER));
    assertThat(approval.isApprover(JOE)).isFalse();
  }

  @Test
  void decide_rejectAfterApprovalInAllStage_rejects() {
    Approval approval =
        single(List.of(Approver.user("ann"), Approver.user("joe")), ApprovalPolicy.all())
            .decide(ANN, Verdict.APPROVE, "", LATER)
            .decide(JOE, Verdict.REJECT, "no", LATER);

    assertThat(approval.status()).isEqualTo(ApprovalStatus.REJECTED);
    assertThat(approval.rejection()).map(ApprovalDecision::approverId).contains("joe");
  }

  @Test
  void decide_rejectWithoutComment_isValidationError() {
    Approval approval = single(List.of(Approver.user("ann")), ApprovalPolicy.any());

    assertThatThrownBy(() -> approval.decide(ANN, Verdict.REJECT, "  ", LATER))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("comment must not be blank when rejecting approval A-1");
    assertThatThrownBy(() -> approval.decide(ANN, Verdict.REJECT, "", LATER))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void decide_notAnApprover_messageListsWhoMayDecide() {
    Approval approval = twoStages();

    assertThatThrownBy(() -> approval.decide(BOB, Verdict.APPROVE, "", LATER))
        .isInstanceOfSatisfying(
            NotAnApproverException.class,
            e -> {
              assertThat(e.getApprovalId()).isEqualTo("A-1");
              assertThat(e.getActorId()).isEqualTo("bob");
            })
        .hasMessage(
            "actor bob may not decide approval A-1 (stage 1 of 2): approvers are user:ann,"
                + " role:MANAGER");
  }

  @Test
  void decide_sameApproverTwiceInStage_isAlreadyDecided() {
    Approval afterAnn =
        single(List.of(Approver.user("ann"), Approver.user("joe")), ApprovalPolicy.all())
            .decide(ANN, Verdict.APPROVE, "", LATER);

    assertThat(afterAnn.isApprover(ANN)).isFalse();
    assertThatThrownBy(() -> afterAnn.decide(ANN, Verdict.APPROVE, "", LATER.plusSeconds(1)))
        .isInstanceOfSatisfying(
            AlreadyDecidedException.class,
            e -> {
              assertThat(e.getActorId()).isEqualTo("ann");
              assertThat(e.getStage()).isEqualTo(1);
            })
        .hasMessageContaining("actor ann has already decided approval A-1 in stage 1");
  }

  @Test
  void decide_approvedApproval_isNotPending() {
    Approval approved =
        single(List.of(Approver.user("ann")), ApprovalPolicy.any())
            .decide(ANN, Verdict.APPROVE, "", LATER);

    assertThatThrownBy(() -> approved.decide(ANN, Verdict.REJECT, "oops", LATER))
        .isInstanceOfSatisfying(
            ApprovalNotPendingException.class,
            e -> assertThat(e.getStatus()).isEqualTo(ApprovalStatus.APPROVED))
        .hasMessageStartingWith(
            "approval A-1 is APPROVED; only PENDING approvals can be decided (actor ann)");
  }

  @Test
  void decide_expiredApproval_isNotPending() {
    Approval expired =
        single(List.of(Approver.user("ann")), ApprovalPolicy.any()).expireIfDue(DUE);

    assertThatThrownBy(() -> expired.decide(ANN, Verdict.APPROVE, "", LATER))
        .isInstanceOf(ApprovalNotPendingException.class)
        .hasMessageStartingWith("approval A-1 is EXPIRED");
  }

  @Test
  void decide_beforeRequestedAt_isValidationError() {
    Approval approval = single(List.of(Approver.user("ann")), ApprovalPolicy.any());

    assertThatThrownBy(
            () -> approval.decide(ANN, Verdict.APPROVE, "", REQUESTED.minusMillis(1)))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "decision time of actor ann on approval A-1 must be at or after requestedAt "
                + REQUESTED
                + ", but was "
                + REQUESTED.minusMillis(1));
  }

  @Test
  void decide_atRequestedAt_isAccepted() {
    Approval approval = single(List.of(Approver.user("ann")), ApprovalPolicy.any());

    assertThat(approval.decide(ANN, Verdict.APPROVE, "", REQUESTED).status())
        .isEqualTo(ApprovalStatus.APPROVED);
  }

  @Test
  void decide_afterDueAt_isExpired() {
    Approval approval = single(List.of(Approver.user("ann")), ApprovalPolicy.any());
    Instant late = DUE.plusSeconds(1);

    assertThatThrownBy(() -> approval.decide(ANN, Verdict.APPROVE, "", late))
        .isInstanceOfSatisfying(
            ApprovalExpiredException.class,
            e -> {
              assertThat(e.getDueAt()).isEqualTo(DUE);
              assertThat(e.getDecidedAt()).isEqualTo(late);
            })
        .hasMessageStartingWith(
            "approval A-1 expired at " + DUE + "; actor ann decided at " + late);
  }

  @Test
  void decide_exactlyAtDueAt_isExpired() {
    Approval approval = single(List.of(Approver.user("ann")), ApprovalPolicy.any());

    assertThatThrownBy(() -> approval.decide(ANN, Verdict.APPROVE, "", DUE))
        .isInstanceOf(ApprovalExpiredException.class);
  }

  @Test
  void decide_justBeforeDueAt_isAccepted() {
    Approval approval = single(List.of(Approver.user("ann")), ApprovalPolicy.any());

    assertThat(approval.decide(ANN, Verdict.APPROVE, "", DUE.minusMillis(1)).status())
        .isEqualTo(ApprovalStatus.APPROVED);
  }

  @Test
  void expireIfDue_exactlyAtDue_isExpired() {
    Approval expired = single(List.of(Approver.user("ann")), ApprovalPolicy.any()).expireIfDue(DUE);

    assertThat(expired.status()).isEqualTo(ApprovalStatus.EXPIRED);
    assertThat(expired.isDecided()).isFalse();
    assertThat(expired.isApprover(ANN)).isFalse();
  }

  @Test
  void expireIfDue_beforeDue_returnsSameApproval() {
    Approval approval = single(List.of(Approver.user("ann")), ApprovalPolicy.any());

    assertThat(approval.expireIfDue(DUE.minusMillis(1))).isSameAs(approval);
  }

  @Test
  void expireIfDue_afterDue_isExpired() {
    Approval approval = single(List.of(Approver.user("ann")), ApprovalPolicy.any());

    assertThat(approval.expireIfDue(DUE.plus(Duration.ofDays(1))).status())
        .isEqualTo(ApprovalStatus.EXPIRED);
  }

  @Test
  void expireIfDue_partlyApprovedAfterDue_isExpiredKeepingDecisions() {
    Approval afterAnn =
        single(List.of(Approver.user("ann"), Approver.user("joe")), ApprovalPolicy.all())
            .decide(ANN, Verdict.APPROVE, "", LATER);

    Approval expired = afterAnn.expireIfDue(DUE);

    assertThat(expired.status()).isEqualTo(ApprovalStatus.EXPIRED);
    assertThat(expired.decisions()).isEqualTo(afterAnn.decisions());
  }

  @Test
  void expireIfDue_withoutDueTime_returnsSameApproval() {
    Approval approval =
        Approval.single(
            "A-1",
            SUBJECT,
            List.of(Approver.user("ann")),
            ApprovalPolicy.any(),
            "alice",
            REQUESTED,
            Optional.empty());

    assertThat(approval.expireIfDue(REQUESTED.plus(Duration.ofDays(365)))).isSameAs(approval);
  }

  @Test
  void expireIfDue_approvedAfterDue_returnsSameApproval() {
    Approval approved =
        single(List.of(Approver.user("ann")), ApprovalPolicy.any())
            .decide(ANN, Verdict.APPROVE, "", LATER);

    assertThat(approved.expireIfDue(DUE.plusSeconds(1))).isSameAs(approved);
  }

  @Test
  void decide_leavesOriginalApprovalUnchanged() {
    Approval original =
        single(List.of(Approver.user("ann"), Approver.user("joe")), ApprovalPolicy.all());
    Approval snapshot =
        new Approval(
            original.id(),
            original.subject(),
            original.stages(),
            original.decisions(),
            original.requestedAt(),
            original.requestedBy(),
            original.dueAt(),
            original.status());

    Approval decided = original.decide(ANN, Verdict.APPROVE, "", LATER);

    assertThat(decided).isNotSameAs(original);
    assertThat(original).isEqualTo(snapshot);
    assertThat(original.decisions()).isEmpty();
    assertThat(original.isApprover(ANN)).isTrue();
  }

  @Test
  void request_copiesStagesAndExposesUnmodifiableLists() {
    List<ApprovalStage> stages = new ArrayList<>();
    stages.add(new ApprovalStage(List.of(Approver.user("ann")), ApprovalPolicy.any()));
    Approval approval =
        Approval.request("A-1", SUBJECT, stages, "alice", REQUESTED, Optional.empty());

    stages.add(new ApprovalStage(List.of(Approver.user("joe")), ApprovalPolicy.any()));

    assertThat(approval.stages()).hasSize(1);
    assertThatThrownBy(() -> approval.decisions().add(null))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void single_allWithRoleApprover_isValidationError() {
    assertThatThrownBy(
            () -> single(List.of(Approver.role(Role.MANAGER)), ApprovalPolicy.all()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ALL needs named user approvers; use QUORUM(k) for roles");
  }

  @Test
  void single_quorumBiggerThanNamedApprovers_isValidationError() {
    assertThatThrownBy(
            () ->
                single(
                    List.of(Approver.user("ann"), Approver.user("joe")),
                    ApprovalPolicy.quorum(3)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("quorum k must be at most the number of named approvers (2)");
  }

  @Test
  void request_dueNotAfterRequested_isValidationError() {
    assertThatThrownBy(
            () ->
                Approval.single(
                    "A-1",
                    SUBJECT,
                    List.of(Approver.user("ann")),
                    ApprovalPolicy.any(),
                    "alice",
                    REQUESTED,
                    Optional.of(REQUESTED)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("dueAt of approval A-1 must be after requestedAt");
  }

  @Test
  void new_statusNotFollowingFromDecisions_isValidationError() {
    List<ApprovalStage> stages =
        List.of(new ApprovalStage(List.of(Approver.user("ann")), ApprovalPolicy.any()));

    assertThatThrownBy(
            () ->
                new Approval(
                    "A-1",
                    SUBJECT,
                    stages,
                    List.of(),
                    REQUESTED,
                    "alice",
                    Optional.empty(),
                    ApprovalStatus.APPROVED))
        .isInstanceOf(ValidationException.class)
        .hasMessage("status of approval A-1 must be PENDING given its decisions, but was APPROVED");
  }

  @Test
  void new_decisionInWrongStage_isValidationError() {
    List<ApprovalStage> stages =
        List.of(
            new ApprovalStage(List.of(Approver.user("ann")), ApprovalPolicy.any()),
            new ApprovalStage(List.of(Approver.user("joe")), ApprovalPolicy.any()));
    List<ApprovalDecision> decisions =
        List.of(new ApprovalDecision("joe", 2, Verdict.APPROVE, "", LATER));

    assertThatThrownBy(
            () ->
                new Approval(
                    "A-1",
                    SUBJECT,
                    stages,
                    decisions,
                    REQUESTED,
                    "alice",
                    Optional.empty(),
                    ApprovalStatus.PENDING))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must be in stage 1, but was in stage 2");
  }

  @Test
  void isApprover_roleHolderAndNonHolder() {
    Approval approval = single(List.of(Approver.role(Role.MANAGER)), ApprovalPolicy.any());

    assertThat(approval.isApprover(MAY)).isTrue();
    assertThat(approval.isApprover(BOB)).isFalse();
  }
}
