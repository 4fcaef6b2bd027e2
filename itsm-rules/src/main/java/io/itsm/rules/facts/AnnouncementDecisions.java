package io.itsm.rules.facts;

import io.itsm.core.access.Role;
import java.time.Duration;

/**
 * The global {@code announce} of announcement policy rule files: who must approve an announcement
 * and how long before its window it must be published. The engine adds the firing rule's name to
 * every reason.
 *
 * <pre>
 * global io.itsm.rules.facts.AnnouncementDecisions announce;
 *
 * rule "Planned outages are announced three days ahead"
 * when
 *   AnnouncementFact(kind == AnnouncementKind.PLANNED_OUTAGE)
 * then
 *   announce.leadTime(Duration.ofDays(3), "users plan around planned outages");
 * end
 * </pre>
 *
 * <p>Approvers of several rules become stages in the order of {@link Role} (a manager before
 * senior management), each approved by any holder of the role; the longest lead time wins. Not
 * thread-safe: one per decision.
 */
public interface AnnouncementDecisions {

  /**
   * Requires an approval stage by any holder of a role.
   *
   * @param role the role
   * @param reason why
   */
  void approvedBy(Role role, String reason);

  /**
   * Requires the announcement to be published at least this long before its window starts.
   *
   * @param leadTime the notice, not negative
   * @param reason why
   */
  void leadTime(Duration leadTime, String reason);
}
