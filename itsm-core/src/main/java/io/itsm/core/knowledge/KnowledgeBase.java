package io.itsm.core.knowledge;

import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessPolicy;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.access.RoleBasedAccessPolicy;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.approval.Approver;
import io.itsm.core.approval.Verdict;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Resolution;
import io.itsm.core.kernel.Kernel;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.core.knowledge.internal.ArticleCommands;
import io.itsm.core.knowledge.internal.KnowledgeAssembly;
import io.itsm.core.knowledge.internal.KnowledgeParts;
import io.itsm.core.knowledge.internal.Reads;
import io.itsm.core.knowledge.internal.ResolutionCapture;
import io.itsm.core.knowledge.internal.Usage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The knowledge base: SOPs, known errors, FAQs and how-tos, written (also from resolutions),
 * reviewed, published, suggested to agents at diagnosis, searched by end users before they log a
 * ticket, and counted as they are used. Every change is a {@link KnowledgeEvent} with actor and
 * time; an article's state is rebuilt from its events.
 *
 * <pre>{@code
 * KnowledgeBase kb = KnowledgeBase.builder().desk(desk).index(KnowledgeIndex.inMemory()).build();
 * KnowledgeArticle a = kb.draft(agent, content, "from the VPN outage");     // DRAFT
 * kb.submitForReview(agent, a.id());                                         // IN_REVIEW
 * kb.review(reviewer, a.id(), Verdict.APPROVE, "clear");                     // PUBLISHED
 * kb.suggest(agent, "INC-000042");          // ranked, with the matched words; recorded as shown
 * kb.search(Actor.endUser("u1"), "vpn trennt ständig", "de");   // public articles only
 * }</pre>
 *
 * <h2>Lifecycle</h2>
 *
 * DRAFT → IN_REVIEW ({@link #submitForReview}) → PUBLISHED ({@link #review} approving it: the
 * review is a generic {@link io.itsm.core.approval.Approval} of subject kind {@code
 * KNOWLEDGE_ARTICLE}, decided by the {@linkplain Builder#reviewers reviewers}, never by the
 * version's author) → RETIRED ({@link #retire}). A rejected review sends the article back to DRAFT
 * with the reviewer's comment ({@link KnowledgeArticle#reviewComment()}). Editing a PUBLISHED
 * article starts its next version in DRAFT while readers keep the published one. A command not
 * allowed in the article's state throws {@link ArticleStateException} naming the state, the
 * command and what to do; any failing command changes nothing.
 *
 * <h2>Access</h2>
 *
 * Checked with the desk's {@link AccessPolicy}: {@code KNOWLEDGE_READ_PUBLIC} (end users) reads,
 * searches and rates published PUBLIC articles only; {@code KNOWLEDGE_READ} (agents) reads every
 * article, version and history (retired articles stay readable there) and gets suggestions; {@code
 * KNOWLEDGE_DRAFT} (agents) drafts, edits and submits; {@code KNOWLEDGE_REVIEW} (the role {@link
 * Role#KNOWLEDGE_REVIEWER}) reviews, retires and imports.
 *
 * <h2>Search</h2>
 *
 * Searching needs an {@link ArticleIndex} ({@code itsm-rules}' Lucene {@code KnowledgeIndex}),
 * which the knowledge base keeps current with every change and brings up to date when built. Words
 * are searched in the reader's language, falling back to English for articles not translated.
 *
 * <p>Thread-safe, provided the repository, index and listeners given to the builder are.
 */
public final class KnowledgeBase {

  /** Who reviews articles by default: any knowledge reviewer. */
  public static final List<Approver> DEFAULT_REVIEWERS =
      List.of(Approver.role(Role.KNOWLEDGE_REVIEWER));

  /** The prefix of article ids from the kernel's id generator: {@code KB-000001, ...}. */
  public static final String ID_PREFIX = "KB";

  /** How many suggestions {@link #suggest(Actor, String)} shows. */
  public static final int DEFAULT_SUGGESTIONS = 5;

  /** The longest query a person may type ({@link #search(Actor, String, String)}). */
  public static final int MAX_QUERY_LENGTH = Usage.MAX_QUERY_LENGTH;

  private final KnowledgeParts parts;
  private final ArticleCommands commands;
  private final ResolutionCapture capture;
  private final Usage usage;
  private final Reads reads;

  private KnowledgeBase(KnowledgeParts parts) {
    this.parts = parts;
    this.commands = new ArticleCommands(parts);
    this.capture = new ResolutionCapture(commands);
    this.usage = new Usage(commands, capture);
    this.reads = new Reads(commands);
  }

  /**
   * Starts configuring a knowledge base. Defaults: the desk's kernel (else {@link
   * Kernel#ofDefaults()}) with its clock, access policy, review terms (any {@link
   * #DEFAULT_REVIEWERS}) and ids ({@code KB-000001, ...}); the kernel's store of articles, else an
   * in-memory repository; no search index; no desk.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- writing and reviewing

  /**
   * Drafts a new article.
   *
   * @param actor who writes it (KNOWLEDGE_DRAFT); its author
   * @param content the first version
   * @param note why it is written; may be empty
   * @return the article, DRAFT
   * @throws io.itsm.core.access.AccessDeniedException if the actor may not draft
   */
  public KnowledgeArticle draft(Actor actor, ArticleContent content, String note) {
    return commands.draft(actor, content, note);
  }

  /**
   * Edits an article: changes its draft, or starts the next version of a published article (the
   * published one stays readable until the new one is published).
   *
   * @param actor who edits (KNOWLEDGE_DRAFT)
   * @param id the article
   * @param content the new content
   * @param note what changed; may be empty
   * @return the article, DRAFT
   * @throws ArticleStateException if it is IN_REVIEW or RETIRED
   * @throws ArticleNotFoundException if there is no such article
   */
  public KnowledgeArticle edit(Actor actor, String id, ArticleContent content, String note) {
    return commands.edit(actor, id, content, note);
  }

  /**
   * Submits the newest version for review: requests an approval from the reviewers.
   *
   * @param actor who submits (KNOWLEDGE_DRAFT)
   * @param id the article
   * @return the article, IN_REVIEW
   * @throws ArticleStateException unless it is DRAFT (or IN_REVIEW with an expired review)
   */
  public KnowledgeArticle submitForReview(Actor actor, String id) {
    return commands.submitForReview(actor, id);
  }

  /**
   * Decides the review. An approval that completes it publishes the newest version; a rejection
   * (with a comment) sends the article back to DRAFT with the comment; an approval that does not
   * complete a quorum leaves it IN_REVIEW.
   *
   * @param actor a reviewer (KNOWLEDGE_REVIEW, an approver of the review's current stage, not the
   *     version's author)
   * @param id the article
   * @param verdict approve or reject
   * @param comment why; required to reject
   * @return the article after
   * @throws ArticleStateException unless it is IN_REVIEW ("publishing without review")
   * @throws io.itsm.core.access.AccessDeniedException if the actor is the version's author or
   *     may not review
   * @throws io.itsm.core.approval.NotAnApproverException if the actor is not an approver
   * @throws io.itsm.core.approval.ApprovalExpiredException if the review expired (submit again)
   */
  public KnowledgeArticle review(Actor actor, String id, Verdict verdict, String comment) {
    return commands.review(actor, id, verdict, comment);
  }

  /**
   * Retires an article: no longer readable or suggested, its versions kept in its history.
   *
   * @param actor a reviewer (KNOWLEDGE_REVIEW)
   * @param id the article
   * @param reason why, not blank
   * @return the article, RETIRED
   * @throws ArticleStateException if it is IN_REVIEW or already RETIRED
   */
  public KnowledgeArticle retire(Actor actor, String id, String reason) {
    return commands.retire(actor, id, reason);
  }

  /**
   * Writes a resolved incident down: a new version of the article the agent resolved it with
   * ({@link #use}), or else a new draft from its resolution steps, title, description, error
   * codes, category, service and configuration item (a KNOWN_ERROR when resolved with a
   * workaround code, else a HOW_TO; INTERNAL; in the caller's language). Linked both ways: the
   * article to the incident ({@code WRITTEN_FROM}), the incident to the article (a RELATED link,
   * through the desk's {@code link} command, unless the incident is closed and so final).
   *
   * @param actor who writes it (KNOWLEDGE_DRAFT, and the desk's LINK)
   * @param incidentId a RESOLVED or CLOSED incident
   * @return the article after: a new DRAFT, or the used one with its new version in DRAFT
   * @throws ValidationException if the incident has no resolution, the resolution adds no step
   *     to the article used, or the knowledge base has no desk
   * @throws ArticleStateException if the article used is IN_REVIEW
   */
  public KnowledgeArticle draftFromResolution(Actor actor, String incidentId) {
    return capture.draftFromResolution(actor, incidentId);
  }

  /**
   * Records a problem's known error, for problem management: drafts a KNOWN_ERROR article linked
   * to the problem ({@code KNOWN_ERROR_OF}) — or, if the problem already has one that is not
   * retired, its next version — and submits it for review at once. Reviewers publish it as any
   * other article.
   *
   * @param actor who records it (KNOWLEDGE_DRAFT)
   * @param problemId the problem record, for example {@code PRB-000007}
   * @param content the known error with its workaround (kind KNOWN_ERROR)
   * @return the article, IN_REVIEW
   * @throws ValidationException if the content is not a KNOWN_ERROR
   * @throws ArticleStateException if the problem's article is already IN_REVIEW
   */
  public KnowledgeArticle recordKnownError(Actor actor, String problemId, ArticleContent content) {
    return commands.recordKnownError(actor, problemId, content);
  }

  /**
   * Links an article and an incident both ways as related.
   *
   * @param actor who links (KNOWLEDGE_DRAFT, and the desk's LINK)
   * @param id the article
   * @param incidentId the incident
   * @return the article after
   */
  public KnowledgeArticle linkIncident(Actor actor, String id, String incidentId) {
    return capture.linkIncident(actor, id, incidentId);
  }

  /**
   * Imports an article's history as exported ({@code KnowledgeJson}): events, ids, actors and
   * instants kept; the history is checked by replaying it.
   *
   * @param actor who imports (KNOWLEDGE_REVIEW)
   * @param events one article's history
   * @return the article
   * @throws ValidationException if the history is empty, of several articles, does not replay, or
   *     the article exists
   */
  public KnowledgeArticle importHistory(Actor actor, List<KnowledgeEvent> events) {
    return commands.importHistory(actor, events);
  }

  // ---------------------------------------------------------------- search and usage

  /**
   * Searches with the words a person typed, in their language (articles not translated into it
   * are searched in English): what the self-service portal shows before a ticket is logged. End
   * users find published PUBLIC articles only; agents every published article.
   *
   * @param actor who searches
   * @param query the words, not blank, at most {@value Usage#MAX_QUERY_LENGTH} characters
   * @param language the searcher's language, one of {@link ArticleText#LANGUAGES}
   * @return the hits, best first, at most {@link ArticleSearch#DEFAULT_LIMIT}
   * @throws ValidationException if the query is blank or too long, or the language unknown
   * @throws ValidationException if the knowledge base has no index
   */
  public List<KnowledgeHit> search(Actor actor, String query, String language) {
    return usage.search(actor, query, language);
  }

  /**
   * Searches with filters (kind, audience, state, scope, language only). An end user's filter is
   * narrowed to published PUBLIC articles.
   *
   * @param actor who searches
   * @param search the search
   * @return the hits, best first
   */
  public List<KnowledgeHit> search(Actor actor, ArticleSearch search) {
    return usage.search(actor, search);
  }

  /**
   * Suggests published articles for an incident at diagnosis ({@value #DEFAULT_SUGGESTIONS} at
   * most), and records each as suggested ({@link io.itsm.core.knowledge.event.ArticleSuggested},
   * so "suggested but not used" is measurable). The suggestions are recorded all or none, with one
   * {@link KnowledgeRepository#appendAll}: the listeners hear them, in rank order, only after all
   * were stored; when a suggested article changed meanwhile the recording is read and stored again
   * as a whole.
   *
   * @param actor the agent (KNOWLEDGE_READ, and may see the incident)
   * @param incidentId the incident
   * @return the suggestions, best first, with score and matched words
   * @throws ValidationException if the knowledge base has no index or no desk
   * @throws StaleArticleException if a suggested article kept changing while the suggestions were
   *     recorded (other writers); none of them was recorded then
   */
  public List<KnowledgeHit> suggest(Actor actor, String incidentId) {
    return usage.suggest(actor, incidentId, DEFAULT_SUGGESTIONS);
  }

  /**
   * Suggests published articles for an incident: its title, description and error codes searched
   * in the caller's language, articles scoped to its category, service or configuration item
   * first; each suggestion is recorded as shown, all of them or none (as {@link
   * #suggest(Actor, String)}).
   *
   * @param actor the agent (KNOWLEDGE_READ, and may see the incident)
   * @param incidentId the incident
   * @param limit how many at most, 1 to {@value ArticleSearch#MAX_LIMIT}
   * @return the suggestions, best first, with score and matched words
   * @throws ValidationException if the knowledge base has no index or no desk
   * @throws StaleArticleException if a suggested article kept changing while the suggestions were
   *     recorded; none of them was recorded then
   */
  public List<KnowledgeHit> suggest(Actor actor, String incidentId, int limit) {
    return usage.suggest(actor, incidentId, limit);
  }

  /**
   * Suggests published articles for an incident the caller already holds, recording them all or
   * none (as {@link #suggest(Actor, String)}).
   *
   * @param actor the agent (KNOWLEDGE_READ)
   * @param incident the incident
   * @param limit how many at most
   * @return the suggestions, best first
   * @throws ValidationException if the knowledge base has no index
   * @throws StaleArticleException if a suggested article kept changing while the suggestions were
   *     recorded; none of them was recorded then
   */
  public List<KnowledgeHit> suggest(Actor actor, Incident incident, int limit) {
    return usage.suggest(actor, incident, limit);
  }

  /**
   * Opens an article for reading, in the reader's language (else English, else the original),
   * and records it as opened.
   *
   * @param actor the reader
   * @param id the article
   * @param language the reader's language
   * @return the version the reader may read
   * @throws io.itsm.core.access.AccessDeniedException if the reader may not read it
   */
  public ArticleView open(Actor actor, String id, String language) {
    return usage.open(actor, id, language, Optional.empty());
  }

  /**
   * Opens an article while working on an incident, and records it as opened for that incident.
   *
   * @param actor the reader
   * @param id the article
   * @param language the reader's language
   * @param incidentId the incident
   * @return the version the reader may read
   */
  public ArticleView open(Actor actor, String id, String language, String incidentId) {
    return usage.open(actor, id, language, Optional.of(incidentId));
  }

  /**
   * Records that an agent resolved an incident with a published article (counted once per
   * incident), and links them both ways. When the incident is then written down ({@link
   * #draftFromResolution}), a new version of this article is proposed.
   *
   * @param actor the agent (KNOWLEDGE_READ, and the desk's LINK)
   * @param id the article
   * @param incidentId the incident
   * @return the article after
   * @throws ArticleStateException if the article has no published version
   */
  public KnowledgeArticle use(Actor actor, String id, String incidentId) {
    return usage.use(actor, id, incidentId);
  }

  /**
   * Records a reader's feedback on a published article they may read.
   *
   * @param actor the reader
   * @param id the article
   * @param helped whether it helped
   * @param comment what they said; may be empty
   * @return the article after
   */
  public KnowledgeArticle feedback(Actor actor, String id, boolean helped, String comment) {
    return usage.feedback(actor, id, helped, comment);
  }

  /**
   * Records self-service deflection: a published article answered an end user's question, so no
   * ticket was logged.
   *
   * @param actor the user
   * @param id the article
   * @param query what they had searched for
   * @return the article after
   */
  public KnowledgeArticle answered(Actor actor, String id, String query) {
    return usage.answered(actor, id, query);
  }

  // ---------------------------------------------------------------- queries

  /**
   * Returns an article whole: versions, review, links, usage.
   *
   * @param actor who asks (KNOWLEDGE_READ)
   * @param id the article
   * @return the article
   * @throws ArticleNotFoundException if there is no such article
   */
  public KnowledgeArticle get(Actor actor, String id) {
    return reads.get(actor, id);
  }

  /**
   * Finds articles.
   *
   * @param actor who asks (KNOWLEDGE_READ)
   * @param query the criteria
   * @return the articles, by id
   */
  public List<KnowledgeArticle> find(Actor actor, KnowledgeQuery query) {
    return reads.find(actor, query);
  }

  /**
   * Returns an article's history, retired articles included.
   *
   * @param actor who asks (KNOWLEDGE_READ)
   * @param id the article
   * @return its events, oldest first
   */
  public List<KnowledgeEvent> history(Actor actor, String id) {
    return reads.history(actor, id);
  }

  /**
   * Shows what a reader may read of an article, without recording it as opened.
   *
   * @param actor the reader
   * @param id the article
   * @param language the reader's language
   * @return the view
   */
  public ArticleView read(Actor actor, String id, String language) {
    return reads.read(actor, id, language);
  }

  /**
   * Shows one version of an article, of a retired one too.
   *
   * @param actor who asks (KNOWLEDGE_READ)
   * @param id the article
   * @param number the version number
   * @param language the reader's language
   * @return the view
   */
  public ArticleView version(Actor actor, String id, int number, String language) {
    return reads.version(actor, id, number, language);
  }

  /**
   * Counts each person's contributions to the knowledge base in a period (an input of the agent
   * metrics), from the articles' events.
   *
   * @param actor who asks (KNOWLEDGE_READ)
   * @param from the start, inclusive
   * @param to the end, exclusive
   * @return one entry per contributor, by id
   */
  public List<KnowledgeContribution> contributions(Actor actor, Instant from, Instant to) {
    return reads.contributions(actor, from, to);
  }

  /**
   * Brings the search index up to date with the repository: indexes every article whose indexed
   * revision differs (done when the knowledge base is built; call it after the index was lost).
   *
   * @return how many articles were indexed
   */
  public int reindex() {
    return commands.reindexAll();
  }

  /** Called by {@link KnowledgeCapture} for each resolution. */
  void captureResolution(Actor system, Incident incident, Resolution resolution,
      CapturePolicy policy) {
    capture.onResolution(system, incident, resolution, policy);
  }

  @Override
  public String toString() {
    return "KnowledgeBase{" + parts.repository().size() + " articles, index "
        + parts.index().map(Object::toString).orElse("none") + "}";
  }

  /**
   * Configures a {@link KnowledgeBase}. Like the desk's builder: the {@link #kernel kernel} holds
   * what the knowledge base shares with the desk's other practices; {@link #clock}, {@link
   * #accessPolicy}, {@link #reviewers}, {@link #reviewStages} and {@link #reviewDueAfter} change the
   * kernel for this knowledge base only; {@link #repository} and {@link #ids} take the place of the
   * kernel's store and ids.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private Kernel kernel;
    private Clock clock;
    private AccessPolicy accessPolicy;
    private List<ApprovalStage> reviewStages;
    private Duration reviewDueAfter;
    private KnowledgeRepository repository;
    private ArticleIndex index;
    private ServiceDesk desk;
    private final List<KnowledgeListener> listeners = new ArrayList<>();
    private Supplier<String> ids;
    private KnowledgeCapture capture;

    private Builder() {}

    /**
     * Sets the kernel the knowledge base shares with the desk's other practices: clock, access
     * policy, ids (prefix {@value #ID_PREFIX}), who reviews ({@code ApprovalSubject.Kind
     * .KNOWLEDGE_ARTICLE}), the store of {@link KnowledgeRepository}.
     *
     * @param kernel the kernel; default the {@link #desk desk's} kernel, else {@link
     *     Kernel#ofDefaults()}
     * @return this builder
     */
    public Builder kernel(Kernel kernel) {
      this.kernel = Objects.requireNonNull(kernel, "kernel");
      return this;
    }

    /**
     * Sets the clock, for this knowledge base only.
     *
     * @param clock the clock; default the kernel's
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets who may do what, for this knowledge base only.
     *
     * @param accessPolicy the policy; default the kernel's ({@link
     *     RoleBasedAccessPolicy#defaults()})
     * @return this builder
     */
    public Builder accessPolicy(AccessPolicy accessPolicy) {
      this.accessPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy");
      return this;
    }

    /**
     * Sets where articles are stored.
     *
     * @param repository the repository; default the kernel's store of {@link
     *     KnowledgeRepository}, else a new in-memory one
     * @return this builder
     */
    public Builder repository(KnowledgeRepository repository) {
      this.repository = Objects.requireNonNull(repository, "repository");
      return this;
    }

    /**
     * Sets the search index (needed by search and suggestions), for example {@code
     * KnowledgeIndex.inMemory()} of itsm-rules.
     *
     * @param index the index
     * @return this builder
     */
    public Builder index(ArticleIndex index) {
      this.index = Objects.requireNonNull(index, "index");
      return this;
    }

    /**
     * Sets the incident desk, for drafts from resolutions, suggestions by incident id and links
     * on the incident side; its kernel is the default kernel.
     *
     * @param desk the desk
     * @return this builder
     */
    public Builder desk(ServiceDesk desk) {
      this.desk = Objects.requireNonNull(desk, "desk");
      return this;
    }

    /**
     * Adds a listener; each hears each article's events in order.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(KnowledgeListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Sets who reviews, in one stage, for this knowledge base only.
     *
     * @param approvers named users or roles; default the kernel's terms (any {@link
     *     #DEFAULT_REVIEWERS})
     * @param policy how many must approve: ANY, ALL or QUORUM(k)
     * @return this builder
     * @throws ValidationException if the stage is invalid
     */
    public Builder reviewers(List<Approver> approvers, ApprovalPolicy policy) {
      return reviewStages(List.of(new ApprovalStage(approvers, policy)));
    }

    /**
     * Sets who reviews, in stages decided in order, for this knowledge base only.
     *
     * @param stages the stages, at least one
     * @return this builder
     * @throws ValidationException if there is no stage
     */
    public Builder reviewStages(List<ApprovalStage> stages) {
      List<ApprovalStage> s = List.copyOf(Objects.requireNonNull(stages, "stages"));
      if (s.isEmpty()) {
        throw new ValidationException("reviewStages must not be empty");
      }
      this.reviewStages = s;
      return this;
    }

    /**
     * Sets how long a review may stay pending, for this knowledge base only; an expired review is
     * submitted again.
     *
     * @param dueAfter positive; default the kernel's terms (for ever)
     * @return this builder
     * @throws ValidationException if not positive
     */
    public Builder reviewDueAfter(Duration dueAfter) {
      Objects.requireNonNull(dueAfter, "dueAfter");
      if (dueAfter.isNegative() || dueAfter.isZero()) {
        throw new ValidationException("reviewDueAfter must be positive, but was " + dueAfter);
      }
      this.reviewDueAfter = dueAfter;
      return this;
    }

    /**
     * Sets how new article ids are made; an id a stored article holds is skipped.
     *
     * @param ids a thread-safe id supplier; default the kernel's ids with prefix {@value
     *     #ID_PREFIX}: {@code KB-000001, KB-000002, ...}, past the highest such id stored (a
     *     knowledge base opened again on a store goes on after its articles)
     * @return this builder
     */
    public Builder ids(Supplier<String> ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /**
     * Captures knowledge from the desk's resolutions: the capture (a listener of the desk) drafts
     * into this knowledge base when its policy asks. Needs {@link #desk}.
     *
     * @param capture the capture the desk was built with
     * @return this builder
     */
    public Builder capture(KnowledgeCapture capture) {
      this.capture = Objects.requireNonNull(capture, "capture");
      return this;
    }

    /**
     * Builds the knowledge base and brings the index up to date with the repository.
     *
     * @return the knowledge base
     * @throws ValidationException if a capture is given without a desk
     */
    public KnowledgeBase build() {
      if (capture != null && desk == null) {
        throw new ValidationException("a KnowledgeCapture needs the desk it listens to:"
            + " KnowledgeBase.builder().desk(desk).capture(capture)");
      }
      KnowledgeParts parts = KnowledgeAssembly.parts(kernel != null ? kernel
              : desk != null ? desk.config().kernel() : Kernel.ofDefaults(), clock, accessPolicy,
          reviewStages, reviewDueAfter, repository, index, desk, listeners, ids, ID_PREFIX);
      KnowledgeBase kb = new KnowledgeBase(parts);
      kb.reindex();
      if (capture != null) {
        capture.bind(kb);
      }
      return kb;
    }
  }
}
