package io.itsm.core.announcement;

import io.itsm.core.RecordNotFoundException;
import io.itsm.core.RecordStateException;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.access.RoleBasedAccessPolicy;
import io.itsm.core.announcement.internal.AnnouncementCommands;
import io.itsm.core.announcement.internal.AnnouncementParts;
import io.itsm.core.approval.Verdict;
import io.itsm.core.cmdb.Cmdb;
import io.itsm.core.incident.Incident;
import io.itsm.core.kernel.Kernel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

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
 * <p>A practice of the desk on its {@link Kernel}: clock, access policy, ids {@code ANN-000001,
 * ...}, the store of {@link AnnouncementRepository}, and the approval's expiry from the kernel's
 * terms of {@link io.itsm.core.approval.ApprovalSubject.Kind#ANNOUNCEMENT} (the stages come from
 * the {@link AnnouncementPolicy}). Listeners hear each announcement's events in order ({@link
 * AnnouncementListener}).
 *
 * <p>Thread-safe, provided the repository, policy and listeners are. Writes are serialized (the
 * overlap check sees every open announcement).
 */
public final class Announcements {

  /** The languages announcements may be written in by default. */
  public static final List<String> DEFAULT_LANGUAGES = List.of("en", "de", "sv", "es", "fr");

  private final AnnouncementParts parts;

  private Announcements(Builder b) {
    Kernel k = b.kernel;
    if (b.clock != null) {
      k = k.withClock(b.clock);
    }
    if (b.accessPolicy != null) {
      k = k.withAccessPolicy(b.accessPolicy);
    }
    AnnouncementRepository repository = b.repository != null ? b.repository
        : k.stores().find(AnnouncementRepository.class)
            .orElseGet(InMemoryAnnouncementRepository::new);
    Kernel kk = k;
    Supplier<String> ids = b.ids != null ? b.ids
        : repository.announcementIds()
            .orElse(() -> kk.ids().next(AnnouncementCommands.ID_PREFIX));
    this.parts = AnnouncementParts.of(k, repository, b.policy, Optional.ofNullable(b.cmdb),
        b.languages, ids, List.copyOf(b.listeners));
  }

  /**
   * Starts configuring announcements: {@link Kernel#ofDefaults()} (the UTC system clock, {@link
   * RoleBasedAccessPolicy#defaults()}, ids {@code ANN-000001, ...}), the kernel's store of {@link
   * AnnouncementRepository} else an in-memory one, {@link AnnouncementPolicy#defaults()}, {@link
   * #DEFAULT_LANGUAGES}, no CMDB.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

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
    return parts.commands().draft(actor, content);
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
    return parts.commands().draftForIncident(actor, incident, contact, zone, DEFAULT_LANGUAGES.get(0));
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
    return parts.commands().revise(actor, id, content, whatChanged);
  }

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
    return parts.commands().submit(actor, id);
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
   * @throws io.itsm.core.approval.ApprovalExpiredException if the approval is past its due time
   */
  public Announcement decide(Actor actor, String id, Verdict verdict, String comment) {
    return parts.commands().decide(actor, id, verdict, comment);
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
    return parts.commands().publish(actor, id);
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
    return parts.commands().end(actor, id, note);
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
    return parts.commands().archive(actor, id);
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
    return parts.commands().cancel(actor, id, reason);
  }

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
    return parts.commands().giveFeedback(actor, id, helpful, comment);
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
    return parts.commands().linkIncident(id, incidentId);
  }

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
    return parts.reads().get(actor, id);
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
    return parts.reads().search(actor, query);
  }

  /**
   * Returns an announcement's history; as {@link #get} for access.
   *
   * @param actor who asks
   * @param id the announcement
   * @return the events, oldest first
   */
  public List<AnnouncementEvent> history(Actor actor, String id) {
    return parts.reads().history(actor, id);
  }

  /**
   * Rereads the published announcements from the repository. {@link #active} and {@link
   * #activeFor} (and so triage) answer from a list of the published announcements kept in memory,
   * read from the repository's status index when built and after each of this instance's
   * commands that publishes or ends one; call this (on a schedule, or when told) to see what
   * another application instance published or ended in a shared store.
   *
   * <p>Thread-safe: waits for a command in progress.
   */
  public void reloadPublished() {
    parts.store().reloadPublished();
  }

  /**
   * Returns the announcements active at an instant: published, and their window has started.
   * Public information: no actor needed.
   *
   * @param at the instant
   * @return the active announcements, newest window first
   */
  public List<Announcement> active(Instant at) {
    return parts.reads().active(at);
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
    return parts.reads().activeFor(service, ci, at);
  }

  /**
   * Returns the languages announcements may be written in.
   *
   * @return the language codes
   */
  public Set<String> languages() {
    return parts.languages();
  }

  /**
   * Returns the clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return parts.kernel().clock();
  }

  /**
   * Returns the kernel these announcements run on (with their own clock and access policy, if
   * set).
   *
   * @return the kernel
   */
  public Kernel kernel() {
    return parts.kernel();
  }

  /**
   * Configures {@link Announcements}. Like the desk's builder: the {@link #kernel kernel} holds
   * what the desk's practices share; {@link #clock} and {@link #accessPolicy} change it for these
   * announcements only; {@link #repository} and {@link #idGenerator} take the place of the
   * kernel's store and ids.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private Kernel kernel = Kernel.ofDefaults();
    private Clock clock;
    private AccessPolicy accessPolicy;
    private AnnouncementRepository repository;
    private AnnouncementPolicy policy = AnnouncementPolicy.defaults();
    private Cmdb cmdb;
    private Set<String> languages = new LinkedHashSet<>(DEFAULT_LANGUAGES);
    private Supplier<String> ids;
    private final List<AnnouncementListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the kernel the announcements share with the desk's other practices: clock, access
     * policy, ids, approval terms, stores.
     *
     * @param kernel the kernel; default {@link Kernel#ofDefaults()}
     * @return this builder
     */
    public Builder kernel(Kernel kernel) {
      this.kernel = Objects.requireNonNull(kernel, "kernel");
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
     * Sets the access policy.
     *
     * @param accessPolicy the policy; default the kernel's
     * @return this builder
     */
    public Builder accessPolicy(AccessPolicy accessPolicy) {
      this.accessPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy");
      return this;
    }

    /**
     * Sets where announcements are stored.
     *
     * @param repository the repository; default the kernel's store of {@link
     *     AnnouncementRepository}, else a new in-memory one
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
     * @param policy the policy; default {@link AnnouncementPolicy#defaults()}
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
     * @param ids a thread-safe supplier of fresh ids; default the kernel's ids with prefix
     *     {@code ANN}
     * @return this builder
     */
    public Builder idGenerator(Supplier<String> ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * Adds a listener, for example {@code notifications.announcementListener()}; listeners hear
     * each announcement's events in order.
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
