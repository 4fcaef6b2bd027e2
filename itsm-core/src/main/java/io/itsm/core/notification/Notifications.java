package io.itsm.core.notification;

import io.itsm.core.IncidentListener;
import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.access.Role;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementEnded;
import io.itsm.core.announcement.AnnouncementEvent;
import io.itsm.core.announcement.AnnouncementListener;
import io.itsm.core.announcement.AnnouncementPublished;
import io.itsm.core.announcement.AnnouncementRevised;
import io.itsm.core.announcement.AnnouncementStatus;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.event.Resolved;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.notification.internal.Delivery;
import io.itsm.core.notification.internal.Values;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.sla.SlaTarget;
import io.itsm.core.event.SlaKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Deciding and rendering run on the command's thread (a few microseconds of rules); delivery
 * runs on the worker. Thread-safe, provided the policy, publisher, directory and repository are.
 */
public final class Notifications implements AutoCloseable {

  /** When daily digests go out, in each recipient's zone, by default. */
  public static final LocalTime DEFAULT_DIGEST_TIME = LocalTime.of(8, 0);

  /** The templates announcements are told with. */
  public static final List<String> ANNOUNCEMENT_TEMPLATES =
      List.of("announcement-published", "announcement-extended", "announcement-ended");

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final Clock clock;
  private final NotificationPolicy policy;
  private final NotificationTemplates templates;
  private final RecipientDirectory recipients;
  private final Publisher publisher;
  private final RetryPolicy retry;
  private final NotificationRepository repository;
  private final Optional<SlaPolicy> slaPolicy;
  private final Duration autoCloseAfter;
  private final Function<Incident, Optional<String>> surveyLinks;
  private final Optional<Announcements> announcements;
  private final LocalTime digestTime;
  private final Delivery delivery;

  private Notifications(Builder b) {
    this.clock = b.clock;
    this.policy = b.policy;
    this.templates = b.templates;
    this.recipients = b.recipients;
    this.publisher = b.publisher;
    this.retry = b.retry;
    this.repository = b.repository;
    this.slaPolicy = Optional.ofNullable(b.slaPolicy);
    this.autoCloseAfter = b.autoCloseAfter;
    this.surveyLinks = b.surveyLinks;
    this.announcements = Optional.ofNullable(b.announcements);
    this.digestTime = b.digestTime;
    this.delivery = new Delivery(b.clock, b.repository, b.publisher, b.retry, b.templates, b.recipients);
  }

  /**
   * Starts configuring: UTC system clock, {@link NotificationPolicy#none()}, {@link
   * NotificationTemplates#defaults()}, an empty directory, {@link LoggingPublisher}, {@link
   * RetryPolicy#DEFAULT}, in-memory storage, no SLA policy, no survey links, digests at {@link
   * #DEFAULT_DIGEST_TIME}.
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

  // ---------------------------------------------------------------- incidents

  /**
   * Decides, renders, schedules and stores the notifications of an incident event, and wakes the
   * worker. An event heard before stores nothing new.
   *
   * @param event the event
   * @param incident the incident after its command
   * @return the notifications stored now
   */
  public List<Notification> record(IncidentEvent event, Incident incident) {
    List<Notification> stored = new ArrayList<>();
    for (Notification n : decide(event, incident)) {
      if (repository.add(n)) {
        stored.add(n);
      }
    }
    if (!stored.isEmpty()) {
      wake();
    }
    return stored;
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
    return decide(event, incident);
  }

