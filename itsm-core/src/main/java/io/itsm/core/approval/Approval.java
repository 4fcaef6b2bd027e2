package io.itsm.core.approval;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A request for approval of one {@link ApprovalSubject}, decided by approvers in one or more
 * {@link ApprovalStage stages} in order, and its decisions so far.
 *
 * <p>Create one with {@link #request} (several stages) or {@link #single} (one stage), then record
 * decisions with {@link #decide}; each returns a new approval and leaves this one unchanged. Any
 * rejection rejects the whole approval; an approve counts toward the current stage's {@link
 * ApprovalPolicy}; when the last stage's policy is satisfied the approval is {@link
 * ApprovalStatus#APPROVED}. A pending approval whose due time has come becomes {@link
 * ApprovalStatus#EXPIRED} through {@link #expireIfDue(Instant)}, and cannot be decided from its due
 * time on.
 *
 * <pre>{@code
 * Approval approval = Approval.request("A-7", subject, List.of(
 *         new ApprovalStage(List.of(Approver.role(Role.TEAM_LEAD)), ApprovalPolicy.any()),
 *         new ApprovalStage(
 *             List.of(Approver.user("ann"), Approver.user("joe")), ApprovalPolicy.all())),
 *     "alice", requestedAt, Optional.empty());
 * }</pre>
 *
 * <p>The canonical constructor checks that {@code decisions} could have been made in this order
 * and that {@code status} follows from them (or is {@code EXPIRED} while they leave it pending), so
 * every instance, however created, is consistent. It cannot check that a role approver held the
 * role, since decisions record only the actor's id.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the approval's id; not blank
 * @param subject what is to be approved
 * @param stages the stages, decided in order; not empty
 * @param decisions the decisions so far, in the order made
 * @param requestedAt when approval was requested; no decision may come before it
 * @param requestedBy the id of the actor who requested approval; not blank
 * @param dueAt when the approval expires if still pending; after {@code requestedAt}
 * @param status where the approval stands
 */
public record Approval(
    String id,
    ApprovalSubject subject,
    List<ApprovalStage> stages,
    List<ApprovalDecision> decisions,
    Instant requestedAt,
    String requestedBy,
    Optional<Instant> dueAt,
    ApprovalStatus status) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component, a stage or a decision is null
   * @throws ValidationException if {@code id} or {@code requestedBy} is blank; {@code stages} is
   *     empty; {@code dueAt} is not after {@code requestedAt}; a decision is in a stage other than
   *     the one current when it was made, repeats an actor's decision in a stage, follows the
   *     decision that decided the approval, or is before {@code requestedAt} or not before {@code
   *     dueAt}; or {@code status} does not follow from the decisions
   */
  public Approval {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(subject, "subject");
    stages = List.copyOf(Objects.requireNonNull(stages, "stages"));
    decisions = List.copyOf(Objects.requireNonNull(decisions, "decisions"));
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(status, "status");
    if (id.isBlank()) {
      throw new ValidationException("approval id must not be blank, but was '" + id + "'");
    }
    if (requestedBy.isBlank()) {
      throw new ValidationException(
          "requestedBy of approval " + id + " must not be blank, but was '" + requestedBy + "'");
    }
    if (stages.isEmpty()) {
      throw new ValidationException("stages of approval " + id + " must not be empty, but was []");
    }
    if (dueAt.isPresent() && !dueAt.get().isAfter(requestedAt)) {
      throw new ValidationException(
          "dueAt of approval "
              + id
              + " must be after requestedAt "
              + requestedAt
              + ", but was "
              + dueAt.get());
    }
    for (ApprovalDecision decision : decisions) {
      if (decision.at().isBefore(requestedAt)
          || dueAt.isPresent() && !decision.at().isBefore(dueAt.get())) {
        throw new ValidationException(
            "decisions of approval "
                + id
                + " must be at or after requestedAt "
                + requestedAt
                + dueAt.map(d -> " and before dueAt " + d).orElse("")
                + ", but one by "
                + decision.approverId()
                + " was at "
                + decision.at());
      }
    }
    ApprovalStatus derived = replay(id, stages, decisions).status();
    boolean expiredWhilePending =
        status == ApprovalStatus.EXPIRED
            && derived == ApprovalStatus.PENDING
            && dueAt.isPresent();
    if (status != derived && !expiredWhilePending) {
      throw new ValidationException(
          "status of approval "
              + id
              + " must be "
              + derived
              + (derived == ApprovalStatus.PENDING && dueAt.isPresent() ? " or EXPIRED" : "")
              + " given its decisions, but was "
              + status);
    }
  }

  /**
   * Requests an approval with one or more stages, decided in order.
   *
   * @param id the approval's id
   * @param subject what is to be approved
   * @param stages the stages, in order
   * @param requestedBy the id of the requesting actor
   * @param requestedAt when approval is requested
   * @param dueAt when the approval expires if still pending, or empty for never
   * @return a {@link ApprovalStatus#PENDING} approval without decisions
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if {@code id} or {@code requestedBy} is blank, {@code stages} is
   *     empty, or {@code dueAt} is not after {@code requestedAt}
   */
  public static Approval request(
      String id,
      ApprovalSubject subject,
      List<ApprovalStage> stages,
      String requestedBy,
      Instant requestedAt,
      Optional<Instant> dueAt) {
    return new Approval(
        id, subject, stages, List.of(), requestedAt, requestedBy, dueAt, ApprovalStatus.PENDING);
  }

  /**
   * Requests an approval with a single stage, the common case.
   *
   * @param id the approval's id
   * @param subject what is to be approved
   * @param approvers who may decide
   * @param policy how many of them must approve
   * @param requestedBy the id of the requesting actor
   * @param requestedAt when approval is requested
   * @param dueAt when the approval expires if still pending, or empty for never
   * @return a {@link ApprovalStatus#PENDING} approval without decisions
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if the stage is invalid (see {@link ApprovalStage}), {@code id} or
   *     {@code requestedBy} is blank, or {@code dueAt} is not after {@code requestedAt}
   */
  public static Approval single(
      String id,
      ApprovalSubject subject,
      List<Approver> approvers,
      ApprovalPolicy policy,
      String requestedBy,
      Instant requestedAt,
      Optional<Instant> dueAt) {
    return request(
        id,
        subject,
        List.of(new ApprovalStage(approvers, policy)),
        requestedBy,
        requestedAt,
        dueAt);
  }

  /**
   * Returns the 1-based number of the stage being decided: the first stage not yet approved. Once
   * the approval is approved it is the last stage; once rejected or expired, the stage that was
   * being decided.
   *
   * @return the current stage, from 1 to {@code stages().size()}
   */
  public int currentStage() {
    return replay(id, stages, decisions).stage();
  }

  /**
   * Tells whether an actor may decide now: the approval is pending, the actor matches an approver
   * of the current stage, and has not decided in this stage yet. The due time is not considered;
   * call {@link #expireIfDue(Instant)} first.
   *
   * @param actor the actor
   * @return {@code true} if {@link #decide} would accept the actor's decision before the due time
   * @throws NullPointerException if {@code actor} is null
   */
  public boolean isApprover(Actor actor) {
    Objects.requireNonNull(actor, "actor");
    if (status != ApprovalStatus.PENDING) {
      return false;
    }
    int stage = currentStage();
    return stages.get(stage - 1).matches(actor) && earlierDecision(actor.id(), stage).isEmpty();
  }

  /**
   * Records an actor's decision in the current stage and returns the resulting approval; this
   * approval is unchanged. A {@link Verdict#REJECT} rejects the approval; an {@link
   * Verdict#APPROVE} counts toward the current stage's policy, and when the policy is satisfied
   * the next stage becomes current, or, after the last stage, the approval is approved.
   *
   * @param actor who decides
   * @param verdict approve or reject
   * @param comment why; may be empty when approving, must not be blank when rejecting
   * @param at when the decision is made
   * @return the approval with the decision recorded
   * @throws NullPointerException if an argument is null
   * @throws ApprovalNotPendingException if the approval is not {@link ApprovalStatus#PENDING}
   * @throws ValidationException if {@code at} is before {@link #requestedAt()}, or the verdict is
   *     {@link Verdict#REJECT} and {@code comment} is blank
   * @throws ApprovalExpiredException if {@code at} is at or after {@link #dueAt()}
   * @throws NotAnApproverException if the actor matches no approver of the current stage
   * @throws AlreadyDecidedException if the actor has already decided in the current stage
   */
  public Approval decide(Actor actor, Verdict verdict, String comment, Instant at) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(at, "at");
    if (status != ApprovalStatus.PENDING) {
      throw new ApprovalNotPendingException(id, status, actor.id());
    }
    if (at.isBefore(requestedAt)) {
      throw new ValidationException(
          "decision time of actor "
              + actor.id()
              + " on approval "
              + id
              + " must be at or after requestedAt "
              + requestedAt
              + ", but was "
              + at);
    }
    if (dueAt.isPresent() && !at.isBefore(dueAt.get())) {
      throw new ApprovalExpiredException(id, actor.id(), dueAt.get(), at);
    }
    int stage = currentStage();
    ApprovalStage current = stages.get(stage - 1);
    if (!current.matches(actor)) {
      throw new NotAnApproverException(id, actor.id(), stage, stages.size(), current);
    }
    Optional<ApprovalDecision> earlier = earlierDecision(actor.id(), stage);
    if (earlier.isPresent()) {
      throw new AlreadyDecidedException(id, earlier.get());
    }
    if (verdict == Verdict.REJECT && comment.isBlank()) {
      throw new ValidationException(
          "comment must not be blank when rejecting approval "
              + id
              + " (actor "
              + actor.id()
              + "), but was '"
              + comment
              + "'");
    }
    List<ApprovalDecision> next = new ArrayList<>(decisions);
    next.add(new ApprovalDecision(actor.id(), stage, verdict, comment, at));
    ApprovalStatus nextStatus = replay(id, stages, next).status();
    return new Approval(
        id, subject, stages, next, requestedAt, requestedBy, dueAt, nextStatus);
  }

  /**
   * Expires this approval if it is pending and its due time has come.
   *
   * @param now the current time
   * @return an {@link ApprovalStatus#EXPIRED} copy if this approval is pending, has a due time and
   *     {@code now} is at or after it; otherwise this approval
   * @throws NullPointerException if {@code now} is null
   */
  public Approval expireIfDue(Instant now) {
    Objects.requireNonNull(now, "now");
    if (status == ApprovalStatus.PENDING
        && dueAt.isPresent()
        && !now.isBefore(dueAt.get())) {
      return new Approval(
          id, subject, stages, decisions, requestedAt, requestedBy, dueAt, ApprovalStatus.EXPIRED);
    }
    return this;
  }

  /**
   * Returns the decision that rejected this approval.
   *
   * @return the rejecting decision, or empty unless the status is {@link ApprovalStatus#REJECTED}
   */
  public Optional<ApprovalDecision> rejection() {
    return decisions.stream().filter(d -> d.verdict() == Verdict.REJECT).findFirst();
  }

  /**
   * Tells whether approvers have decided this approval, that is whether it is {@link
   * ApprovalStatus#APPROVED} or {@link ApprovalStatus#REJECTED}. A pending or an {@link
   * ApprovalStatus#EXPIRED} approval is not decided.
   *
   * @return {@code true} if approved or rejected
   */
  public boolean isDecided() {
    return status == ApprovalStatus.APPROVED || status == ApprovalStatus.REJECTED;
  }

  private Optional<ApprovalDecision> earlierDecision(String actorId, int stage) {
    return decisions.stream()
        .filter(d -> d.stage() == stage && d.approverId().equals(actorId))
        .findFirst();
  }

  /** Where a sequence of decisions leaves an approval, ignoring expiry. */
  private record Progress(ApprovalStatus status, int stage) {}

  private static Progress replay(
      String id, List<ApprovalStage> stages, List<ApprovalDecision> decisions) {
    ApprovalStatus status = ApprovalStatus.PENDING;
    int stage = 1;
    Set<String> decided = new HashSet<>();
    Set<String> approvedBy = new HashSet<>();
    for (int i = 0; i < decisions.size(); i++) {
      ApprovalDecision decision = decisions.get(i);
      String which = "decision " + (i + 1) + " of approval " + id + " (by " + decision.approverId();
      if (status != ApprovalStatus.PENDING) {
        throw new ValidationException(
            which + ") must not follow the decision that made it " + status + ", but did");
      }
      if (decision.stage() != stage) {
        throw new ValidationException(
            which + ") must be in stage " + stage + ", but was in stage " + decision.stage());
      }
      if (!decided.add(decision.approverId())) {
        throw new ValidationException(
            which + ") must be the actor's only decision in stage " + stage + ", but was a repeat");
      }
      if (decision.verdict() == Verdict.REJECT) {
        status = ApprovalStatus.REJECTED;
      } else {
        approvedBy.add(decision.approverId());
        if (stages.get(stage - 1).isSatisfiedBy(approvedBy)) {
          if (stage == stages.size()) {
            status = ApprovalStatus.APPROVED;
          } else {
            stage++;
            decided.clear();
            approvedBy.clear();
          }
        }
      }
    }
    return new Progress(status, stage);
  }
}
