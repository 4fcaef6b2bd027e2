package io.itsm.core.cmdb;

import io.itsm.core.ValidationException;
import io.itsm.core.approval.Approval;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for change to configuration items, as stored: its plan, the impact assessment computed
 * from the graph, its risk, its approval by the change advisory board and where it stands. Rebuilt
 * from its events alone ({@link ChangeHistory#replay}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the change's id, for example {@code CHG-000001}
 * @param plan what it asks for
 * @param assessment its impact, computed when requested
 * @param risk the higher of the plan's and the assessed risk
 * @param status where it stands
 * @param approval its approval by the board
 * @param requestedBy who requested it
 * @param requestedAt when
 * @param updatedAt when it last changed
 * @param implementer who started implementing it, or empty
 * @param outcome the last notes: implementation notes, verification notes, why it failed or was
 *     cancelled; empty before
 * @param version the number of events in its history
 */
public record ChangeRequest(
    String id,
    ChangePlan plan,
    ImpactAssessment assessment,
    Risk risk,
    ChangeStatus status,
    Approval approval,
    String requestedBy,
    Instant requestedAt,
    Instant updatedAt,
    Optional<String> implementer,
    Optional<String> outcome,
    long version) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the id is blank or the version below 1
   */
  public ChangeRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(assessment, "assessment");
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(approval, "approval");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(implementer, "implementer");
    Objects.requireNonNull(outcome, "outcome");
    if (id.isBlank()) {
      throw new ValidationException("change request id must not be blank");
    }
    if (version < 1) {
      throw new ValidationException("version of change " + id + " must be 1 or more, but was " + version);
    }
  }

  /**
   * Returns a copy in another status, after an event.
   *
   * @param status the status
   * @param at when
   * @param version the event's sequence
   * @return the copy
   */
  public ChangeRequest withStatus(ChangeStatus status, Instant at, long version) {
    return new ChangeRequest(id, plan, assessment, risk, status, approval, requestedBy, requestedAt,
        at, implementer, outcome, version);
  }

  /**
   * Returns a copy with another approval.
   *
   * @param approval the approval
   * @return the copy
   */
  public ChangeRequest withApproval(Approval approval) {
    return new ChangeRequest(id, plan, assessment, risk, status, approval, requestedBy, requestedAt,
        updatedAt, implementer, outcome, version);
  }

  /**
   * Returns a copy with an implementer.
   *
   * @param actorId who implements it
   * @return the copy
   */
  public ChangeRequest withImplementer(String actorId) {
    return new ChangeRequest(id, plan, assessment, risk, status, approval, requestedBy, requestedAt,
        updatedAt, Optional.of(actorId), outcome, version);
  }

  /**
   * Returns a copy with outcome notes.
   *
   * @param notes the notes
   * @return the copy
   */
  public ChangeRequest withOutcome(String notes) {
    return new ChangeRequest(id, plan, assessment, risk, status, approval, requestedBy, requestedAt,
        updatedAt, implementer, Optional.of(notes), version);
  }
}
