package io.itsm.core.notification;

import io.itsm.core.DeskConfig;
import io.itsm.core.IncidentListener;
import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementEvent;
import io.itsm.core.announcement.AnnouncementListener;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.incident.Incident;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.notification.internal.AnnouncementNotices;
import io.itsm.core.notification.internal.Delivery;
import io.itsm.core.notification.internal.IncidentNotices;
import io.itsm.core.notification.internal.Scheduler;
import io.itsm.core.sla.SlaPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Tells people what happens: for each incident event a {@link NotificationPolicy} (the DRL pack
 * {@code notify.drl} of itsm-rules) decides who is told, on which channel, with which template;
 * for announcements their audience is told in each person's language on the announcement's
 * channels. Messages are rendered from {@link NotificationTemplates} in the recipient's language
 * (falling back to the default), scheduled (quiet hours, digests: also the policy's call), stored,
 * and delivered by a {@link Publisher} on a worker — never on the thread of the command that caused
 * them — with retries and back-off, every attempt recorded.
 *
 * <pre>{@code
 * Notifications notifications = Notifications.builder()
 *     .policy(NotifyEngine.withDefaults())
 *     .recipients(directory)
 *     .publisher(message -> mailer.send(message))
 *     .build();
 * ServiceDesk desk = ServiceDesk.builder().listener(notifications.incidentListener()).build();
 * notifications.startWorker();                // or call deliverDue() from your own scheduler
 * }</pre>
 *
 * <p><b>Once per event.</b> A notification's id is its event, recipient, template and channel:
 * hearing an event twice (a replay, a second listener) stores and sends nothing new.
 *
 * <p><b>Internal work notes</b> never reach the caller: whatever a rule asks, a recipient who is
 * the incident's caller is dropped for an INTERNAL comment (and the drop is logged with the rule).
 *
 * <p>A practice of the desk on its {@link Kernel}: the clock and the store of {@link
 * NotificationRepository}; {@link Builder#deskConfig(DeskConfig)} takes them, the SLA policy and
 * the auto-close period from a desk's config at once. People are found in a {@link
 * RecipientDirectory} (how to reach them); the caller of an incident, when the directory does not
 * know them, is reached as the desk took them in (the {@link io.itsm.core.incident.CallerDirectory
 * CallerDirectory}'s trusted facts: name, e-mail, language).
 *
 * <p>Deciding and rendering run on the command's thread (a few microseconds of rules); delivery
 * runs on the worker. Thread-safe, provided the policy, publisher, directory and repository are.
 */
public final class Notifications implements AutoCloseable {

  /** When daily digests go out, in each recipient's zone, by default. */
  public static final LocalTime DEFAULT_DIGEST_TIME = LocalTime.of(8, 0);

  /** The templates announcements are told with. */
  public static final List<String> ANNOUNCEMENT_TEMPLATES = AnnouncementNotices.TEMPLATES;

  private final Clock clock;
  private final NotificationPolicy policy;
  private final NotificationTemplates templates;
  private final NotificationRepository repository;
  private final IncidentNotices incidents;
  private final AnnouncementNotices announcements;
  private final Delivery delivery;

  private Notifications(Builder b, NotificationTemplates templates,
      NotificationRepository repository) {
    this.clock = b.clock != null ? b.clock : b.kernel.clock();
    this.policy = b.policy;
    this.templates = templates;
    this.repository = repository;
    Scheduler scheduler = new Scheduler(b.policy, b.digestTime);
    this.incidents = new IncidentNotices(b.policy, templates, b.recipients, scheduler,
        Optional.ofNullable(b.slaPolicy), b.autoCloseAfter, b.surveyLinks,
        Optional.ofNullable(b.announcements));
    this.announcements = new AnnouncementNotices(templates, b.recipients, scheduler);
    this.delivery = new Delivery(clock, repository, b.publisher, b.retry, templates, b.recipients);
  }

  /**
   * Starts configuring: {@link Kernel#ofDefaults()} (the UTC system clock, the kernel's store of
   * {@link NotificationRepository} else an in-memory one), {@link NotificationPolicy#none()},
   * {@link NotificationTemplates#defaults()}, {@link RecipientDirectory#none()}, {@link
   * LoggingPublisher}, {@link RetryPolicy#DEFAULT}, no SLA policy, no survey links, digests at
   * {@link #DEFAULT_DIGEST_TIME}.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the listener to give {@code ServiceDesk.builder().listener(..)}: it records the
   * notifications of every event and wakes the worker.
   *
   * @return the listener
   */
  public IncidentListener incidentListener() {
    return this::record;
  }

  /**
   * Returns the listener to give {@code Announcements.builder().listener(..)}: publishing, an
   * extended window and the end of an announcement are told to the users of the services it
   * reaches.
   *
   * @return the listener
   * @throws ValidationException if the templates lack one of {@link #ANNOUNCEMENT_TEMPLATES}
   */
  public AnnouncementListener announcementListener() {
    for (String t : ANNOUNCEMENT_TEMPLATES) {
      templates.get(t);
    }
    return this::recordAnnouncement;
  }

  /**
   * Decides, renders, schedules and stores the notifications of an incident event, and wakes the
   * worker. An event heard before stores nothing new.
   *
   * @param event the event
   * @param incident the incident after its command
   * @return the notifications stored now
   * @throws io.itsm.core.ItsmException if the policy fails (a rule throws, its time budget runs
   *     out); nothing is stored then
   */
  public List<Notification> record(IncidentEvent event, Incident incident) {
    return store(incidents.decide(event, incident));
  }

  /**
   * Decides and renders the notifications an incident event would cause, without storing or
   * sending anything: what a ticket's lifecycle would send.
   *
   * @param event the event
   * @param incident the incident after its command
   * @return the notifications
   */
  public List<Notification> preview(IncidentEvent event, Incident incident) {
    return incidents.decide(event, incident);
  }

  /**
   * Records the notifications of an announcement event: its publication, a revision that extends
   * the window of a published announcement, and its end go to the users of the services it
   * reaches, on each of its channels they have an address for, in their language.
   *
   * @param event the event
   * @param announcement the announcement after it
   * @return the notifications stored now
   */
  public List<Notification> recordAnnouncement(AnnouncementEvent event, Announcement announcement) {
    return store(announcements.decide(event, announcement));
  }

  private List<Notification> store(List<Notification> decided) {
    List<Notification> stored = new ArrayList<>();
    for (Notification n : decided) {
      if (repository.add(n)) {
        stored.add(n);
      }
    }
    if (!stored.isEmpty()) {
      delivery.wake();
    }
    return stored;
  }

  /**
   * Delivers what is due at the clock's instant; see {@link #deliverDue(Instant)}.
   *
   * @return the number of messages delivered
   */
  public int deliverDue() {
    return delivery.deliverDue(clock.instant());
  }

  /**
   * Delivers every notification due at an instant: each alone, except those for a recipient's
   * digest, which go out as one message per recipient and channel. A message the publisher fails
   * to deliver is tried again after the retry policy's back-off, up to its last attempt (then the
   * notifications are FAILED); every attempt is recorded. Runs one at a time.
   *
   * @param now the instant
   * @return the number of messages delivered
   */
  public int deliverDue(Instant now) {
    return delivery.deliverDue(Objects.requireNonNull(now, "now"));
  }

  /**
   * Starts a daemon worker thread that delivers what is due, woken when notifications are stored
   * and at the next due time (checked at least every second). Calling it again does nothing.
   */
  public void startWorker() {
    delivery.start();
  }

  /** Stops the worker (what is pending stays stored and is delivered by the next one). */
  @Override
  public void close() {
    delivery.close();
  }

  /**
   * Finds notifications.
   *
   * @param query the criteria
   * @return the notifications, in the order they were stored
   */
  public List<Notification> find(NotificationQuery query) {
    return repository.find(Objects.requireNonNull(query, "query"));
  }

  /**
   * Returns the templates.
   *
   * @return the templates
   */
  public NotificationTemplates templates() {
    return templates;
  }

  @Override
  public String toString() {
    return "Notifications{" + policy + ", " + templates.names().size() + " templates}";
  }

  /**
   * Configures {@link Notifications}: the kernel holds the clock and the stores the desk's
   * practices share; {@link #clock} changes the clock for these notifications only; {@link
   * #repository} takes the place of the kernel's store. Not thread-safe.
   */
  public static final class Builder {
    private Kernel kernel = Kernel.ofDefaults();
    private Clock clock;
    private NotificationPolicy policy = NotificationPolicy.none();
    private NotificationTemplates templates;
    private RecipientDirectory recipients = RecipientDirectory.none();
    private Publisher publisher = new LoggingPublisher();
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private NotificationRepository repository;
    private SlaPolicy slaPolicy;
    private Duration autoCloseAfter = ServiceDesk.DEFAULT_AUTO_CLOSE_AFTER;
    private Function<Incident, Optional<String>> surveyLinks = i -> Optional.empty();
    private Announcements announcements;
    private LocalTime digestTime = DEFAULT_DIGEST_TIME;

    private Builder() {}

    /**
     * Sets the kernel: the clock and the stores (a {@link NotificationRepository} among them, if
     * any).
     *
     * @param kernel the kernel; default {@link Kernel#ofDefaults()}
     * @return this builder
     */
    public Builder kernel(Kernel kernel) {
      this.kernel = Objects.requireNonNull(kernel, "kernel");
      return this;
    }

    /**
     * Takes the kernel, the SLA policy (if any) and the auto-close period from a desk's config:
     * acknowledgements then say when the desk responds, resolutions until when to confirm.
     *
     * @param config the desk's config ({@code desk.config()}, or the config the desk is made of)
     * @return this builder
     */
    public Builder deskConfig(DeskConfig config) {
      Objects.requireNonNull(config, "config");
      this.kernel = config.kernel();
      this.slaPolicy = config.slaPolicy().orElse(null);
      this.autoCloseAfter = config.autoCloseAfter();
      return this;
    }

    /**
     * Sets the clock.
     *
     * @param clock the clock; default the kernel's
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets who is told what, for example {@code NotifyEngine.withDefaults()} of itsm-rules.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(NotificationPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the templates.
     *
     * @param templates the templates; default {@link NotificationTemplates#defaults()}
     * @return this builder
     */
    public Builder templates(NotificationTemplates templates) {
      this.templates = Objects.requireNonNull(templates, "templates");
      return this;
    }

    /**
     * Sets where people are found.
     *
     * @param recipients the directory; default {@link RecipientDirectory#none()}
     * @return this builder
     */
    public Builder recipients(RecipientDirectory recipients) {
      this.recipients = Objects.requireNonNull(recipients, "recipients");
      return this;
    }

    /**
     * Sets how messages are delivered.
     *
     * @param publisher the publisher; default {@link LoggingPublisher}
     * @return this builder
     */
    public Builder publisher(Publisher publisher) {
      this.publisher = Objects.requireNonNull(publisher, "publisher");
      return this;
    }

    /**
     * Sets how failed deliveries are retried.
     *
     * @param retry the policy; default {@link RetryPolicy#DEFAULT}
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /**
     * Sets where notifications are stored.
     *
     * @param repository the repository; default the kernel's store of {@link
     *     NotificationRepository}, else a new in-memory one
     * @return this builder
     */
    public Builder repository(NotificationRepository repository) {
      this.repository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * Sets the SLA policy, so acknowledgements can say when a response is due.
     *
     * @param slaPolicy the desk's SLA policy
     * @return this builder
     */
    public Builder slaPolicy(SlaPolicy slaPolicy) {
      this.slaPolicy = Objects.requireNonNull(slaPolicy, "slaPolicy");
      return this;
    }

    /**
     * Sets how long a resolved incident waits for the caller (the desk's), for "confirm by".
     *
     * @param autoCloseAfter the duration; default {@link ServiceDesk#DEFAULT_AUTO_CLOSE_AFTER}
     * @return this builder
     */
    public Builder autoCloseAfter(Duration autoCloseAfter) {
      this.autoCloseAfter = Objects.requireNonNull(autoCloseAfter, "autoCloseAfter");
      return this;
    }

    /**
     * Sets the survey links: for a closed incident sampled for a satisfaction survey, its link.
     *
     * @param surveyLinks incident → link, or empty when not sampled; must be thread-safe
     * @return this builder
     */
    public Builder surveyLinks(Function<Incident, Optional<String>> surveyLinks) {
      this.surveyLinks = Objects.requireNonNull(surveyLinks, "surveyLinks");
      return this;
    }

    /**
     * Sets the announcements, so a ticket logged during a known outage can be answered with it.
     *
     * @param announcements the announcements
     * @return this builder
     */
    public Builder announcements(Announcements announcements) {
      this.announcements = Objects.requireNonNull(announcements, "announcements");
      return this;
    }

    /**
     * Sets when daily digests go out, in each recipient's zone.
     *
     * @param time the time of day; default {@link #DEFAULT_DIGEST_TIME}
     * @return this builder
     */
    public Builder digestTime(LocalTime time) {
      this.digestTime = Objects.requireNonNull(time, "time");
      return this;
    }

    /**
     * Builds, checking that every template the policy may ask for exists.
     *
     * @return the notifications
     * @throws ValidationException naming the templates the policy asks for that do not exist
     */
    public Notifications build() {
      NotificationTemplates t = templates != null ? templates : NotificationTemplates.defaults();
      Set<String> missing = new TreeSet<>(policy.templates());
      missing.removeAll(t.names());
      if (!missing.isEmpty()) {
        throw new ValidationException("the notification policy " + policy + " uses templates"
            + " that do not exist: " + missing + "; templates: " + String.join(", ", t.names()));
      }
      NotificationRepository r = repository != null ? repository
          : kernel.stores().find(NotificationRepository.class)
              .orElseGet(InMemoryNotificationRepository::new);
      return new Notifications(this, t, r);
    }
  }
}
