package io.itsm.core.cmdb;

import io.itsm.core.approval.Approval;
import java.time.Instant;
import java.util.Objects;

/**
 * A change was requested: its plan, assessment, risk and the approval requested from the board.
 *
 * <p>Immutable and thread-safe.
 *
 * @param changeId the change
 * @param sequence the event's position, from 1
 * @param at when
 * @param actor who requested it
 * @param plan what it asks for
 * @param assessment its impact
 * @param risk its risk
 * @param approval the approval requested
 */
public record ChangeRequested(
    String changeId, long sequence, Instant at, String actor, ChangePlan plan,
    ImpactAssessment assessment, Risk risk, Approval approval) implements ChangeEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1
   */
  public ChangeRequested {
    ChangeEvent.check(changeId, sequence, at, actor);
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(assessment, "assessment");
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(approval, "approval");
  }
}
