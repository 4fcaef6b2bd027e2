package io.itsm.core.announcement;

import io.itsm.core.ValidationException;
import io.itsm.core.approval.ApprovalStage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an announcement needs before it is published, as decided by the {@link AnnouncementPolicy}:
 * who approves it, in which stages, and how long before its window starts it must be published.
 *
 * <p>Immutable and thread-safe.
 *
 * @param stages the approval stages, in order; not empty
 * @param leadTime the notice users must get (zero for none); not negative
 * @param reasons why, one line per deciding rule
 */
public record PublishingRequirements(List<ApprovalStage> stages, Duration leadTime, List<String> reasons) {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if there is no stage or the lead time is negative
   */
  public PublishingRequirements {
    stages = List.copyOf(Objects.requireNonNull(stages, "stages"));
    Objects.requireNonNull(leadTime, "leadTime");
    reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
    if (stages.isEmpty()) {
      throw new ValidationException("an announcement's approval needs at least one stage");
    }
    if (leadTime.isNegative()) {
      throw new ValidationException("lead time must not be negative, but was " + leadTime);
    }
  }
}
