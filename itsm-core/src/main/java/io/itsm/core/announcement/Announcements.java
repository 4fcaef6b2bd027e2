package io.itsm.core.announcement;

import io.itsm.core.RecordNotFoundException;
import io.itsm.core.RecordStateException;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.access.RoleBasedAccessPolicy;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.announcement.internal.Checks;
import io.itsm.core.approval.Verdict;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.cmdb.ImpactAnalysis;
import io.itsm.core.incident.Incident;
import io.itsm.core.notification.DeliveryChannel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announcements of outages, maintenance, upgrades and new features: drafted in several languages,
 * approved before publishing (the approvers and a lead time for planned events decided by an
 * {@link AnnouncementPolicy}), updated while they last, ended, archived and searchable; users give
 * feedback; while one is active, tickets about the services it reaches are linked to it ({@link
 * AnnouncementLinker}) and triage rules see it.
 *
 * <pre>{@code
 * Announcements announcements = Announcements.builder().cmdb(cmdb).build();
 * Announcement a = announcements.draft(agent, content);          // DRAFT
 * announcements.submit(agent, a.id());                           // PENDING_APPROVAL
 * announcements.decide(manager, a.id(), Verdict.APPROVE, "");    // APPROVED
 * announcements.publish(lead, a.id());                           // PUBLISHED: users are told
 * announcements.end(lead, a.id(), "the shop works again");       // ENDED
 * announcements.archive(lead, a.id());                           // ARCHIVED
 * }</pre>
 *
 * <p>Bad input changes nothing and says what to fix: a language outside {@link #languages()}, a
 * window ending before it starts, a window overlapping another open announcement of the same
 * services, an unknown configuration item or service (with a CMDB), publishing what is not
 * approved, publishing a planned event later than its lead time allows.
 *
 * <p>Access: drafting needs {@link Permission#ANNOUNCEMENT_DRAFT}; publishing, revising a published
 * announcement, ending, archiving and cancelling need {@link Permission#ANNOUNCEMENT_PUBLISH};
 * approving needs {@link Permission#DECIDE_APPROVAL} and being an approver. Everyone sees published,
 * ended and archived announcements and may give feedback; only drafters see the others.
 *
 * <p>Thread-safe, provided the repository, policy and listeners are. Writes are serialized (the
 * overlap check sees every open announcement).
 */
public final class Announcements {

  /** The languages announcements may be written in by default. */
  public static final List<String> DEFAULT_LANGUAGES = List.of("en", "de", "sv", "es", "fr");

  private static final Logger LOG = LoggerFactory.getLogger(Announcements.class);
  private static final String KIND = "announcement";

  private final Clock clock;
  private final AccessPolicy access;
  private final AnnouncementRepository repository;
  private final AnnouncementPolicy policy;
  private final Optional<Cmdb> cmdb;
  private final Set<String> languages;
  private final Supplier<String> ids;
  private final List<AnnouncementListener> listeners;
  private final Object writes = new Object();
  private final Checks checks;
  private volatile List<Announcement> published;

  private Announcements(Builder b) {
    this.clock = b.clock;
    this.access = b.accessPolicy;
    this.repository = b.repository == null ? new InMemoryAnnouncementRepository() : b.repository;
    this.policy = b.policy;
    this.cmdb = Optional.ofNullable(b.cmdb);
    this.languages = Set.copyOf(b.languages);
    this.listeners = List.copyOf(b.listeners);
    if (b.ids != null) {
      this.ids = b.ids;
    } else {
      AtomicLong next = new AtomicLong();
      this.ids = () -> String.format("ANN-%06d", next.incrementAndGet());
    }
    this.checks = new Checks(repository, cmdb, languages);
    this.published = repository.find(AnnouncementQuery.all().withStatuses(Set.of(AnnouncementStatus.PUBLISHED)));
  }

  /**
   * Starts configuring announcements: the UTC system clock, {@link
   * RoleBasedAccessPolicy#defaults()}, an in-memory repository, {@link
   * AnnouncementPolicy#defaults()}, {@link #DEFAULT_LANGUAGES}, no CMDB, ids {@code ANN-000001, ...}.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- drafting

  /**
   * Drafts an announcement.
   *
   * @param actor who drafts it (needs {@link Permission#ANNOUNCEMENT_DRAFT})
   * @param content what it says
   * @return the announcement, DRAFT, revision 1
   * @throws ValidationException if a language is not supported or the window overlaps another open
   *     announcement of the same services
   * @throws RecordNotFoundException if (with a CMDB) an item or service does not exist
   */
  public Announcement draft(Actor actor, AnnouncementContent content) {
    Objects.requireNonNull(content, "content");
    return write(actor, Permission.ANNOUNCEMENT_DRAFT, () -> {
      List<String> reach = checks.content(null, content);
      return commit(null, List.of(new AnnouncementDrafted(ids.get(), 1, clock.instant(), actor.id(),
          content, reach)));
    });
  }

  /**
   * Drafts an unplanned-outage announcement for a major incident: the incident's service and
   * configuration item (and, with a CMDB, the services its failure reaches), a window from when the
   * incident was opened, the incident's title and description as the text in the default language,
   * on e-mail and the portal. Revise it to add languages and a workaround before submitting.
   *
   * @param actor who drafts it (needs {@link Permission#ANNOUNCEMENT_DRAFT})
   * @param incident the major incident
   * @param contact whom users contact
   * @param zone the zone in which users see times
   * @return the draft
   * @throws ValidationException if the incident names neither a service nor an item
   */
  public Announcement draftForIncident(Actor actor, Incident incident, String contact, ZoneId zone) {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(zone, "zone");
    if (incident.service().isEmpty() && incident.configurationItem().isEmpty()) {
      throw new ValidationException("incident " + incident.id() + " names no service or configuration"
          + " item, so an announcement cannot say what is down; draft it by hand");
    }
    String lang = DEFAULT_LANGUAGES.get(0);
    String defaultLanguage = languages.contains(lang) ? lang : new TreeSet<>(languages).first();
    AnnouncementText text = new AnnouncementText("Unplanned outage: " + incident.title(),
        incident.description().isBlank() ? incident.title() : incident.description(),
        "the service is unavailable or disturbed", "");
    AnnouncementContent content = new AnnouncementContent(AnnouncementKind.UNPLANNED_OUTAGE,
        incident.service().map(Set::of).orElse(Set.of()),
        incident.configurationItem().map(Set::of).orElse(Set.of()),
        OutageWindow.from(incident.openedAt(), zone), contact,
        EnumSet.of(DeliveryChannel.EMAIL, DeliveryChannel.PORTAL), defaultLanguage,
        Map.of(defaultLanguage, text), Optional.of(incident.id()));
    return draft(actor, content);
  }

  /**
   * Changes the content: a new revision recording what changed. A draft may be revised by its
   * drafters; a published announcement (an update while the event lasts) by publishers, and when
   * its window now ends later, its audience is told again.
   *
   * @param actor who revises it
   * @param id the announcement
   * @param content the new content; its kind may change only in a draft
   * @param whatChanged what changed, not blank ("window extended to 14:00")
   * @return the announcement after the revision
   * @throws RecordStateException if it is neither DRAFT nor PUBLISHED
   * @throws ValidationException as for {@link #draft}, or if nothing changed
   */
  public Announcement revise(Actor actor, String id, AnnouncementContent content, String whatChanged) {
    Objects.requireNonNull(content, "content");
    String what = text("whatChanged", whatChanged);
    return write(actor, null, () -> {
      Announcement a = load(id);
      Permission needed = a.status() == AnnouncementStatus.PUBLISHED ? Permission.ANNOUNCEMENT_PUBLISH
          : Permission.ANNOUNCEMENT_DRAFT;
      access.check(actor, needed, Optional.empty());
      state(a, "revise", "submit or publish it again",
          AnnouncementStatus.DRAFT, AnnouncementStatus.PUBLISHED);
      if (content.equals(a.content())) {
        throw new ValidationException("the revision of announcement " + id + " changes nothing");
      }
      if (a.status() == AnnouncementStatus.PUBLISHED && content.kind() != a.content().kind()) {
        throw new ValidationException("the kind of published announcement " + id + " is "
            + a.content().kind() + " and cannot change to " + content.kind() + "; end it and draft another");
      }
      List<String> reach = checks.content(a, content);
      return commit(a, List.of(new AnnouncementRevised(id, a.version() + 1, now(a), actor.id(), content,
          reach, a.revision() + 1, what, content.window().extendsBeyond(a.content().window()))));
    });
  }

  // ---------------------------------------------------------------- approval and publishing

  /**
   * Submits a draft for approval: the policy decides the approvers and the lead time, recorded with
   * the reasons. A planned event already too close for its lead time is refused now.
   *
   * @param actor who submits (needs {@link Permission#ANNOUNCEMENT_DRAFT})
   * @param id the announcement
   * @return the announcement, PENDING_APPROVAL
   * @throws RecordStateException if it is not a DRAFT
   * @throws ValidationException if its window overlaps another open announcement, or it is too late
   *     for the lead time
   */
  public Announcement submit(Actor actor, String id) {
    return write(actor, Permission.ANNOUNCEMENT_DRAFT, () -> {
      Announcement a = load(id);
      state(a, "submit", "", AnnouncementStatus.DRAFT);
      checks.overlap(a, a.content(), a.reach());
      PublishingRequirements req = Objects.requireNonNull(
          policy.requirementsFor(a, checks.reachOf(a.content(), a.reach())), "publishing requirements");
      Instant now = now(a);
      Checks.leadTime(a, req.leadTime(), now, String.join("; ", req.reasons()));
      Approval approval = Approval.request(id + "-APR-" + (a.version() + 1), new ApprovalSubject(
          ApprovalSubject.Kind.ANNOUNCEMENT, id), req.stages(), actor.id(), now, Optional.empty());
      return commit(a, List.of(new AnnouncementSubmitted(id, a.version() + 1, now, actor.id(), approval,
          req.leadTime(), req.reasons())));
    });
  }

  /**
   * Records an approver's decision: complete approval makes it APPROVED; a rejection (with a
   * comment) sends it back to DRAFT.
   *
   * @param actor an approver of the current stage (needs {@link Permission#DECIDE_APPROVAL})
   * @param id the announcement
   * @param verdict approve or reject
   * @param comment why; required when rejecting
   * @return the announcement after the decision
   * @throws RecordStateException if it is not PENDING_APPROVAL
   * @throws io.itsm.core.approval.NotAnApproverException if the actor may not decide this stage
   */
  public Announcement decide(Actor actor, String id, Verdict verdict, String comment) {
    Objects.requireNonNull(verdict, "verdict");
    String c = comment == null ? "" : comment;
    return write(actor, Permission.DECIDE_APPROVAL, () -> {
      Announcement a = load(id);
      state(a, "decide", "submit it first", AnnouncementStatus.PENDING_APPROVAL);
      Instant now = now(a);
      return commit(a, List.of(new AnnouncementApprovalDecided(id, a.version() + 1, now, actor.id(),
          a.approval().orElseThrow().decide(actor, verdict, c, now), verdict, c)));
    });
  }

  /**
   * Publishes an approved announcement: users see it and are told through its channels.
   *
   * @param actor who publishes (needs {@link Permission#ANNOUNCEMENT_PUBLISH})
   * @param id the announcement
   * @return the announcement, PUBLISHED
   * @throws RecordStateException if it is not APPROVED (a draft must be submitted and approved)
   * @throws ValidationException if a planned event's lead time has run out
   */
  public Announcement publish(Actor actor, String id) {
    return write(actor, Permission.ANNOUNCEMENT_PUBLISH, () -> {
      Announcement a = load(id);
      state(a, "publish", switch (a.status()) {
        case DRAFT -> "submit it for approval first";
        case PENDING_APPROVAL -> "its approval is not complete";
        default -> "";
      }, AnnouncementStatus.APPROVED);
      Instant now = now(a);
      Checks.leadTime(a, a.leadTime(), now, "the lead time decided when it was submitted");
      return commit(a, List.of(new AnnouncementPublished(id, a.version() + 1, now, actor.id())));
    });
  }

  /**
   * Ends a published announcement: the event is over, users are told.
   *
   * @param actor who ends it (needs {@link Permission#ANNOUNCEMENT_PUBLISH})
   * @param id the announcement
   * @param note what to tell users, maybe empty
   * @return the announcement, ENDED
   * @throws RecordStateException if it is not PUBLISHED
   */
  public Announcement end(Actor actor, String id, String note) {
    String n = note == null ? "" : note;
    return write(actor, Permission.ANNOUNCEMENT_PUBLISH, () -> {
      Announcement a = load(id);
      state(a, "end", "", AnnouncementStatus.PUBLISHED);
      return commit(a, List.of(new AnnouncementEnded(id, a.version() + 1, now(a), actor.id(), n)));
    });
  }

  /**
   * Files an ended announcement in the archive.
   *
   * @param actor who archives it (needs {@link Permission#ANNOUNCEMENT_PUBLISH})
   * @param id the announcement
   * @return the announcement, ARCHIVED
   * @throws RecordStateException if it is not ENDED
   */
  public Announcement archive(Actor actor, String id) {
    return write(actor, Permission.ANNOUNCEMENT_PUBLISH, () -> {
      Announcement a = load(id);
      state(a, "archive", "end it first", AnnouncementStatus.ENDED);
      return commit(a, List.of(new AnnouncementArchived(id, a.version() + 1, now(a), actor.id())));
    });
  }

  /**
   * Withdraws an announcement that is not published.
   *
   * @param actor who cancels (needs {@link Permission#ANNOUNCEMENT_PUBLISH})
   * @param id the announcement
   * @param reason why, not blank
   * @return the announcement, CANCELLED
   * @throws RecordStateException if it is published or over
   */
  public Announcement cancel(Actor actor, String id, String reason) {
    String r = text("reason", reason);
    return write(actor, Permission.ANNOUNCEMENT_PUBLISH, () -> {
      Announcement a = load(id);
      state(a, "cancel", a.status() == AnnouncementStatus.PUBLISHED ? "end it instead" : "",
          AnnouncementStatus.DRAFT, AnnouncementStatus.PENDING_APPROVAL, AnnouncementStatus.APPROVED);
      return commit(a, List.of(new AnnouncementCancelled(id, a.version() + 1, now(a), actor.id(), r)));
    });
  }

  // ---------------------------------------------------------------- users and incidents

  /**
   * Records a user's feedback on a published, ended or archived announcement; once per user.
   *
   * @param actor the user
   * @param id the announcement
   * @param helpful whether it helped
   * @param comment what the user says, maybe empty
   * @return the announcement after the feedback
   * @throws RecordStateException if it is not published yet or was cancelled
   * @throws ValidationException if the user already gave feedback on it
   */
  public Announcement giveFeedback(Actor actor, String id, boolean helpful, String comment) {
    String c = comment == null ? "" : comment;
    return write(actor, null, () -> {
      Announcement a = load(id);
      state(a, "giveFeedback", "", AnnouncementStatus.PUBLISHED, AnnouncementStatus.ENDED,
          AnnouncementStatus.ARCHIVED);
      if (a.feedback().stream().anyMatch(f -> f.userId().equals(actor.id()))) {
        throw new ValidationException("user " + actor.id() + " already gave feedback on announcement " + id);
      }
      Instant now = now(a);
      return commit(a, List.of(new FeedbackGiven(id, a.version() + 1, now, actor.id(),
          new Feedback(actor.id(), now, helpful, c))));
    });
  }

  /**
   * Records that an incident was linked to an active announcement (by {@link AnnouncementLinker}).
   * Linking an incident twice changes nothing.
   *
   * @param id the announcement
   * @param incidentId the incident
   * @return the announcement after the link
   * @throws RecordStateException if it is not PUBLISHED
   */
  public Announcement linkIncident(String id, String incidentId) {
    Objects.requireNonNull(incidentId, "incidentId");
    Actor system = Actor.system();
    return write(system, null, () -> {
      Announcement a = load(id);
      state(a, "linkIncident", "", AnnouncementStatus.PUBLISHED);
      if (a.linkedIncidents().contains(incidentId)) {
        return a;
      }
      return commit(a, List.of(new IncidentLinked(id, a.version() + 1, now(a), system.id(), incidentId)));
    });
  }

  // ---------------------------------------------------------------- queries

  /**
   * Returns an announcement. Drafts, pending, approved and cancelled ones need {@link
   * Permission#ANNOUNCEMENT_DRAFT}.
   *
   * @param actor who asks
   * @param id the announcement
   * @return the announcement
   * @throws RecordNotFoundException if there is none (or the actor may not see it)
   */
  public Announcement get(Actor actor, String id) {
    Objects.requireNonNull(actor, "actor");
    Announcement a = load(id);
    if (!visible(actor, a)) {
      throw new RecordNotFoundException(KIND, id, "");
    }
    return a;
  }

  /**
   * Searches announcements (the archive among them), newest window first; the actor sees what
   * {@link #get} would show.
   *
   * @param actor who asks
   * @param query the criteria
   * @return the announcements
   */
  public List<Announcement> search(Actor actor, AnnouncementQuery query) {
    Objects.requireNonNull(actor, "actor");
    return repository.find(Objects.requireNonNull(query, "query")).stream()
        .filter(a -> visible(actor, a)).toList();
  }

  /**
   * Returns an announcement's history; as {@link #get} for access.
   *
   * @param actor who asks
   * @param id the announcement
   * @return the events, oldest first
   */
  public List<AnnouncementEvent> history(Actor actor, String id) {
    get(actor, id);
    return repository.history(id);
  }

  /**
   * Returns the announcements active at an instant: published, and their window has started.
   * Public information: no actor needed.
   *
   * @param at the instant
   * @return the active announcements, newest window first
   */
  public List<Announcement> active(Instant at) {
    Objects.requireNonNull(at, "at");
    return published.stream().filter(a -> a.isActiveAt(at)).toList();
  }

  /**
   * Returns the announcements active at an instant that concern a ticket's service or
   * configuration item: the announcement reaches the service, or concerns the item, or (with a
   * CMDB) reaches a service the item's or service's failure reaches.
   *
   * @param service the ticket's service, or {@code null}
   * @param ci the ticket's configuration item, or {@code null}
   * @param at the instant
   * @return the matching active announcements, newest window first
   */
  public List<Announcement> activeFor(String service, String ci, Instant at) {
    Objects.requireNonNull(at, "at");
    List<Announcement> active = active(at);
    if (active.isEmpty() || service == null && ci == null) {
      return List.of();
    }
    Optional<ImpactAnalysis> viaCi = Optional.empty();
    Optional<ImpactAnalysis> viaService = Optional.empty();
    if (cmdb.isPresent()) {
      viaCi = ci == null ? viaCi : cmdb.get().impactIfKnown(Actor.system(), ci);
      viaService = service == null ? viaService : cmdb.get().impactIfKnown(Actor.system(), service);
    }
    List<Announcement> out = new ArrayList<>(1);
    for (Announcement a : active) {
      if (Checks.concerns(a, service, ci, viaCi, viaService)) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * Returns the languages announcements may be written in.
   *
   * @return the language codes
   */
  public Set<String> languages() {
    return languages;
  }

  /**
   * Returns the clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  // ---------------------------------------------------------------- checks

  private void state(Announcement a, String command, String hint, AnnouncementStatus... legal) {
    for (AnnouncementStatus s : legal) {
      if (a.status() == s) {
        return;
      }
    }
    throw new RecordStateException(KIND, a.id(), a.status().name(), command,
        java.util.Arrays.stream(legal).map(Enum::name).collect(Collectors.joining(" or ")), hint);
  }

  private boolean visible(Actor actor, Announcement a) {
    return switch (a.status()) {
      case PUBLISHED, ENDED, ARCHIVED -> true;
      default -> access.permits(actor, Permission.ANNOUNCEMENT_DRAFT, Optional.empty());
    };
  }

  // ---------------------------------------------------------------- machinery

  private <T> T write(Actor actor, Permission permission, Supplier<T> command) {
    Objects.requireNonNull(actor, "actor");
    if (permission != null) {
      access.check(actor, permission, Optional.empty());
    }
    synchronized (writes) {
      return command.get();
    }
  }

  private Announcement load(String id) {
    Objects.requireNonNull(id, "id");
    return repository.find(id).orElseThrow(() -> new RecordNotFoundException(KIND, id, ""));
  }

  private Instant now(Announcement a) {
    Instant now = clock.instant();
    return now.isBefore(a.updatedAt()) ? a.updatedAt() : now;
  }

  private static String text(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new ValidationException(what + " must not be blank");
    }
    return value;
  }

  private Announcement commit(Announcement before, List<AnnouncementEvent> events) {
    Announcement state = before;
    for (AnnouncementEvent e : events) {
      state = AnnouncementHistory.apply(state, e);
    }
    repository.append(before == null ? 0 : before.version(), events, state);
    if (state.status() == AnnouncementStatus.PUBLISHED
        || before != null && before.status() == AnnouncementStatus.PUBLISHED) {
      published = repository.find(AnnouncementQuery.all().withStatuses(Set.of(AnnouncementStatus.PUBLISHED)));
    }
    for (AnnouncementEvent e : events) {
      for (AnnouncementListener l : listeners) {
        try {
          l.onEvent(e, state);
        } catch (RuntimeException ex) {
          LOG.warn("announcement listener {} failed on {} #{} of {}; the change is stored", l, e.type(),
              e.sequence(), e.announcementId(), ex);
        }
      }
    }
    return state;
  }

  /**
   * Configures {@link Announcements}. Not thread-safe.
   */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private AccessPolicy accessPolicy = RoleBasedAccessPolicy.defaults();
    private AnnouncementRepository repository;
    private AnnouncementPolicy policy = AnnouncementPolicy.defaults();
    private Cmdb cmdb;
    private Set<String> languages = new LinkedHashSet<>(DEFAULT_LANGUAGES);
    private Supplier<String> ids;
    private final List<AnnouncementListener> listeners = new ArrayList<>();

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
     * Sets the access policy.
     *
     * @param accessPolicy the policy
     * @return this builder
     */
    public Builder accessPolicy(AccessPolicy accessPolicy) {
      this.accessPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy");
      return this;
    }

    /**
     * Sets where announcements are stored.
     *
     * @param repository the repository
     * @return this builder
     */
    public Builder repository(AnnouncementRepository repository) {
      this.repository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * Sets who approves and what lead time planned events need, for example {@code
     * AnnouncementEngine.withDefaults()} of itsm-rules.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(AnnouncementPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the CMDB: announced items and services must exist in it, an announcement reaches the
     * services its items' failure reaches, and tickets match through the graph.
     *
     * @param cmdb the CMDB
     * @return this builder
     */
    public Builder cmdb(Cmdb cmdb) {
      this.cmdb = Objects.requireNonNull(cmdb, "cmdb");
      return this;
    }

    /**
     * Sets the languages announcements may be written in.
     *
     * @param languages ISO 639-1 codes, not empty
     * @return this builder
     * @throws ValidationException if empty
     */
    public Builder languages(Set<String> languages) {
      if (Objects.requireNonNull(languages, "languages").isEmpty()) {
        throw new ValidationException("languages must not be empty");
      }
      this.languages = new LinkedHashSet<>(languages);
      return this;
    }

    /**
     * Sets how ids are made; they must be unique in the repository.
     *
     * @param ids a thread-safe supplier of fresh ids
     * @return this builder
     */
    public Builder idGenerator(Supplier<String> ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * Adds a listener, for example {@code notifications.announcementListener()}.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(AnnouncementListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds.
     *
     * @return the announcements
     */
    public Announcements build() {
      return new Announcements(this);
    }
  }
}
