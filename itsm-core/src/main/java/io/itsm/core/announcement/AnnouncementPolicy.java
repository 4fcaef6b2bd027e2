package io.itsm.core.announcement;

import io.itsm.core.access.Role;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.approval.Approver;
import io.itsm.core.cmdb.Criticality;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what an announcement needs before it is published: its approvers and the lead time of
 * planned events. {@code io.itsm.rules.AnnouncementEngine} decides it with DRL rules; {@link
 * #defaults()} is a plain-Java policy for desks without rules.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AnnouncementPolicy {

  /**
   * Decides the requirements of an announcement being submitted.
   *
   * @param announcement the announcement
   * @param reach how far it reaches
   * @return the requirements
   */
  PublishingRequirements requirementsFor(Announcement announcement, AnnouncementReach reach);

  /**
   * Any manager approves; a major outage (an outage reaching a business-critical item or service,
   * or three or more services) needs senior management after the manager; no lead time.
   *
   * @return the policy
   */
  static AnnouncementPolicy defaults() {
    return (a, reach) -> {
      List<ApprovalStage> stages = new ArrayList<>();
      List<String> reasons = new ArrayList<>();
      stages.add(new ApprovalStage(List.of(Approver.role(Role.MANAGER)), ApprovalPolicy.any()));
      reasons.add("announcements are approved by a manager");
      if (a.content().kind().isOutage() && (reach.highestCriticality() == Criticality.BUSINESS_CRITICAL
          || reach.services().size() >= 3)) {
        stages.add(new ApprovalStage(List.of(Approver.role(Role.SENIOR_MANAGER)), ApprovalPolicy.any()));
        reasons.add("a major outage (" + reach.services().size() + " services, "
            + reach.highestCriticality() + ") needs senior management");
      }
      return new PublishingRequirements(stages, Duration.ZERO, reasons);
    };
  }
}
