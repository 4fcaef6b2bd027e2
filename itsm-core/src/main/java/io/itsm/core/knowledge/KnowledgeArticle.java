package io.itsm.core.knowledge;

import io.itsm.core.ValidationException;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A knowledge article: an SOP, a known error with its workaround, a FAQ or a how-to, in one or
 * more languages, with its versions, its review, its links to incidents and how it has been used.
 * The state of an article is rebuilt from its events ({@link
 * io.itsm.core.knowledge.event.KnowledgeHistory#replay}); the {@link KnowledgeBase} records them.
 *
 * <p>{@link #state()} is where the newest version stands (DRAFT → IN_REVIEW → PUBLISHED →
 * RETIRED). Readers see {@link #published()}: while a new version of a published article is
 * drafted or reviewed, the previous one stays published. A retired article has nothing published
 * but keeps every version ("readable in history").
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the article's id, for example {@code KB-000042}; not blank
 * @param state where the newest version stands
 * @param versions every version, oldest first, numbered from 1 without gaps; not empty
 * @param publishedVersion the number of the version readers see, if one is published
 * @param review the newest review (an approval of subject kind {@code KNOWLEDGE_ARTICLE}), if
 *     one was ever requested
 * @param reviewComment the comment of the review that sent the newest version back to draft, if
 *     that is why it is a draft
 * @param links the incidents and problems linked to the article, in the order linked
 * @param usage how the article has been used
 * @param retiredReason why it was retired, when it is
 * @param createdAt when it was drafted
 * @param updatedAt when its last event happened
 * @param revision the sequence number of the last event that changed what readers and searches
 *     see (content, state, review); usage and links do not count. A search index is current for
 *     the article when it indexed this revision.
 * @param version the number of events applied, equal to the last event's sequence
 */
public record KnowledgeArticle(
    String id,
    ArticleState state,
    List<ArticleVersion> versions,
    Optional<Integer> publishedVersion,
    Optional<Approval> review,
    Optional<String> reviewComment,
    List<ArticleLink> links,
    ArticleUsage usage,
    Optional<String> retiredReason,
    Instant createdAt,
    Instant updatedAt,
    long revision,
    long version) {

  /**
   * Validates the components and that they fit together.
   *
   * @throws NullPointerException if a component, version or link is null
   * @throws ValidationException if {@code id} is blank, the versions are not numbered 1..n, the
   *     published version does not exist or was never published, or the state does not fit the
   *     published version, the review or the retirement
   */
  public KnowledgeArticle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
    versions = List.copyOf(Objects.requireNonNull(versions, "versions"));
    Objects.requireNonNull(publishedVersion, "publishedVersion");
    Objects.requireNonNull(review, "review");
    Objects.requireNonNull(reviewComment, "reviewComment");
    links = List.copyOf(Objects.requireNonNull(links, "links"));
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(retiredReason, "retiredReason");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (id.isBlank()) {
      throw new ValidationException("article id must not be blank");
    }
    if (versions.isEmpty()) {
      throw new ValidationException("article " + id + " must have at least one version");
    }
    for (int i = 0; i < versions.size(); i++) {
      if (versions.get(i).number() != i + 1) {
        throw new ValidationException("versions of article " + id + " must be numbered 1 to "
            + versions.size() + " in order, but version " + (i + 1) + " has number "
            + versions.get(i).number());
      }
    }
    if (publishedVersion.isPresent()) {
      int n = publishedVersion.get();
      if (n < 1 || n > versions.size() || versions.get(n - 1).publishedAt().isEmpty()) {
        throw new ValidationException("publishedVersion of article " + id + " must name a"
            + " published version, but was " + n);
      }
    }
    int newest = versions.size();
    if (state == ArticleState.PUBLISHED && !publishedVersion.equals(Optional.of(newest))) {
      throw new ValidationException("article " + id + " is PUBLISHED, so its publishedVersion must"
          + " be its newest version " + newest + ", but was " + publishedVersion.orElse(null));
    }
    if (state == ArticleState.RETIRED && (publishedVersion.isPresent() || retiredReason.isEmpty())) {
      throw new ValidationException("article " + id + " is RETIRED, so it must have a retiredReason"
          + " and no publishedVersion");
    }
    if (state != ArticleState.RETIRED && retiredReason.isPresent()) {
      throw new ValidationException("article " + id + " is " + state
          + ", so it must not have a retiredReason");
    }
    if (state == ArticleState.IN_REVIEW
        && !review.map(r -> r.status() != ApprovalStatus.REJECTED).orElse(false)) {
      throw new ValidationException("article " + id + " is IN_REVIEW, so it must have a review"
          + " that is not rejected");
    }
    if (revision < 1 || version < revision) {
      throw new ValidationException("article " + id + " must have 1 <= revision <= version, but"
          + " revision was " + revision + " and version " + version);
    }
  }

  /**
   * Returns the newest version: the one being drafted or reviewed, or the published one.
   *
   * @return the newest version
   */
  public ArticleVersion current() {
    return versions.get(versions.size() - 1);
  }

  /**
   * Returns the version readers see.
   *
   * @return the published version, or empty when none is (never published, or retired)
   */
  public Optional<ArticleVersion> published() {
    return publishedVersion.map(n -> versions.get(n - 1));
  }

  /**
   * Returns one version.
   *
   * @param number the version number
   * @return the version, or empty if there is none of that number
   */
  public Optional<ArticleVersion> version(int number) {
    return number >= 1 && number <= versions.size()
        ? Optional.of(versions.get(number - 1)) : Optional.empty();
  }

  /**
   * Returns who drafted the article: the author of its first version.
   *
   * @return the actor id
   */
  public String author() {
    return versions.get(0).author();
  }

  /**
   * Returns the kind of the newest version.
   *
   * @return the kind
   */
  public ArticleKind kind() {
    return current().content().kind();
  }

  /**
   * Returns the title of the newest version in the language it was written in.
   *
   * @return the title
   */
  public String title() {
    return current().content().original().title();
  }

  /**
   * Tells whether the article is linked to a record.
   *
   * @param recordId an incident or problem id
   * @param relation the relation
   * @return whether such a link exists
   */
  public boolean isLinkedTo(String recordId, ArticleLink.Relation relation) {
    return links.contains(new ArticleLink(relation, recordId));
  }

  /**
   * Returns this article in another state.
   *
   * @param state the state
   * @return the copy
   */
  public KnowledgeArticle withState(ArticleState state) {
    return new KnowledgeArticle(id, state, versions, publishedVersion, review, reviewComment, links,
        usage, retiredReason, createdAt, updatedAt, revision, version);
  }

  /**
   * Returns this article with its newest version replaced, or a new version added when {@code
   * next} has the next number.
   *
   * @param next the newest version
   * @return the copy
   * @throws ValidationException if {@code next} is neither the newest nor the next number
   */
  public KnowledgeArticle withCurrent(ArticleVersion next) {
    List<ArticleVersion> v = new ArrayList<>(versions);
    if (next.number() == versions.size()) {
      v.set(v.size() - 1, next);
    } else {
      v.add(next);
    }
    return new KnowledgeArticle(id, state, v, publishedVersion, review, reviewComment, links,
        usage, retiredReason, createdAt, updatedAt, revision, version);
  }

  /**
   * Returns this article with its newest version published.
   *
   * @param at when
   * @return the copy, PUBLISHED
   */
  public KnowledgeArticle withNewestPublished(Instant at) {
    List<ArticleVersion> v = new ArrayList<>(versions);
    v.set(v.size() - 1, current().publishedAt(at));
    return new KnowledgeArticle(id, ArticleState.PUBLISHED, v, Optional.of(v.size()), review,
        Optional.empty(), links, usage, retiredReason, createdAt, updatedAt, revision, version);
  }

  /**
   * Returns this article with another review, in the state the review leaves it.
   *
   * @param state the state after the review changed
   * @param review the review
   * @param comment the comment that sent it back to draft, or empty
   * @return the copy
   */
  public KnowledgeArticle withReview(ArticleState state, Approval review, Optional<String> comment) {
    return new KnowledgeArticle(id, state, versions, publishedVersion, Optional.of(review), comment,
        links, usage, retiredReason, createdAt, updatedAt, revision, version);
  }

  /**
   * Returns this article retired.
   *
   * @param reason why
   * @return the copy, RETIRED
   */
  public KnowledgeArticle retired(String reason) {
    return new KnowledgeArticle(id, ArticleState.RETIRED, versions, Optional.empty(), review,
        reviewComment, links, usage, Optional.of(reason), createdAt, updatedAt, revision, version);
  }

  /**
   * Returns this article with one more link; the same link twice is kept once.
   *
   * @param link the link
   * @return the copy
   */
  public KnowledgeArticle withLink(ArticleLink link) {
    if (links.contains(link)) {
      return this;
    }
    List<ArticleLink> l = new ArrayList<>(links);
    l.add(link);
    return new KnowledgeArticle(id, state, versions, publishedVersion, review, reviewComment, l,
        usage, retiredReason, createdAt, updatedAt, revision, version);
  }

  /**
   * Returns this article with other usage counts.
   *
   * @param usage the counts
   * @return the copy
   */
  public KnowledgeArticle withUsage(ArticleUsage usage) {
    return new KnowledgeArticle(id, state, versions, publishedVersion, review, reviewComment, links,
        usage, retiredReason, createdAt, updatedAt, revision, version);
  }

  /**
   * Returns this article after one more event.
   *
   * @param at when the event happened
   * @param sequence its sequence number
   * @param revises whether it changed what readers and searches see
   * @return the copy
   */
  public KnowledgeArticle touched(Instant at, long sequence, boolean revises) {
    return new KnowledgeArticle(id, state, versions, publishedVersion, review, reviewComment, links,
        usage, retiredReason, createdAt, at, revises ? sequence : revision, sequence);
  }
}
