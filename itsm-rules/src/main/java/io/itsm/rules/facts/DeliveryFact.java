package io.itsm.rules.facts;

import io.itsm.core.announcement.AnnouncementKind;
import io.itsm.core.incident.Priority;
import io.itsm.core.notification.DeliveryChannel;
import io.itsm.core.notification.PendingDelivery;
import java.time.Instant;
import java.util.Objects;

/**
 * One notification to one recipient about to be scheduled, as scheduling rules ({@code
 * notify.drl}, stage {@code schedule}) see it: {@code DeliveryFact(inQuietHours, priority ==
 * Priority.P4)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param recipientId who
 * @param channel on which channel
 * @param template with which template
 * @param eventType the event it is about
 * @param priority the incident's priority, or null
 * @param announcementKind the announcement's kind, or null
 * @param now when it is scheduled
 * @param inQuietHours whether that is in the recipient's quiet hours
 * @param quietHoursEnd when those end, or null
 * @param wantsDigest whether the recipient wants a daily digest
 * @param nextDigestAt when the recipient's next digest goes out
 */
public record DeliveryFact(
    String recipientId,
    DeliveryChannel channel,
    String template,
    String eventType,
    Priority priority,
    AnnouncementKind announcementKind,
    Instant now,
    boolean inQuietHours,
    Instant quietHoursEnd,
    boolean wantsDigest,
    Instant nextDigestAt) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a required component is null
   */
  public DeliveryFact {
    Objects.requireNonNull(recipientId, "recipientId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(nextDigestAt, "nextDigestAt");
  }

  /**
   * The view of a pending delivery.
   *
   * @param p the pending delivery
   * @return the fact
   */
  public static DeliveryFact of(PendingDelivery p) {
    return new DeliveryFact(p.recipient().id(), p.channel(), p.template(), p.eventType(),
        p.priority().orElse(null), p.announcementKind().orElse(null), p.now(), p.inQuietHours(),
        p.quietHoursEnd().orElse(null), p.recipient().digest(), p.nextDigestAt());
  }

  /**
   * Tells whether the notification is urgent by the default rules' measure: a P1 or P2 incident,
   * an SLA breach, or an unplanned outage.
   *
   * @return whether it is urgent
   */
  public boolean urgent() {
    return priority == Priority.P1 || priority == Priority.P2 || eventType.equals("SlaBreached")
        || announcementKind == AnnouncementKind.UNPLANNED_OUTAGE;
  }
}
