package io.itsm.core.notification.internal;

import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementEnded;
import io.itsm.core.announcement.AnnouncementEvent;
import io.itsm.core.announcement.AnnouncementPublished;
import io.itsm.core.announcement.AnnouncementRevised;
import io.itsm.core.announcement.AnnouncementStatus;
import io.itsm.core.notification.DeliveryChannel;
import io.itsm.core.notification.Notification;
import io.itsm.core.notification.NotificationTemplates;
import io.itsm.core.notification.Recipient;
import io.itsm.core.notification.RecipientDirectory;
import io.itsm.core.notification.TemplateText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The notifications of an announcement event: its publication, a revision that extends the window
 * of a published announcement, and its end go to the users of the services it reaches, on each of
 * its channels they have an address for, in their language (falling back to the announcement's
 * default language and the templates' default).
 *
 * <p>Immutable and thread-safe, provided the directory and the policy are.
 */
public final class AnnouncementNotices {

  /** The templates announcements are told with: published, extended, ended. */
  public static final List<String> TEMPLATES =
      List.of("announcement-published", "announcement-extended", "announcement-ended");

  private final NotificationTemplates templates;
  private final RecipientDirectory recipients;
  private final Scheduler scheduler;

  /**
   * Creates the notices.
   *
   * @param templates the templates
   * @param recipients who uses which services
   * @param scheduler when
   */
  public AnnouncementNotices(NotificationTemplates templates, RecipientDirectory recipients,
      Scheduler scheduler) {
    this.templates = Objects.requireNonNull(templates, "templates");
    this.recipients = Objects.requireNonNull(recipients, "recipients");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  /**
   * Renders and schedules the notifications of an announcement event, storing nothing.
   *
   * @param event the event
   * @param announcement the announcement after it
   * @return the notifications; none for events that tell nobody
   */
  public List<Notification> decide(AnnouncementEvent event, Announcement announcement) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(announcement, "announcement");
    String template;
    String note = "";
    if (event instanceof AnnouncementPublished) {
      template = TEMPLATES.get(0);
    } else if (event instanceof AnnouncementRevised r && r.windowExtended()
        && announcement.status() == AnnouncementStatus.PUBLISHED) {
      template = TEMPLATES.get(1);
    } else if (event instanceof AnnouncementEnded ended) {
      template = TEMPLATES.get(2);
      note = ended.note();
    } else {
      return List.of();
    }
    Set<String> services = new TreeSet<>(announcement.reach());
    services.addAll(announcement.content().services());
    String source = "announcement/" + announcement.id() + "#" + event.sequence();
    List<Notification> out = new ArrayList<>();
    for (Recipient r : recipients.usersOf(services)) {
      for (DeliveryChannel channel : announcement.content().channels()) {
        if (!r.addresses().containsKey(channel)) {
          continue;
        }
        String lang = templates.languageFor(template, r.language().orElse(null));
        Map<String, String> values = Values.forAnnouncement(announcement,
            announcement.content().texts().containsKey(lang) ? lang : r.language().orElse(lang),
            note);
        values.put("recipient.name", r.name());
        TemplateText text = templates.render(template, lang, values);
        out.add(scheduler.notification(source, announcement.id(), event.type(), r, channel, lang,
            template, text, "announcement channels", "uses " + String.join(", ",
                services.stream().filter(r.services()::contains).toList()), event.at(),
            Optional.empty(), Optional.of(announcement.content().kind())));
      }
    }
    return out;
  }
}
