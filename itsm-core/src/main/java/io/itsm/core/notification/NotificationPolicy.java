package io.itsm.core.notification;

import java.util.List;
import java.util.Set;

/**
 * Decides who is told what about each incident event, and when each notification goes out:
 * {@code io.itsm.rules.NotifyEngine} decides it with the DRL pack {@code notify.drl}; {@link
 * #none()} tells no one about incidents (announcements are still delivered).
 *
 * <p>Implementations must be thread-safe.
 */
public interface NotificationPolicy {

  /**
   * Decides the notifications of an incident event.
   *
   * @param subject the event, the incident and what the desk knows besides
   * @return the requests, maybe empty
   */
  List<NotificationRequest> decide(NotificationSubject subject);

  /**
   * Decides when one notification to one recipient goes out (quiet hours, digests).
   *
   * @param pending the notification
   * @return the schedule
   */
  DeliverySchedule schedule(PendingDelivery pending);

  /**
   * Returns the names of the templates the policy may ask for, so that a missing one is reported
   * when {@link Notifications} is built, not when something is sent.
   *
   * @return the template names
   */
  Set<String> templates();

  /**
   * Tells no one about incident events; delivers everything at once.
   *
   * @return the policy
   */
  static NotificationPolicy none() {
    return new NotificationPolicy() {
      @Override
      public List<NotificationRequest> decide(NotificationSubject subject) {
        return List.of();
      }

      @Override
      public DeliverySchedule schedule(PendingDelivery pending) {
        return DeliverySchedule.now();
      }

      @Override
      public Set<String> templates() {
        return Set.of();
      }

      @Override
      public String toString() {
        return "NotificationPolicy.none()";
      }
    };
  }
}
