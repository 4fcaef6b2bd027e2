/**
 * Generic approvals: of a resolution, an incident report, an announcement or a configuration
 * change.
 *
 * <p>An {@link io.itsm.core.approval.Approval} concerns an {@link
 * io.itsm.core.approval.ApprovalSubject} and has one or more {@link
 * io.itsm.core.approval.ApprovalStage stages}, decided in order. Each stage names its {@link
 * io.itsm.core.approval.Approver approvers} (users by id, or anyone holding a role) and an {@link
 * io.itsm.core.approval.ApprovalPolicy} (any one of them, all of them, or a quorum). Any rejection
 * rejects the whole approval; an approval not decided by its due time expires.
 *
 * <pre>{@code
 * Approval approval = Approval.single("A-1",
 *     new ApprovalSubject(ApprovalSubject.Kind.RESOLUTION, "INC-42"),
 *     List.of(Approver.role(Role.MANAGER)), ApprovalPolicy.any(),
 *     "alice", requestedAt, Optional.of(requestedAt.plus(Duration.ofDays(2))));
 * approval = approval.decide(manager, Verdict.APPROVE, "", now);   // approval.status() == APPROVED
 * }</pre>
 *
 * <p>Every type in this package is an immutable value and thread-safe; an approval changes by
 * returning a new copy. Failed decisions throw a subclass of {@link
 * io.itsm.core.approval.ApprovalException} or a {@link io.itsm.core.ValidationException}.
 */
package io.itsm.core.approval;
