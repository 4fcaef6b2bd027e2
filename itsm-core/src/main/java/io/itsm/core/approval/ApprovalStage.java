package io.itsm.core.approval;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One level of an {@link Approval}: who may decide and how many must approve. Stages of an
 * approval are decided in order; the next becomes active when the previous one is approved.
 *
 * <p>Immutable and thread-safe.
 *
 * @param approvers who may decide this stage; not empty, no duplicates
 * @param policy how many of them must approve
 */
public record ApprovalStage(List<Approver> approvers, ApprovalPolicy policy) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component or an approver is null
   * @throws ValidationException if {@code approvers} is empty or has duplicates; if {@code policy}
   *     is {@link ApprovalPolicy#all() ALL} and an approver is not a named user ("ALL needs named
   *     user approvers; use QUORUM(k) for roles"); or if {@code policy} is {@link
   *     ApprovalPolicy#quorum(int) QUORUM(k)}, every approver is a named user and {@code k} is
   *     greater than their number
   */
  public ApprovalStage {
    approvers = List.copyOf(Objects.requireNonNull(approvers, "approvers"));
    Objects.requireNonNull(policy, "policy");
    if (approvers.isEmpty()) {
      throw new ValidationException("approval stage approvers must not be empty, but was []");
    }
    if (new HashSet<>(approvers).size() != approvers.size()) {
      throw new ValidationException(
          "approval stage approvers must not contain duplicates, but was " + approvers);
    }
    boolean allUsers = approvers.stream().allMatch(a -> a instanceof Approver.User);
    if (policy instanceof ApprovalPolicy.All && !allUsers) {
      throw new ValidationException(
          "ALL needs named user approvers; use QUORUM(k) for roles, but approvers were "
              + approvers);
    }
    if (policy instanceof ApprovalPolicy.Quorum quorum
        && allUsers
        && quorum.k() > approvers.size()) {
      throw new ValidationException(
          "quorum k must be at most the number of named approvers ("
              + approvers.size()
              + "), but was "
              + quorum.k()
              + " for approvers "
              + approvers);
    }
  }

  /**
   * Tells whether an actor matches any approver of this stage.
   *
   * @param actor the actor
   * @return {@code true} if some approver {@link Approver#matches(Actor) matches} the actor
   * @throws NullPointerException if {@code actor} is null
   */
  public boolean matches(Actor actor) {
    Objects.requireNonNull(actor, "actor");
    return approvers.stream().anyMatch(a -> a.matches(actor));
  }

  /**
   * Tells whether approvals by the given actors satisfy this stage's policy. The caller passes only
   * actors who matched an approver of this stage when they approved.
   *
   * @param approvedBy the ids of the distinct actors who approved in this stage
   * @return {@code true} if the stage is approved
   * @throws NullPointerException if {@code approvedBy} is null
   */
  public boolean isSatisfiedBy(Set<String> approvedBy) {
    Objects.requireNonNull(approvedBy, "approvedBy");
    if (policy instanceof ApprovalPolicy.Quorum quorum) {
      return approvedBy.size() >= quorum.k();
    }
    if (policy instanceof ApprovalPolicy.All) {
      return approvers.stream()
          .map(a -> ((Approver.User) a).userId())
          .allMatch(approvedBy::contains);
    }
    return !approvedBy.isEmpty();
  }

  /**
   * Describes the approvers as in error messages, for example {@code "user:ann, role:MANAGER"}.
   *
   * @return the approvers, comma-separated
   */
  public String describeApprovers() {
    return approvers.stream().map(Approver::toString).collect(Collectors.joining(", "));
  }
}
