package io.itsm.core.knowledge.event;

import io.itsm.core.ValidationException;
import io.itsm.core.approval.ApprovalStatus;
import io.itsm.core.knowledge.ArticleLink;
import io.itsm.core.knowledge.ArticleState;
import io.itsm.core.knowledge.ArticleUsage;
import io.itsm.core.knowledge.ArticleVersion;
import io.itsm.core.knowledge.KnowledgeArticle;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Rebuilds a knowledge article's state from its events: the only place where events change an
 * article, so the stored state and a replayed history always agree.
 *
 * <p>Stateless and thread-safe.
 */
public final class KnowledgeHistory {

  private KnowledgeHistory() {}

  /**
   * Applies one event to a state.
   *
   * @param state the state before, or {@code null} before the first event
   * @param e the event
   * @return the state after
   * @throws ValidationException if the event does not fit: wrong article or sequence, a history
   *     that does not start with {@link ArticleDrafted}, or an event the state does not allow
   */
  public static KnowledgeArticle apply(KnowledgeArticle state, KnowledgeEvent e) {
    Objects.requireNonNull(e, "event");
    long expected = state == null ? 1 : state.version() + 1;
    if (e.sequence() != expected) {
      throw new ValidationException("event " + e.type() + " of article " + e.articleId()
          + " must have sequence " + expected + ", but had " + e.sequence());
    }
    if (state == null) {
      if (!(e instanceof ArticleDrafted d)) {
        throw new ValidationException("the history of article " + e.articleId()
            + " must start with ArticleDrafted, but started with " + e.type());
      }
      ArticleVersion first = new ArticleVersion(1, d.content(), d.author(), d.at(), d.note(),
          d.basedOn(), Optional.empty());
      return new KnowledgeArticle(d.articleId(), ArticleState.DRAFT, List.of(first),
          Optional.empty(), Optional.empty(), Optional.empty(), List.of(), ArticleUsage.NONE,
          Optional.empty(), d.at(), d.at(), 1, 1);
    }
    if (!e.articleId().equals(state.id())) {
      throw new ValidationException("event " + e.type() + " is of article " + e.articleId()
          + ", not " + state.id());
    }
    KnowledgeArticle next;
    if (e instanceof ArticleDrafted) {
      throw new ValidationException("article " + state.id()
          + " is already drafted: ArticleDrafted must be its first event only");
    } else if (e instanceof ArticleRevised r) {
      next = revise(state, r);
    } else if (e instanceof ReviewRequested r) {
      require(state, e, ArticleState.DRAFT, ArticleState.IN_REVIEW);
      next = state.withReview(ArticleState.IN_REVIEW, r.review(), Optional.empty());
    } else if (e instanceof ReviewDecided r) {
      require(state, e, ArticleState.IN_REVIEW);
      next = r.review().status() == ApprovalStatus.REJECTED
          ? state.withReview(ArticleState.DRAFT, r.review(),
              r.review().rejection().map(x -> x.comment()))
          : state.withReview(ArticleState.IN_REVIEW, r.review(), Optional.empty());
    } else if (e instanceof ArticlePublished p) {
      require(state, e, ArticleState.IN_REVIEW);
      if (!state.review().map(r -> r.status() == ApprovalStatus.APPROVED).orElse(false)) {
        throw new ValidationException("article " + state.id() + " can be published only after"
            + " its review approved it");
      }
      if (p.versionNumber() != state.current().number()) {
        throw new ValidationException("ArticlePublished of article " + state.id()
            + " must publish its newest version " + state.current().number() + ", but named "
            + p.versionNumber());
      }
      next = state.withNewestPublished(p.at());
    } else if (e instanceof ArticleRetired r) {
      require(state, e, ArticleState.DRAFT, ArticleState.PUBLISHED);
      next = state.retired(r.reason());
    } else if (e instanceof ArticleLinked l) {
      next = state.withLink(l.link());
    } else if (e instanceof ArticleSuggested) {
      next = state.withUsage(state.usage().plusSuggested());
    } else if (e instanceof ArticleOpened) {
      next = state.withUsage(state.usage().plusOpened());
    } else if (e instanceof ArticleUsed u) {
      next = state.withUsage(state.usage().plusUsed())
          .withLink(new ArticleLink(ArticleLink.Relation.USED_TO_RESOLVE, u.incidentId()));
    } else if (e instanceof FeedbackGiven f) {
      next = state.withUsage(state.usage().plusFeedback(f.helped()));
    } else {
      next = state.withUsage(state.usage().plusDeflected());  // QuestionAnswered
    }
    return next.touched(e.at(), e.sequence(), e.revises());
  }

  private static KnowledgeArticle revise(KnowledgeArticle state, ArticleRevised r) {
    int newest = state.current().number();
    if (state.state() == ArticleState.DRAFT && r.versionNumber() == newest) {
      return state.withCurrent(state.current().withContent(r.content(), r.note(), r.basedOn()));
    }
    if (state.state() == ArticleState.PUBLISHED && r.versionNumber() == newest + 1) {
      ArticleVersion v = new ArticleVersion(r.versionNumber(), r.content(), r.author(), r.at(),
          r.note(), r.basedOn(), Optional.empty());
      return state.withState(ArticleState.DRAFT).withCurrent(v);
    }
    throw new ValidationException("ArticleRevised of article " + state.id() + " (" + state.state()
        + ", newest version " + newest + ") must revise version " + newest + " of a DRAFT or start"
        + " version " + (newest + 1) + " of a PUBLISHED article, but named version "
        + r.versionNumber());
  }

  private static void require(KnowledgeArticle state, KnowledgeEvent e, ArticleState... allowed) {
    for (ArticleState s : allowed) {
      if (state.state() == s) {
        return;
      }
    }
    throw new ValidationException("event " + e.type() + " of article " + state.id()
        + " is not possible in state " + state.state() + " (only in " + List.of(allowed) + ")");
  }

  /**
   * Rebuilds a state from a whole history.
   *
   * @param events the events, oldest first; not empty
   * @return the state after the last
   * @throws ValidationException if the history is empty or an event does not fit
   */
  public static KnowledgeArticle replay(List<? extends KnowledgeEvent> events) {
    if (Objects.requireNonNull(events, "events").isEmpty()) {
      throw new ValidationException("an article's history must not be empty");
    }
    KnowledgeArticle state = null;
    for (KnowledgeEvent e : events) {
      state = apply(state, e);
    }
    return state;
  }
}
