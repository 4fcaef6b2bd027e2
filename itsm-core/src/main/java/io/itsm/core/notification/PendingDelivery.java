package io.itsm.core.notification;

import io.itsm.core.announcement.AnnouncementKind;
import io.itsm.core.incident.Priority;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One notification to one recipient, about to be scheduled: what a scheduling rule sees (quiet
 * hours and digest preferences are the recipient's; whether it is urgent is the rule's call).
 *
 * <p>Immutable and thread-safe.
 *
 * @param recipient who
 * @param channel on which channel
 * @param template with which template
 * @param eventType the event it is about, for example {@code "CommentAdded"}
 * @param priority the incident's priority, or empty (announcements, unprioritized incidents)
 * @param announcementKind the announcement's kind, or empty (incidents)
 * @param now when it is scheduled
 * @param inQuietHours whether {@code now} is in the recipient's quiet hours
 * @param quietHoursEnd when those quiet hours end, or empty when not in them
 * @param nextDigestAt when the recipient's next daily digest goes out
 */
public record PendingDelivery(
    Recipient recipient,
    DeliveryChannel channel,
    String template,
    String eventType,
    Optional<Priority> priority,
    Optional<AnnouncementKind> announcementKind,
    Instant now,
    boolean inQuietHours,
    Optional<Instant> quietHoursEnd,
    Instant nextDigestAt) {

  /**
   * Validates the components.
   *
   * @throws NullPointerException if a component is null
   */
  public PendingDelivery {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(announcementKind, "announcementKind");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(quietHoursEnd, "quietHoursEnd");
    Objects.requireNonNull(nextDigestAt, "nextDigestAt");
  }
}
