package io.itsm.core.approval;

import io.itsm.core.ValidationException;

/**
 * How many approvers of an {@link ApprovalStage} must approve before the stage is approved: {@link
 * #any() any one}, {@link #all() all named users}, or a {@link #quorum(int) quorum of k distinct
 * approvers}. Whether a policy fits a stage's approvers is checked when the {@link ApprovalStage}
 * is created.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface ApprovalPolicy
    permits ApprovalPolicy.Any, ApprovalPolicy.All, ApprovalPolicy.Quorum {

  /**
   * One approval by any approver of the stage suffices.
   *
   * @return the policy
   */
  static ApprovalPolicy any() {
    return Any.INSTANCE;
  }

  /**
   * Every approver of the stage must approve. Valid only when every approver of the stage is a
   * named {@link Approver.User user}; for roles use {@link #quorum(int)}.
   *
   * @return the policy
   */
  static ApprovalPolicy all() {
    return All.INSTANCE;
  }

  /**
   * At least {@code k} distinct actors among the stage's approvers must approve.
   *
   * @param k the number of distinct approvals needed; at least 1
   * @return the policy
   * @throws ValidationException if {@code k < 1}
   */
  static ApprovalPolicy quorum(int k) {
    return new Quorum(k);
  }

  /**
   * One approval suffices. {@link #toString()} is {@code "ANY"}.
   *
   * <p>Immutable and thread-safe.
   */
  record Any() implements ApprovalPolicy {
    private static final Any INSTANCE = new Any();

    /**
     * Returns {@code "ANY"}.
     *
     * @return the name
     */
    @Override
    public String toString() {
      return "ANY";
    }
  }

  /**
   * Every named approver must approve. {@link #toString()} is {@code "ALL"}.
   *
   * <p>Immutable and thread-safe.
   */
  record All() implements ApprovalPolicy {
    private static final All INSTANCE = new All();

    /**
     * Returns {@code "ALL"}.
     *
     * @return the name
     */
    @Override
    public String toString() {
      return "ALL";
    }
  }

  /**
   * {@code k} distinct approvers must approve. {@link #toString()} is {@code "QUORUM(k)"}.
   *
   * <p>Immutable and thread-safe.
   *
   * @param k the number of distinct approvals needed; at least 1
   */
  record Quorum(int k) implements ApprovalPolicy {

    /**
     * Validates {@code k}.
     *
     * @throws ValidationException if {@code k < 1}
     */
    public Quorum {
      if (k < 1) {
        throw new ValidationException("quorum k must be at least 1, but was " + k);
      }
    }

    /**
     * Returns {@code "QUORUM(k)"}.
     *
     * @return the name with k
     */
    @Override
    public String toString() {
      return "QUORUM(" + k + ")";
    }
  }
}
