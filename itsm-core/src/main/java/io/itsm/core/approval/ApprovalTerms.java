package io.itsm.core.approval;

import io.itsm.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who approves one kind of thing, in which stages, and how long a request may stay pending: the
 * terms from which a practice requests an {@link Approval}. A {@link io.itsm.core.kernel.Kernel}
 * holds the terms of every {@link ApprovalSubject.Kind}, so every practice asks the same people.
 *
 * <pre>{@code
 * ApprovalTerms terms = ApprovalTerms.of(List.of(Approver.role(Role.MANAGER)), ApprovalPolicy.any())
 *     .withDueAfter(Duration.ofDays(2));
 * Approval a = terms.request("INC-7-APR-1", new ApprovalSubject(Kind.RESOLUTION, "INC-7"), "nils", now);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param stages the stages, decided in order; at least one
 * @param dueAfter how long a request may stay pending before it expires; empty for ever
 */
public record ApprovalTerms(List<ApprovalStage> stages, Optional<Duration> dueAfter) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component or stage is null
   * @throws ValidationException if there is no stage, or {@code dueAfter} is not positive
   */
  public ApprovalTerms {
    stages = List.copyOf(Objects.requireNonNull(stages, "stages"));
    Objects.requireNonNull(dueAfter, "dueAfter");
    if (stages.isEmpty()) {
      throw new ValidationException("approval terms need at least one stage of approvers");
    }
    if (dueAfter.isPresent() && (dueAfter.get().isNegative() || dueAfter.get().isZero())) {
      throw new ValidationException("approval dueAfter must be positive, but was " + dueAfter.get());
    }
  }

  /**
   * Terms of one stage, without expiry.
   *
   * @param approvers named users or roles
   * @param policy how many of them must approve: ANY, ALL or QUORUM(k)
   * @return the terms
   * @throws ValidationException if the stage is invalid (see {@link ApprovalStage})
   */
  public static ApprovalTerms of(List<Approver> approvers, ApprovalPolicy policy) {
    return new ApprovalTerms(List.of(new ApprovalStage(approvers, policy)), Optional.empty());
  }

  /**
   * Returns these terms with another expiry.
   *
   * @param dueAfter how long a request may stay pending, positive; {@code null} for ever
   * @return the copy
   * @throws ValidationException if not positive
   */
  public ApprovalTerms withDueAfter(Duration dueAfter) {
    return new ApprovalTerms(stages, Optional.ofNullable(dueAfter));
  }

  /**
   * Returns these terms with other stages.
   *
   * @param stages the stages, at least one
   * @return the copy
   * @throws ValidationException if there is no stage
   */
  public ApprovalTerms withStages(List<ApprovalStage> stages) {
    return new ApprovalTerms(stages, dueAfter);
  }

  /**
   * Requests an approval on these terms.
   *
   * @param id the approval's id
   * @param subject what is to be approved
   * @param requestedBy the id of the requesting actor
   * @param at when approval is requested; it is due {@code dueAfter} later
   * @return a pending approval without decisions
   * @throws ValidationException if {@code id} or {@code requestedBy} is blank
   */
  public Approval request(String id, ApprovalSubject subject, String requestedBy, Instant at) {
    Objects.requireNonNull(at, "at");
    return Approval.request(id, subject, stages, requestedBy, at, dueAfter.map(at::plus));
  }
}
