package io.itsm.core.notification.internal;

import io.itsm.core.announcement.AnnouncementKind;
import io.itsm.core.incident.Priority;
import io.itsm.core.notification.DeliveryChannel;
import io.itsm.core.notification.DeliverySchedule;
import io.itsm.core.notification.Notification;
import io.itsm.core.notification.NotificationPolicy;
import io.itsm.core.notification.NotificationStatus;
import io.itsm.core.notification.PendingDelivery;
import io.itsm.core.notification.Recipient;
import io.itsm.core.notification.TemplateText;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes one notification to one recipient: asks the policy when it goes out (at once, later —
 * after the recipient's quiet hours — or in their next daily digest) and gives it its id, which
 * makes it unique per event, recipient, template and channel.
 *
 * <p>Immutable and thread-safe, provided the policy is.
 */
public final class Scheduler {

  private final NotificationPolicy policy;
  private final LocalTime digestTime;

  /**
   * Creates the scheduler.
   *
   * @param policy decides when
   * @param digestTime when daily digests go out, in each recipient's zone
   */
  public Scheduler(NotificationPolicy policy, LocalTime digestTime) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.digestTime = Objects.requireNonNull(digestTime, "digestTime");
  }

  /**
   * One rendered message to one recipient, as it is about to be stored.
   *
   * @param source what it stems from: {@code incident/INC-000001#3}
   * @param subjectId the incident or announcement
   * @param eventType the event's type
   * @param recipient who is told
   * @param channel on which channel
   * @param language in which language
   * @param template the template's name
   * @param text the rendered text
   * @param rule the deciding rule
   * @param reason the rule's reason
   * @param now when the event happened
   * @param priority the incident's priority, if any
   * @param kind the announcement's kind, if any
   * @return the notification, PENDING
   */
  public Notification notification(String source, String subjectId, String eventType,
      Recipient recipient, DeliveryChannel channel, String language, String template,
      TemplateText text, String rule, String reason, Instant now, Optional<Priority> priority,
      Optional<AnnouncementKind> kind) {
    Recipient r = recipient;
    boolean quiet = r.quietHours().map(q -> q.contains(now, r.zone())).orElse(false);
    Optional<Instant> quietEnd = quiet
        ? Optional.of(r.quietHours().get().endAfter(now, r.zone())) : Optional.empty();
    Instant digestAt = nextDigest(now, r);
    DeliverySchedule schedule = Objects.requireNonNull(policy.schedule(new PendingDelivery(r,
        channel, template, eventType, priority, kind, now, quiet, quietEnd, digestAt)),
        "delivery schedule");
    Instant due = switch (schedule.timing()) {
      case NOW -> now;
      case LATER -> schedule.at().orElseThrow();
      case DIGEST -> digestAt;
    };
    return new Notification(source + "/" + r.id() + "/" + template + "/" + channel, source,
        subjectId, eventType, r.id(), channel, r.addresses().get(channel), language, template,
        text.subject(), text.body(), rule, reason, now, schedule.timing(), schedule.rule(), due,
        NotificationStatus.PENDING, List.of());
  }

  private Instant nextDigest(Instant now, Recipient r) {
    ZonedDateTime z = now.atZone(r.zone());
    ZonedDateTime at = z.toLocalDate().atTime(digestTime).atZone(r.zone());
    return (at.isAfter(z) ? at : at.plusDays(1)).toInstant();
  }
}
