package io.itsm.core.announcement;

import io.itsm.core.approval.Approval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An announcement was submitted: the approval requested, with the stages and lead time the
 * {@link AnnouncementPolicy} decided and why.
 *
 * <p>Immutable and thread-safe.
 *
 * @param announcementId the announcement
 * @param sequence the event's position, from 1
 * @param at when
 * @param actor who submitted it
 * @param approval the approval requested
 * @param leadTime the notice required before its window starts (zero for none)
 * @param reasons why these approvers and this lead time, one line per deciding rule
 */
public record AnnouncementSubmitted(String announcementId, long sequence, Instant at, String actor,
    Approval approval, Duration leadTime, List<String> reasons) implements AnnouncementEvent {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws io.itsm.core.ValidationException if the sequence is below 1
   */
  public AnnouncementSubmitted {
    AnnouncementEvent.check(announcementId, sequence, at, actor);
    Objects.requireNonNull(approval, "approval");
    Objects.requireNonNull(leadTime, "leadTime");
    reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
  }
}
