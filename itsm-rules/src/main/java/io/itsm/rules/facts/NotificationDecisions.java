package io.itsm.rules.facts;

import io.itsm.core.access.Role;
import io.itsm.core.notification.DeliveryChannel;
import java.time.Instant;

/**
 * The global {@code notify} of notification rule files: what a consequence calls to tell someone
 * (stage {@code notify}) or to schedule a delivery (stage {@code schedule}). The engine adds the
 * firing rule's name, and for telling the template the rule names in its {@code @template}
 * annotation, checked when the rules are loaded.
 *
 * <pre>
 * global io.itsm.rules.facts.NotificationDecisions notify;
 *
 * rule "A resolved ticket asks the caller to confirm by a date"
 *   &#64;template("incident-resolved")
 *   ruleflow-group "notify"
 * when
 *   NotificationFact(eventType == "Resolved", callerId != null)
 * then
 *   notify.caller("the caller confirms or rejects the resolution");
 * end
 * </pre>
 *
 * <p>Calling it outside a rule consequence, or a telling method from a rule without
 * {@code @template}, is an error. Not thread-safe: one per decision.
 */
public interface NotificationDecisions {

  /**
   * Tells the incident's caller.
   *
   * @param reason why, for the record
   */
  void caller(String reason);

  /**
   * Tells the incident's assignee.
   *
   * @param reason why
   */
  void assignee(String reason);

  /**
   * Tells every member of the incident's team.
   *
   * @param reason why
   */
  void team(String reason);

  /**
   * Tells the holders of a role: TEAM_LEAD (of the incident's team), MANAGER (of the team, else
   * any), SENIOR_MANAGER.
   *
   * @param role the role
   * @param reason why
   * @throws io.itsm.core.ValidationException for another role
   */
  void role(Role role, String reason);

  /**
   * Tells one user.
   *
   * @param userId the user
   * @param reason why
   */
  void user(String userId, String reason);

  /**
   * Tells the incident's caller on a channel (when the caller has an address there; else on their
   * preferred one).
   *
   * @param channel the channel
   * @param reason why
   */
  void callerOn(DeliveryChannel channel, String reason);

  /**
   * Schedules the delivery for an instant.
   *
   * @param at the instant
   * @param reason why
   */
  void deliverAt(Instant at, String reason);

  /**
   * Puts the delivery in the recipient's next daily digest.
   *
   * @param reason why
   */
  void digest(String reason);
}
