package io.itsm.core.announcement.internal;

import static io.itsm.core.announcement.internal.AnnouncementStore.state;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.announcement.Announcement;
import io.itsm.core.announcement.AnnouncementApprovalDecided;
import io.itsm.core.announcement.AnnouncementArchived;
import io.itsm.core.announcement.AnnouncementCancelled;
import io.itsm.core.announcement.AnnouncementContent;
import io.itsm.core.announcement.AnnouncementDrafted;
import io.itsm.core.announcement.AnnouncementEnded;
import io.itsm.core.announcement.AnnouncementKind;
import io.itsm.core.announcement.AnnouncementPolicy;
import io.itsm.core.announcement.AnnouncementPublished;
import io.itsm.core.announcement.AnnouncementRevised;
import io.itsm.core.announcement.AnnouncementStatus;
import io.itsm.core.announcement.AnnouncementSubmitted;
import io.itsm.core.announcement.AnnouncementText;
import io.itsm.core.announcement.Feedback;
import io.itsm.core.announcement.FeedbackGiven;
import io.itsm.core.announcement.IncidentLinked;
import io.itsm.core.announcement.OutageWindow;
import io.itsm.core.announcement.PublishingRequirements;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.Verdict;
import io.itsm.core.incident.Incident;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.notification.DeliveryChannel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The bodies of the announcement commands, one method per command of {@code Announcements}
 * (which documents them): access, status and content checks, the events each records.
 *
 * <p>Thread-safe: every command runs with the store's writes held.
 */
public final class AnnouncementCommands {

  /** The prefix of announcement ids from the kernel's id generator: {@code ANN-000001, ...}. */
  public static final String ID_PREFIX = "ANN";

  private final Kernel kernel;
  private final AnnouncementStore store;
  private final Checks checks;
  private final AnnouncementPolicy policy;
  private final Set<String> languages;
  private final Supplier<String> ids;

