package io.itsm.core.knowledge.internal;

import io.itsm.core.ValidationException;
import io.itsm.core.access.AccessDeniedException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalStatus;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.Verdict;
import io.itsm.core.event.Provenance;
import io.itsm.core.knowledge.ArticleContent;
import io.itsm.core.knowledge.ArticleIndex;
import io.itsm.core.knowledge.ArticleKind;
import io.itsm.core.knowledge.ArticleLink;
import io.itsm.core.knowledge.ArticleNotFoundException;
import io.itsm.core.knowledge.ArticleState;
import io.itsm.core.knowledge.ArticleStateException;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeQuery;
import io.itsm.core.knowledge.event.ArticleDrafted;
import io.itsm.core.knowledge.event.ArticleLinked;
import io.itsm.core.knowledge.event.ArticlePublished;
import io.itsm.core.knowledge.event.ArticleRetired;
import io.itsm.core.knowledge.event.ArticleRevised;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.core.knowledge.event.KnowledgeHistory;
import io.itsm.core.knowledge.event.ReviewDecided;
import io.itsm.core.knowledge.event.ReviewRequested;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The bodies of the article lifecycle commands: draft, edit, submit, review (which publishes),
 * retire, link, import. Each loads the article once, checks access and state, records its events
 * and stores them with the version it read.
 *
 * <p>Thread-safe.
 */
public final class ArticleCommands {

  private static final int MAX_ID_ATTEMPTS = 10_000;

  private final KnowledgeParts parts;
  private final Access access;
  private final ArticleWriter writer;

  /**
   * Creates the commands.
   *
   * @param parts the knowledge base's parts
   */
  public ArticleCommands(KnowledgeParts parts) {
    this.parts = parts;
    this.access = new Access(parts.access());
    this.writer = new ArticleWriter(parts);
  }

  ArticleWriter writer() {
    return writer;
  }

  Access access() {
    return access;
  }

  KnowledgeParts parts() {
    return parts;
  }
  /**
   * Brings the search index up to date with the repository: indexes every article whose indexed
   * revision differs.
   *
   * @return how many articles were indexed; 0 without an index
   */
  public int reindexAll() {
    if (parts.index().isEmpty()) {
      return 0;
    }
    ArticleIndex index = parts.index().get();
    int n = 0;
    for (KnowledgeArticle a : parts.repository().find(KnowledgeQuery.all())) {
      if (index.indexedRevision(a.id()).orElse(-1) != a.revision()) {
        index.index(a);
        n++;
      }
    }
    return n;
  }


  /** Loads an article or throws. */
  KnowledgeArticle load(String id) {
    Objects.requireNonNull(id, "id");
    return parts.repository().find(id).orElseThrow(() -> new ArticleNotFoundException(id));
  }

  Instant now() {
    return parts.clock().instant();
  }

  /** A fresh id no stored article has (imported articles may hold ids the generator gives). */
  String newId() {
    for (int i = 0; i < MAX_ID_ATTEMPTS; i++) {
      String id = Objects.requireNonNull(parts.ids().get(), "the article id generator gave null");
      if (id.isBlank()) {
        throw new ValidationException("the article id generator gave a blank id");
      }
      if (parts.repository().find(id).isEmpty()) {
        return id;
      }
    }
    throw new ValidationException("the article id generator gave " + MAX_ID_ATTEMPTS
        + " ids that are all taken; give the knowledge base another id generator");
  }

