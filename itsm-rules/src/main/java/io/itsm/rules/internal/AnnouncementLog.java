package io.itsm.rules.internal;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Role;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.approval.Approver;
import io.itsm.core.announcement.PublishingRequirements;
import io.itsm.rules.facts.AnnouncementDecisions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link AnnouncementDecisions} of one decision.
 *
 * <p>Not thread-safe: one per decision.
 */
public final class AnnouncementLog implements AnnouncementDecisions, FiringLog {

  private final Set<Role> roles = EnumSet.noneOf(Role.class);
  private final List<String> reasons = new ArrayList<>();
  private Duration leadTime = Duration.ZERO;
  private String rule;

  /** Creates an empty log. */
  public AnnouncementLog() {}

  @Override
  public void begin(String rule, String file, int precedence) {
    this.rule = rule;
  }

  @Override
  public void end() {
    this.rule = null;
  }

  @Override
  public void approvedBy(Role role, String reason) {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(reason, "reason");
    roles.add(role);
    reasons.add("rule '" + firing("approvedBy") + "': " + reason);
  }

  @Override
  public void leadTime(Duration d, String reason) {
    Objects.requireNonNull(d, "leadTime");
    Objects.requireNonNull(reason, "reason");
    if (d.isNegative()) {
      throw new ValidationException("announce.leadTime in rule '" + rule + "' must not be negative, but was " + d);
    }
    if (d.compareTo(leadTime) > 0) {
      leadTime = d;
    }
    reasons.add("rule '" + firing("leadTime") + "': " + reason);
  }

  private String firing(String method) {
    if (rule == null) {
      throw new IllegalStateException("announce." + method + "(...) may only be called from a rule consequence");
    }
    return rule;
  }

  /**
   * Returns the requirements the rules decided.
   *
   * @param announcementId the announcement, for the message when no rule named an approver
   * @return the requirements
   * @throws ValidationException if no rule named an approver
   */
  public PublishingRequirements requirements(String announcementId) {
    if (roles.isEmpty()) {
      throw new ValidationException("no announcement rule decided who approves " + announcementId
          + "; a rule must call announce.approvedBy(Role..., reason)");
    }
    List<ApprovalStage> stages = new ArrayList<>();
    for (Role r : roles) {
      stages.add(new ApprovalStage(List.of(Approver.role(r)), ApprovalPolicy.any()));
    }
    return new PublishingRequirements(stages, leadTime, reasons);
  }
}
