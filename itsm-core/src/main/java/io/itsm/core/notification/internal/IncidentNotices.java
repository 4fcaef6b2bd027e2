package io.itsm.core.notification.internal;

import io.itsm.core.access.Role;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.Announcements;
import io.itsm.core.event.CommentAdded;
import io.itsm.core.event.IncidentEvent;
import io.itsm.core.event.IncidentLogged;
import io.itsm.core.event.Resolved;
import io.itsm.core.event.SlaKind;
import io.itsm.core.event.Visibility;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.notification.DeliveryChannel;
import io.itsm.core.notification.Notification;
import io.itsm.core.notification.NotificationPolicy;
import io.itsm.core.notification.NotificationRequest;
import io.itsm.core.notification.NotificationSubject;
import io.itsm.core.notification.NotificationTemplate;
import io.itsm.core.notification.NotificationTemplates;
import io.itsm.core.notification.Recipient;
import io.itsm.core.notification.RecipientDirectory;
import io.itsm.core.notification.TemplateText;
import io.itsm.core.sla.SlaPolicy;
import io.itsm.core.sla.SlaTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifications of an incident event: what the desk knows besides the event (the response
 * due, the confirm-by date, the survey link, a known outage), the policy's requests, their
 * audiences resolved to recipients, each rendered in the recipient's language and scheduled. A
 * caller is never told about an internal work note, whatever a rule asks.
 *
 * <p>Immutable and thread-safe, provided the policy, directory and functions are.
 */
public final class IncidentNotices {

  private static final Logger LOG = LoggerFactory.getLogger(IncidentNotices.class);

  private final NotificationPolicy policy;
  private final NotificationTemplates templates;
  private final RecipientDirectory recipients;
  private final Scheduler scheduler;
  private final Optional<SlaPolicy> slaPolicy;
  private final Duration autoCloseAfter;
  private final Function<Incident, Optional<String>> surveyLinks;
  private final Optional<Announcements> announcements;

  /**
   * Creates the notices.
   *
   * @param policy who is told what
   * @param templates the templates
   * @param recipients who is who
   * @param scheduler when
   * @param slaPolicy for "we will respond by", if any
   * @param autoCloseAfter for "please confirm by"
   * @param surveyLinks a closed incident's survey link, if sampled
   * @param announcements for answers during a known outage, if any
   */
  public IncidentNotices(NotificationPolicy policy, NotificationTemplates templates,
      RecipientDirectory recipients, Scheduler scheduler, Optional<SlaPolicy> slaPolicy,
      Duration autoCloseAfter, Function<Incident, Optional<String>> surveyLinks,
      Optional<Announcements> announcements) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.templates = Objects.requireNonNull(templates, "templates");
    this.recipients = Objects.requireNonNull(recipients, "recipients");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.slaPolicy = Objects.requireNonNull(slaPolicy, "slaPolicy");
    this.autoCloseAfter = Objects.requireNonNull(autoCloseAfter, "autoCloseAfter");
    this.surveyLinks = Objects.requireNonNull(surveyLinks, "surveyLinks");
    this.announcements = Objects.requireNonNull(announcements, "announcements");
  }

  /**
   * Decides, renders and schedules the notifications of an event, storing nothing.
   *
   * @param event the event
   * @param incident the incident after its command
   * @return the notifications, each id once
   */
  public List<Notification> decide(IncidentEvent event, Incident incident) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(incident, "incident");
    NotificationSubject subject = subject(event, incident);
    List<NotificationRequest> requests = policy.decide(subject);
    if (requests.isEmpty()) {
      return List.of();
    }
    String source = "incident/" + incident.id() + "#" + event.sequence();
    Map<String, Notification> byId = new LinkedHashMap<>();
    for (NotificationRequest req : requests) {
      NotificationTemplate template = templates.get(req.template());
      if (!template.event().equals(event.type())) {
        LOG.error("rule '{}' asked for template {} (written for {}) on a {} event of {}; skipped:"
            + " fix the rule or the template", req.rule(), req.template(), template.event(),
            event.type(), incident.id());
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
          LOG.debug("recipient {} has no address; rule '{}' skipped for {}", r.id(), req.rule(),
              incident.id());
          continue;
        }
        String lang = templates.languageFor(req.template(), r.language().orElse(null));
        TemplateText text = templates.render(req.template(), lang,
            Values.forIncident(subject, r, lang));
        Notification n = scheduler.notification(source, incident.id(), event.type(), r,
            channel.get(), lang, req.template(), text, req.rule(), req.reason(), event.at(),
            incident.priority(), Optional.empty());
        byId.putIfAbsent(n.id(), n);
      }
    }
    return List.copyOf(byId.values());
  }

  private NotificationSubject subject(IncidentEvent event, Incident incident) {
    Optional<Instant> responseDue = Optional.empty();
    Optional<Announcement> knownOutage = Optional.empty();
    if (event instanceof IncidentLogged logged) {
      if (slaPolicy.isPresent()) {
        SlaTarget target = slaPolicy.get().targetFor(incident, SlaKind.RESPONSE);
        responseDue = Optional.of(
            target.calendar().addBusinessTime(incident.openedAt(), target.duration()));
      }
      if (announcements.isPresent()) {
        knownOutage = announcements.get().activeFor(logged.ticket().service().orElse(null),
            logged.ticket().configurationItem().orElse(null), logged.at()).stream().findFirst();
      }
    }
    Optional<Instant> confirmBy = event instanceof Resolved
        ? Optional.of(event.at().plus(autoCloseAfter)) : Optional.empty();
    Optional<String> survey = event.type().equals("Closed")
        ? Objects.requireNonNull(surveyLinks.apply(incident), "survey link") : Optional.empty();
    return new NotificationSubject(event, incident, responseDue, confirmBy, survey, knownOutage);
  }

  private List<Recipient> resolve(NotificationRequest req, Incident incident) {
    Optional<String> team = incident.team();
    return switch (req.audience()) {
      case CALLER -> incident.caller()
          .map(c -> List.of(recipients.find(c.id()).orElseGet(() -> fromCaller(c))))
          .orElse(List.of());
      case ASSIGNEE -> incident.assignment().flatMap(a -> a.assignee()).flatMap(recipients::find)
          .map(List::of).orElse(List.of());
      case TEAM -> team.map(recipients::members).orElse(List.of());
      case TEAM_LEAD -> team.map(t -> recipients.withRole(Role.TEAM_LEAD, Optional.of(t)))
          .orElse(List.of());
      case MANAGER -> byRole(Role.MANAGER, team);
      case SENIOR_MANAGER -> recipients.withRole(Role.SENIOR_MANAGER, Optional.empty());
      case USER -> recipients.find(req.userId().orElseThrow()).map(List::of).orElse(List.of());
    };
  }

  private List<Recipient> byRole(Role role, Optional<String> team) {
    List<Recipient> inTeam = team.map(t -> recipients.withRole(role, Optional.of(t)))
        .orElse(List.of());
    return inTeam.isEmpty() ? recipients.withRole(role, Optional.empty()) : inTeam;
  }

  /** The caller as the desk took them in (their trusted facts): name, e-mail, language. */
  private static Recipient fromCaller(Caller c) {
    Recipient r = Recipient.of(c.id(), c.name().orElse(c.id()))
        .withLanguage(c.language().orElse(null));
    return c.email().map(e -> r.withAddress(DeliveryChannel.EMAIL, e)).orElse(r);
  }
}