  /**
   * Drafts a new article.
   *
   * @param actor who drafts
   * @param content the first version
   * @param note why
   * @return the article, DRAFT
   */
  public KnowledgeArticle draft(Actor actor, ArticleContent content, String note) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(note, "note");
    access.check(actor, Permission.KNOWLEDGE_DRAFT);
    Recorder r = new Recorder(newId(), Optional.empty(), now(), actor.id());
    r.record(new ArticleDrafted(r.articleId, r.seq(), r.now, actor.id(), actor.id(), content, note,
        Optional.empty(), Optional.empty()));
    return writer.store(r);
  }

  /**
   * Edits the newest version of a draft, or starts the next version of a published article.
   *
   * @param actor who edits
   * @param id the article
   * @param content the new content
   * @param note what changed
   * @return the article, DRAFT
   */
  public KnowledgeArticle edit(Actor actor, String id, ArticleContent content, String note) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(note, "note");
    access.check(actor, Permission.KNOWLEDGE_DRAFT);
    KnowledgeArticle a = load(id);
    Recorder r = new Recorder(a.id(), Optional.of(a), now(), actor.id());
    r.record(revision(a, "edit", actor, actor.id(), content, note, Optional.empty(),
        Optional.empty(), r.seq(), r.now));
    return writer.store(r);
  }

  /** The event that edits a draft or starts a new version, or the state error. */
  ArticleRevised revision(KnowledgeArticle a, String command, Actor actor, String author,
      ArticleContent content, String note, Optional<String> basedOn,
      Optional<Provenance> decidedBy, long seq, Instant now) {
    int n = a.current().number();
    switch (a.state()) {
      case DRAFT:
        return new ArticleRevised(a.id(), seq, now, actor.id(), n, author, content, note, basedOn,
            decidedBy);
      case PUBLISHED:
        return new ArticleRevised(a.id(), seq, now, actor.id(), n + 1, author, content, note,
            basedOn, decidedBy);
      case IN_REVIEW:
        throw new ArticleStateException(a.id(), a.state(), command,
            List.of(ArticleState.DRAFT, ArticleState.PUBLISHED),
            "version " + n + " is in review: wait for the reviewers (a rejection sends it back to"
                + " DRAFT)");
      default:
        throw new ArticleStateException(a.id(), a.state(), command,
            List.of(ArticleState.DRAFT, ArticleState.PUBLISHED),
            "a retired article stays as it was, readable in its history; draft a new article"
                + " instead");
    }
  }

  /**
   * Submits the newest version for review.
   *
   * @param actor who submits
   * @param id the article
   * @return the article, IN_REVIEW
   */
  public KnowledgeArticle submitForReview(Actor actor, String id) {
    Objects.requireNonNull(actor, "actor");
    access.check(actor, Permission.KNOWLEDGE_DRAFT);
    KnowledgeArticle a = load(id);
    Recorder r = new Recorder(a.id(), Optional.of(a), now(), actor.id());
    r.record(reviewRequest(a, actor, r.seq(), r.now));
    return writer.store(r);
  }

  ReviewRequested reviewRequest(KnowledgeArticle a, Actor actor, long seq, Instant now) {
    boolean expired = a.state() == ArticleState.IN_REVIEW
        && a.review().map(rv -> rv.expireIfDue(now).status() == ApprovalStatus.EXPIRED)
            .orElse(false);
    if (a.state() != ArticleState.DRAFT && !expired) {
      String hint = switch (a.state()) {
        case IN_REVIEW -> "it is already in review; submit again only once the review expired";
        case PUBLISHED -> "version " + a.current().number() + " is already published; edit it to"
            + " start a new version";
        default -> "a retired article cannot be published again; draft a new article instead";
      };
      throw new ArticleStateException(a.id(), a.state(), "submitForReview",
          List.of(ArticleState.DRAFT), hint);
    }
    long n = parts.repository().history(a.id()).stream()
        .filter(e -> e instanceof ReviewRequested).count() + 1;
    Approval review = parts.reviewTerms().request(a.id() + "-R" + n,
        new ApprovalSubject(ApprovalSubject.Kind.KNOWLEDGE_ARTICLE, a.id()), actor.id(), now);
    return new ReviewRequested(a.id(), seq, now, actor.id(), review);
  }

  /**
   * Decides the review of the newest version; an approval that completes the review publishes
   * it.
   *
   * @param actor a reviewer
   * @param id the article
   * @param verdict approve or reject
   * @param comment why (required to reject)
   * @return the article: PUBLISHED, back in DRAFT, or still IN_REVIEW
   */
  public KnowledgeArticle review(Actor actor, String id, Verdict verdict, String comment) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(comment, "comment");
    access.check(actor, Permission.KNOWLEDGE_REVIEW);
    KnowledgeArticle a = load(id);
    if (a.state() != ArticleState.IN_REVIEW) {
      String hint = switch (a.state()) {
        case DRAFT -> "an article is published by approving its review: submit it for review first"
            + " (submitForReview), then a reviewer other than its author approves it";
        case PUBLISHED -> "version " + a.current().number() + " is already published";
        default -> "a retired article cannot be published again; draft a new article instead";
      };
      throw new ArticleStateException(a.id(), a.state(), "review", List.of(ArticleState.IN_REVIEW),
          hint);
    }
    String author = a.current().author();
    if (author.equals(actor.id())) {
      throw new AccessDeniedException(actor, Permission.KNOWLEDGE_REVIEW, null, "the author of"
          + " version " + a.current().number() + " of article " + a.id() + " may not review it;"
          + " another reviewer must (four eyes)");
    }
    Instant now = now();
    Approval decided = a.review().orElseThrow().decide(actor, verdict, comment, now);
    Recorder r = new Recorder(a.id(), Optional.of(a), now, actor.id());
    r.record(new ReviewDecided(a.id(), r.seq(), now, actor.id(), decided));
    if (decided.status() == ApprovalStatus.APPROVED) {
      r.record(new ArticlePublished(a.id(), r.seq(), now, actor.id(), a.current().number()));
    }
    return writer.store(r);
  }

  /**
   * Retires an article.
   *
   * @param actor a reviewer
   * @param id the article
   * @param reason why, not blank
   * @return the article, RETIRED
   */
  public KnowledgeArticle retire(Actor actor, String id, String reason) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    access.check(actor, Permission.KNOWLEDGE_REVIEW);
    KnowledgeArticle a = load(id);
    if (a.state() == ArticleState.IN_REVIEW || a.state() == ArticleState.RETIRED) {
      throw new ArticleStateException(a.id(), a.state(), "retire",
          List.of(ArticleState.DRAFT, ArticleState.PUBLISHED),
          a.state() == ArticleState.RETIRED ? "it is already retired"
              : "decide its review first (a rejection sends it back to DRAFT)");
    }
    Recorder r = new Recorder(a.id(), Optional.of(a), now(), actor.id());
    r.record(new ArticleRetired(a.id(), r.seq(), r.now, actor.id(), reason));
    return writer.store(r);
  }

  /**
   * Links an article to a record (article side only), unless it is linked already. Adding a link
   * commutes with any other change, so when the article changed between reading and storing (a
   * reader opened it, another instance wrote) it is read and written again, as usage is.
   *
   * @param actor who links
   * @param articleId the article
   * @param link the link
   * @return the article after
   * @throws ArticleNotFoundException if there is no such article
   * @throws io.itsm.core.knowledge.StaleArticleException if the article kept changing for every
   *     try
   */
  KnowledgeArticle linkArticle(Actor actor, String articleId, ArticleLink link) {
    return writer.retrying(articleId, () -> {
      KnowledgeArticle a = load(articleId);
      Recorder r = new Recorder(a.id(), Optional.of(a), now(), actor.id());
      if (!a.links().contains(link)) {
        r.record(new ArticleLinked(a.id(), r.seq(), r.now, actor.id(), link));
      }
      return r;
    });
  }

  /**
   * Imports an article's history as it was exported: events, ids, actors and instants kept.
   *
   * @param actor who imports (a reviewer)
   * @param events the history
   * @return the article
   */
  public KnowledgeArticle importHistory(Actor actor, List<KnowledgeEvent> events) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(events, "events");
    access.check(actor, Permission.KNOWLEDGE_REVIEW);
    if (events.isEmpty()) {
      throw new ValidationException("an imported history must not be empty");
    }
    Set<String> ids = new HashSet<>();
    events.forEach(e -> ids.add(e.articleId()));
    if (ids.size() != 1) {
      throw new ValidationException("an imported history must be of one article, but names "
          + ids.stream().sorted().toList());
    }
    KnowledgeArticle state = KnowledgeHistory.replay(events);
    if (parts.repository().find(state.id()).isPresent()) {
      throw new ValidationException("article " + state.id() + " already exists: import into a"
          + " knowledge base without it (or retire and re-draft it)");
    }
    parts.delivery().storeAndDeliver(state.id(), List.copyOf(events), state,
        () -> {
          parts.repository().append(0, List.copyOf(events), state);
          writer.reindex(state);
        });
    return state;
  }

  /**
   * Finds the live (not retired) article of a problem's known error.
   *
   * @param problemId the problem
   * @return the article, if any
   */
  Optional<KnowledgeArticle> knownErrorOf(String problemId) {
    return parts.repository().find(KnowledgeQuery.all().withLinkedTo(problemId)).stream()
        .filter(a -> a.isLinkedTo(problemId, ArticleLink.Relation.KNOWN_ERROR_OF))
        .filter(a -> a.state() != ArticleState.RETIRED)
        .findFirst();
  }

  /**
   * Records a problem's known error: drafts a KNOWN_ERROR article (or a new version of the one
   * already recorded for the problem), linked to the problem, and submits it for review.
   *
   * @param actor who records it
   * @param problemId the problem record
   * @param content the known error and its workaround
   * @return the article, IN_REVIEW
   */
  public KnowledgeArticle recordKnownError(Actor actor, String problemId, ArticleContent content) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(problemId, "problemId");
    Objects.requireNonNull(content, "content");
    access.check(actor, Permission.KNOWLEDGE_DRAFT);
    if (problemId.isBlank()) {
      throw new ValidationException("problemId must not be blank");
    }
    if (content.kind() != ArticleKind.KNOWN_ERROR) {
      throw new ValidationException("a known error is recorded as a KNOWN_ERROR article, but the"
          + " content is a " + content.kind() + "; use content.withKind(ArticleKind.KNOWN_ERROR)");
    }
    Optional<KnowledgeArticle> existing = knownErrorOf(problemId);
    String note = "known error of problem " + problemId;
    Recorder r;
    if (existing.isPresent()) {
      KnowledgeArticle a = existing.get();
      r = new Recorder(a.id(), existing, now(), actor.id());
      r.record(revision(a, "recordKnownError", actor, actor.id(), content, note,
          Optional.of(problemId), Optional.empty(), r.seq(), r.now));
    } else {
      r = new Recorder(newId(), Optional.empty(), now(), actor.id());
      r.record(new ArticleDrafted(r.articleId, r.seq(), r.now, actor.id(), actor.id(), content,
          note, Optional.of(problemId), Optional.empty()));
      r.record(new ArticleLinked(r.articleId, r.seq(), r.now, actor.id(),
          new ArticleLink(ArticleLink.Relation.KNOWN_ERROR_OF, problemId)));
    }
    r.record(reviewRequest(r.state(), actor, r.seq(), r.now));
    return writer.store(r);
  }
}