  /**
   * Creates the commands.
   *
   * @param kernel clock, access policy and the terms of {@link ApprovalSubject.Kind#ANNOUNCEMENT}
   * @param store the write path
   * @param checks the content checks
   * @param policy who approves, what lead time
   * @param languages the languages texts may be written in
   * @param ids new announcement ids
   */
  public AnnouncementCommands(Kernel kernel, AnnouncementStore store, Checks checks,
      AnnouncementPolicy policy, Set<String> languages, Supplier<String> ids) {
    this.kernel = Objects.requireNonNull(kernel, "kernel");
    this.store = Objects.requireNonNull(store, "store");
    this.checks = Objects.requireNonNull(checks, "checks");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.languages = Set.copyOf(languages);
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /** {@code Announcements.draft}. */
  public Announcement draft(Actor actor, AnnouncementContent content) {
    Objects.requireNonNull(content, "content");
    return write(actor, Permission.ANNOUNCEMENT_DRAFT, () -> {
      List<String> reach = checks.content(null, content);
      return store.commit(null, List.of(new AnnouncementDrafted(ids.get(), 1,
          kernel.clock().instant(), actor.id(), content, reach)));
    });
  }

  /** {@code Announcements.draftForIncident}. */
  public Announcement draftForIncident(Actor actor, Incident incident, String contact, ZoneId zone,
      String preferredLanguage) {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(zone, "zone");
    if (incident.service().isEmpty() && incident.configurationItem().isEmpty()) {
      throw new ValidationException("incident " + incident.id() + " names no service or"
          + " configuration item, so an announcement cannot say what is down; draft it by hand");
    }
    String lang = languages.contains(preferredLanguage) ? preferredLanguage
        : new TreeSet<>(languages).first();
    AnnouncementText text = new AnnouncementText("Unplanned outage: " + incident.title(),
        incident.description().isBlank() ? incident.title() : incident.description(),
        "the service is unavailable or disturbed", "");
    AnnouncementContent content = new AnnouncementContent(AnnouncementKind.UNPLANNED_OUTAGE,
        incident.service().map(Set::of).orElse(Set.of()),
        incident.configurationItem().map(Set::of).orElse(Set.of()),
        OutageWindow.from(incident.openedAt(), zone), contact,
        EnumSet.of(DeliveryChannel.EMAIL, DeliveryChannel.PORTAL), lang, Map.of(lang, text),
        Optional.of(incident.id()));
    return draft(actor, content);
  }

  /** {@code Announcements.revise}. */
  public Announcement revise(Actor actor, String id, AnnouncementContent content,
      String whatChanged) {
    Objects.requireNonNull(content, "content");
    String what = text("whatChanged", whatChanged);
    return write(actor, null, () -> {
      Announcement a = store.load(id);
      Permission needed = a.status() == AnnouncementStatus.PUBLISHED
          ? Permission.ANNOUNCEMENT_PUBLISH : Permission.ANNOUNCEMENT_DRAFT;
      kernel.accessPolicy().check(actor, needed, Optional.empty());
      state(a, "revise", "submit or publish it again",
          AnnouncementStatus.DRAFT, AnnouncementStatus.PUBLISHED);
      if (content.equals(a.content())) {
        throw new ValidationException("the revision of announcement " + id + " changes nothing");
      }
      if (a.status() == AnnouncementStatus.PUBLISHED && content.kind() != a.content().kind()) {
        throw new ValidationException("the kind of published announcement " + id + " is "
            + a.content().kind() + " and cannot change to " + content.kind()
            + "; end it and draft another");
      }
      List<String> reach = checks.content(a, content);
      return store.commit(a, List.of(new AnnouncementRevised(id, a.version() + 1, store.now(a),
          actor.id(), content, reach, a.revision() + 1, what,
          content.window().extendsBeyond(a.content().window()))));
    });
  }

  /** {@code Announcements.submit}: approval stages by the policy, expiry by the kernel's terms. */
  public Announcement submit(Actor actor, String id) {
    return write(actor, Permission.ANNOUNCEMENT_DRAFT, () -> {
      Announcement a = store.load(id);
      state(a, "submit", "", AnnouncementStatus.DRAFT);
      checks.overlap(a, a.content(), a.reach());
      PublishingRequirements req = Objects.requireNonNull(
          policy.requirementsFor(a, checks.reachOf(a.content(), a.reach())),
          "publishing requirements");
      Instant now = store.now(a);
      Checks.leadTime(a, req.leadTime(), now, String.join("; ", req.reasons()));
      Approval approval = kernel.approvalTerms(ApprovalSubject.Kind.ANNOUNCEMENT)
          .withStages(req.stages())
          .request(id + "-APR-" + (a.version() + 1),
              new ApprovalSubject(ApprovalSubject.Kind.ANNOUNCEMENT, id), actor.id(), now);
      return store.commit(a, List.of(new AnnouncementSubmitted(id, a.version() + 1, now,
          actor.id(), approval, req.leadTime(), req.reasons())));
    });
  }

  /** {@code Announcements.decide}. */
  public Announcement decide(Actor actor, String id, Verdict verdict, String comment) {
    Objects.requireNonNull(verdict, "verdict");
    String c = comment == null ? "" : comment;
    return write(actor, Permission.DECIDE_APPROVAL, () -> {
      Announcement a = store.load(id);
      state(a, "decide", "submit it first", AnnouncementStatus.PENDING_APPROVAL);
      Instant now = store.now(a);
      return store.commit(a, List.of(new AnnouncementApprovalDecided(id, a.version() + 1, now,
          actor.id(), a.approval().orElseThrow().decide(actor, verdict, c, now), verdict, c)));
    });
  }

  /** {@code Announcements.publish}. */
  public Announcement publish(Actor actor, String id) {
    return write(actor, Permission.ANNOUNCEMENT_PUBLISH, () -> {
      Announcement a = store.load(id);
      state(a, "publish", switch (a.status()) {
        case DRAFT -> "submit it for approval first";
        case PENDING_APPROVAL -> "its approval is not complete";
        default -> "";
      }, AnnouncementStatus.APPROVED);
      Instant now = store.now(a);
      Checks.leadTime(a, a.leadTime(), now, "the lead time decided when it was submitted");
      return store.commit(a, List.of(new AnnouncementPublished(id, a.version() + 1, now,
          actor.id())));
    });
  }

  /** {@code Announcements.end}. */
  public Announcement end(Actor actor, String id, String note) {
    String n = note == null ? "" : note;
    return write(actor, Permission.ANNOUNCEMENT_PUBLISH, () -> {
      Announcement a = store.load(id);
      state(a, "end", "", AnnouncementStatus.PUBLISHED);
      return store.commit(a, List.of(new AnnouncementEnded(id, a.version() + 1, store.now(a),
          actor.id(), n)));
    });
  }

  /** {@code Announcements.archive}. */
  public Announcement archive(Actor actor, String id) {
    return write(actor, Permission.ANNOUNCEMENT_PUBLISH, () -> {
      Announcement a = store.load(id);
      state(a, "archive", "end it first", AnnouncementStatus.ENDED);
      return store.commit(a, List.of(new AnnouncementArchived(id, a.version() + 1, store.now(a),
          actor.id())));
    });
  }

  /** {@code Announcements.cancel}. */
  public Announcement cancel(Actor actor, String id, String reason) {
    String r = text("reason", reason);
    return write(actor, Permission.ANNOUNCEMENT_PUBLISH, () -> {
      Announcement a = store.load(id);
      state(a, "cancel", a.status() == AnnouncementStatus.PUBLISHED ? "end it instead" : "",
          AnnouncementStatus.DRAFT, AnnouncementStatus.PENDING_APPROVAL,
          AnnouncementStatus.APPROVED);
      return store.commit(a, List.of(new AnnouncementCancelled(id, a.version() + 1, store.now(a),
          actor.id(), r)));
    });
  }

  /** {@code Announcements.giveFeedback}. */
  public Announcement giveFeedback(Actor actor, String id, boolean helpful, String comment) {
    String c = comment == null ? "" : comment;
    return write(actor, null, () -> {
      Announcement a = store.load(id);
      state(a, "giveFeedback", "", AnnouncementStatus.PUBLISHED, AnnouncementStatus.ENDED,
          AnnouncementStatus.ARCHIVED);
      if (a.feedback().stream().anyMatch(f -> f.userId().equals(actor.id()))) {
        throw new ValidationException("user " + actor.id()
            + " already gave feedback on announcement " + id);
      }
      Instant now = store.now(a);
      return store.commit(a, List.of(new FeedbackGiven(id, a.version() + 1, now, actor.id(),
          new Feedback(actor.id(), now, helpful, c))));
    });
  }

  /** {@code Announcements.linkIncident}. */
  public Announcement linkIncident(String id, String incidentId) {
    Objects.requireNonNull(incidentId, "incidentId");
    Actor system = Actor.system();
    return write(system, null, () -> {
      Announcement a = store.load(id);
      state(a, "linkIncident", "", AnnouncementStatus.PUBLISHED);
      if (a.linkedIncidents().contains(incidentId)) {
        return a;
      }
      return store.commit(a, List.of(new IncidentLinked(id, a.version() + 1, store.now(a),
          system.id(), incidentId)));
    });
  }

  // ---------------------------------------------------------------- machinery

  private <T> T write(Actor actor, Permission permission, Supplier<T> command) {
    Objects.requireNonNull(actor, "actor");
    if (permission != null) {
      kernel.accessPolicy().check(actor, permission, Optional.empty());
    }
    return store.write(command);
  }

  private static String text(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new ValidationException(what + " must not be blank");
    }
    return value;
  }
}
