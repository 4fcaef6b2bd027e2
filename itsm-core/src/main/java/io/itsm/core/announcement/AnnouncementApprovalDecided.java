package io.itsm.core.announcement;

import io.itsm.core.approval.Approval;
import io.itsm.core.approval.Verdict;
import java.time.Instant;
import java.util.Objects;

/**
 * An approver decided: approved (complete: APPROVED), rejected (back to DRAFT), or still pending.
 *
 * <p>Immutable and thread-safe.
 *
 * @param announcementId the announcement
 * @param sequence the event's position, from 1
 * @param at when
 * @param actor the approver
 * @param approval the approval after the decision
 * @param verdict approve or reject
 * @param comment the approver's comment
 */
public record AnnouncementApprovalDecided(String announcementId, long sequence, Instant at,
    String actor, Approval approval, Verdict verdict, String comment) implements AnnouncementEvent {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1
   */
  public AnnouncementApprovalDecided {
    AnnouncementEvent.check(announcementId, sequence, at, actor);
    Objects.requireNonNull(approval, "approval");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(comment, "comment");
  }
}