  private List<Notification> decide(IncidentEvent event, Incident incident) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(incident, "incident");
    NotificationSubject subject = subject(event, incident);
    List<NotificationRequest> requests = policy.decide(subject);
    if (requests.isEmpty()) {
      return List.of();
    }
    Instant now = event.at();
    String source = "incident/" + incident.id() + "#" + event.sequence();
    List<Notification> out = new ArrayList<>();
    for (NotificationRequest req : requests) {
      NotificationTemplate template = templates.get(req.template());
      if (!template.event().equals(event.type())) {
        LOG.error("rule '{}' asked for template {} (written for {}) on a {} event of {}; skipped: fix the"
            + " rule or the template", req.rule(), req.template(), template.event(), event.type(), incident.id());
        continue;
      }
      for (Recipient r : resolve(req, incident)) {
        if (event instanceof CommentAdded c && c.visibility() == Visibility.INTERNAL
            && incident.isCalledBy(r.id())) {
          LOG.warn("rule '{}' asked to tell caller {} about an internal work note of {}; not sent",
              req.rule(), r.id(), incident.id());
          continue;
        }
        Optional<DeliveryChannel> channel = req.channel().filter(r.addresses()::containsKey)
            .or(r::preferredChannel);
        if (channel.isEmpty()) {
          LOG.debug("recipient {} has no address; rule '{}' skipped for {}", r.id(), req.rule(), incident.id());
          continue;
        }
        String lang = templates.languageFor(req.template(), r.language().orElse(null));
        TemplateText text = templates.render(req.template(), lang, Values.forIncident(subject, r, lang));
        out.add(notification(source, incident.id(), event.type(), r, channel.get(), lang, req.template(),
            text, req.rule(), req.reason(), now, incident.priority(), Optional.empty()));
      }
    }
    return dedupe(out);
  }

  private NotificationSubject subject(IncidentEvent event, Incident incident) {
    Optional<Instant> responseDue = Optional.empty();
    Optional<io.itsm.core.announcement.Announcement> knownOutage = Optional.empty();
    if (event instanceof IncidentLogged logged) {
      if (slaPolicy.isPresent()) {
        SlaTarget target = slaPolicy.get().targetFor(incident, SlaKind.RESPONSE);
        responseDue = Optional.of(target.calendar().addBusinessTime(incident.openedAt(), target.duration()));
      }
      if (announcements.isPresent()) {
        knownOutage = announcements.get().activeFor(logged.ticket().service().orElse(null),
            logged.ticket().configurationItem().orElse(null), logged.at()).stream().findFirst();
      }
    }
    Optional<Instant> confirmBy = event instanceof Resolved ? Optional.of(event.at().plus(autoCloseAfter))
        : Optional.empty();
    Optional<String> survey = event.type().equals("Closed")
        ? Objects.requireNonNull(surveyLinks.apply(incident), "survey link") : Optional.empty();
    return new NotificationSubject(event, incident, responseDue, confirmBy, survey, knownOutage);
  }

  private List<Recipient> resolve(NotificationRequest req, Incident incident) {
    Optional<String> team = incident.team();
    return switch (req.audience()) {
      case CALLER -> incident.caller().map(c -> List.of(recipients.find(c.id()).orElseGet(() -> fromCaller(c))))
          .orElse(List.of());
      case ASSIGNEE -> incident.assignment().flatMap(a -> a.assignee()).flatMap(recipients::find)
          .map(List::of).orElse(List.of());
      case TEAM -> team.map(recipients::members).orElse(List.of());
      case TEAM_LEAD -> team.map(t -> recipients.withRole(Role.TEAM_LEAD, Optional.of(t))).orElse(List.of());
      case MANAGER -> byRole(Role.MANAGER, team);
      case SENIOR_MANAGER -> recipients.withRole(Role.SENIOR_MANAGER, Optional.empty());
      case USER -> recipients.find(req.userId().orElseThrow()).map(List::of).orElse(List.of());
    };
  }

  private List<Recipient> byRole(Role role, Optional<String> team) {
    List<Recipient> inTeam = team.map(t -> recipients.withRole(role, Optional.of(t))).orElse(List.of());
    return inTeam.isEmpty() ? recipients.withRole(role, Optional.empty()) : inTeam;
  }

  private static Recipient fromCaller(Caller c) {
    Recipient r = Recipient.of(c.id(), c.name().orElse(c.id())).withLanguage(c.language().orElse(null));
    return c.email().map(e -> r.withAddress(DeliveryChannel.EMAIL, e)).orElse(r);
  }

  // ---------------------------------------------------------------- announcements

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
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(announcement, "announcement");
    String template;
    String note = "";
    if (event instanceof AnnouncementPublished) {
      template = ANNOUNCEMENT_TEMPLATES.get(0);
    } else if (event instanceof AnnouncementRevised r && r.windowExtended()
        && announcement.status() == AnnouncementStatus.PUBLISHED) {
      template = ANNOUNCEMENT_TEMPLATES.get(1);
    } else if (event instanceof AnnouncementEnded ended) {
      template = ANNOUNCEMENT_TEMPLATES.get(2);
      note = ended.note();
    } else {
      return List.of();
    }
    Set<String> services = new TreeSet<>(announcement.reach());
    services.addAll(announcement.content().services());
    String source = "announcement/" + announcement.id() + "#" + event.sequence();
    List<Notification> stored = new ArrayList<>();
    for (Recipient r : recipients.usersOf(services)) {
      for (DeliveryChannel channel : announcement.content().channels()) {
        if (!r.addresses().containsKey(channel)) {
          continue;
        }
        String lang = templates.languageFor(template, r.language().orElse(null));
        Map<String, String> values = Values.forAnnouncement(announcement,
            announcement.content().texts().containsKey(lang) ? lang : r.language().orElse(lang), note);
        values.put("recipient.name", r.name());
        TemplateText text = templates.render(template, lang, values);
        Notification n = notification(source, announcement.id(), event.type(), r, channel, lang, template,
            text, "announcement channels", "uses " + String.join(", ", services.stream()
                .filter(r.services()::contains).toList()), event.at(), Optional.empty(),
            Optional.of(announcement.content().kind()));
        if (repository.add(n)) {
          stored.add(n);
        }
      }
    }
    if (!stored.isEmpty()) {
      wake();
    }
    return stored;
  }

  // ---------------------------------------------------------------- scheduling

  private Notification notification(String source, String subjectId, String eventType, Recipient r,
      DeliveryChannel channel, String lang, String template, TemplateText text, String rule, String reason,
      Instant now, Optional<io.itsm.core.incident.Priority> priority,
      Optional<io.itsm.core.announcement.AnnouncementKind> kind) {
    boolean quiet = r.quietHours().map(q -> q.contains(now, r.zone())).orElse(false);
    Optional<Instant> quietEnd = quiet ? Optional.of(r.quietHours().get().endAfter(now, r.zone())) : Optional.empty();
    Instant digestAt = nextDigest(now, r);
    DeliverySchedule schedule = Objects.requireNonNull(policy.schedule(new PendingDelivery(r, channel,
        template, eventType, priority, kind, now, quiet, quietEnd, digestAt)), "delivery schedule");
    Instant due = switch (schedule.timing()) {
      case NOW -> now;
      case LATER -> schedule.at().orElseThrow();
      case DIGEST -> digestAt;
    };
    return new Notification(source + "/" + r.id() + "/" + template + "/" + channel, source, subjectId,
        eventType, r.id(), channel, r.addresses().get(channel), lang, template, text.subject(), text.body(),
        rule, reason, now, schedule.timing(), schedule.rule(), due, NotificationStatus.PENDING, List.of());
  }

  private Instant nextDigest(Instant now, Recipient r) {
    ZonedDateTime z = now.atZone(r.zone());
    ZonedDateTime at = z.toLocalDate().atTime(digestTime).atZone(r.zone());
    return (at.isAfter(z) ? at : at.plusDays(1)).toInstant();
  }

  private static List<Notification> dedupe(List<Notification> all) {
    Map<String, Notification> byId = new LinkedHashMap<>();
    for (Notification n : all) {
      byId.putIfAbsent(n.id(), n);
    }
    return List.copyOf(byId.values());
  }

  // ---------------------------------------------------------------- delivery

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

  private void wake() {
    delivery.wake();
  }

  /** Stops the worker (what is pending stays stored and is delivered by the next one). */
  @Override
  public void close() {
    delivery.close();
  }

  // ---------------------------------------------------------------- queries

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

  /**
   * Configures {@link Notifications}. Not thread-safe.
   */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private NotificationPolicy policy = NotificationPolicy.none();
    private NotificationTemplates templates;
    private RecipientDirectory recipients = InMemoryRecipientDirectory.empty();
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
     * Sets the clock.
     *
     * @param clock the clock
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
     * @param templates the templates
     * @return this builder
     */
    public Builder templates(NotificationTemplates templates) {
      this.templates = Objects.requireNonNull(templates, "templates");
      return this;
    }

    /**
     * Sets where people are found.
     *
     * @param recipients the directory
     * @return this builder
     */
    public Builder recipients(RecipientDirectory recipients) {
      this.recipients = Objects.requireNonNull(recipients, "recipients");
      return this;
    }

    /**
     * Sets how messages are delivered.
     *
     * @param publisher the publisher
     * @return this builder
     */
    public Builder publisher(Publisher publisher) {
      this.publisher = Objects.requireNonNull(publisher, "publisher");
      return this;
    }

    /**
     * Sets how failed deliveries are retried.
     *
     * @param retry the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /**
     * Sets where notifications are stored.
     *
     * @param repository the repository
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
     * @param autoCloseAfter the duration
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
     * @param time the time of day
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
      if (templates == null) {
        templates = NotificationTemplates.defaults();
      }
      if (repository == null) {
        repository = new InMemoryNotificationRepository();
      }
      Set<String> missing = new TreeSet<>(policy.templates());
      missing.removeAll(templates.names());
      if (!missing.isEmpty()) {
        throw new ValidationException("the notification policy " + policy + " uses templates that do not"
            + " exist: " + missing + "; templates: " + String.join(", ", templates.names()));
      }
      return new Notifications(this);
    }
  }

  @Override
  public String toString() {
    return "Notifications{" + policy + ", " + templates.names().size() + " templates}";
  }
}
