package io.itsm.core.knowledge.internal;

import io.itsm.core.ServiceDesk;
import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.knowledge.ArticleFilter;
import io.itsm.core.knowledge.ArticleIndex;
import io.itsm.core.knowledge.ArticleLink;
import io.itsm.core.knowledge.ArticleMatch;
import io.itsm.core.knowledge.ArticleScope;
import io.itsm.core.knowledge.ArticleSearch;
import io.itsm.core.knowledge.ArticleState;
import io.itsm.core.knowledge.ArticleStateException;
import io.itsm.core.knowledge.ArticleText;
import io.itsm.core.knowledge.ArticleVersion;
import io.itsm.core.knowledge.ArticleView;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeHit;
import io.itsm.core.knowledge.event.ArticleOpened;
import io.itsm.core.knowledge.event.ArticleSuggested;
import io.itsm.core.knowledge.event.ArticleUsed;
import io.itsm.core.knowledge.event.FeedbackGiven;
import io.itsm.core.knowledge.event.QuestionAnswered;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Searching and the usage of articles: suggestions at diagnosis (recorded when shown), the
 * self-service search and deflection, opening, using to resolve, feedback.
 *
 * <p>Thread-safe.
 */
public final class Usage {

  /** The longest query a person may type, in characters. */
  public static final int MAX_QUERY_LENGTH = 1_000;

  private final ArticleCommands commands;
  private final ResolutionCapture capture;

  /**
   * Creates the usage part.
   *
   * @param commands the article commands
   * @param capture the resolution capture (for links to incidents)
   */
  public Usage(ArticleCommands commands, ResolutionCapture capture) {
    this.commands = commands;
    this.capture = capture;
  }

  private ArticleIndex index(String command) {
    return commands.parts().index().orElseThrow(() -> new ValidationException(command
        + " needs a search index: build the knowledge base with KnowledgeBase.builder()"
        + ".index(KnowledgeIndex.inMemory()) (module itsm-rules)"));
  }

  private ServiceDesk desk(String command) {
    return commands.parts().desk().orElseThrow(() -> new ValidationException(command
        + " needs the incident desk: build the knowledge base with KnowledgeBase.builder()"
        + ".desk(desk)"));
  }

  /**
   * Searches for a person: end users find published public articles only.
   *
   * @param actor who searches
   * @param search the search
   * @return the hits, best first
   */
  public List<KnowledgeHit> search(Actor actor, ArticleSearch search) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(search, "search");
    boolean all = commands.access().checkSearch(actor);
    ArticleSearch s = all ? search : search.withFilter(search.filter().forEndUsers());
    return hits(index("search").search(s), s.language(), all);
  }

  /**
   * Searches with words a person typed.
   *
   * @param actor who searches
   * @param query the words
   * @param language the searcher's language
   * @return the hits, best first
   */
  public List<KnowledgeHit> search(Actor actor, String query, String language) {
    Objects.requireNonNull(query, "query");
    return search(actor, ArticleSearch.of(checkQuery(query), language));
  }

  /** Checks a typed query. */
  static String checkQuery(String query) {
    if (query.isBlank()) {
      throw new ValidationException("query must not be blank: type the words to search for");
    }
    if (query.length() > MAX_QUERY_LENGTH) {
      throw new ValidationException("query must be at most " + MAX_QUERY_LENGTH
          + " characters, but was " + query.length() + "; search with the words that matter");
    }
    return query;
  }

  private List<KnowledgeHit> hits(List<ArticleMatch> matches, String language, boolean all) {
    List<KnowledgeHit> out = new ArrayList<>(matches.size());
    for (ArticleMatch m : matches) {
      Optional<KnowledgeArticle> a = commands.parts().repository().find(m.articleId());
      if (a.isEmpty()) {
        continue; // removed since it was indexed
      }
      ArticleVersion v = all ? a.get().published().orElse(a.get().current())
          : a.get().published().orElse(null);
      if (v == null) {
        continue; // unpublished since it was indexed
      }
      out.add(new KnowledgeHit(ArticleView.of(a.get(), v, language), out.size() + 1, m.score(),
          m.matched()));
    }
    return out;
  }

  /**
   * Suggests published articles for an incident and records each as shown.
   *
   * @param actor the agent
   * @param incidentId the incident
   * @param limit how many at most
   * @return the suggestions, best first
   */
  public List<KnowledgeHit> suggest(Actor actor, String incidentId, int limit) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(incidentId, "incidentId");
    commands.access().check(actor, Permission.KNOWLEDGE_READ);
    return suggest(actor, desk("suggest").get(actor, incidentId), limit);
  }

  /**
   * Suggests published articles for an incident and records each as shown: all the suggestions
   * with one {@link io.itsm.core.knowledge.KnowledgeRepository#appendAll}, so either every shown
   * article records it or none does (and the listeners hear nothing), retried as a whole when
   * one of the articles changed meanwhile.
   *
   * @param actor the agent
   * @param inc the incident
   * @param limit how many at most
   * @return the suggestions, best first
   */
  public List<KnowledgeHit> suggest(Actor actor, Incident inc, int limit) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(inc, "incident");
    commands.access().check(actor, Permission.KNOWLEDGE_READ);
    String language = languageOf(inc);
    ArticleSearch s = new ArticleSearch(textOf(inc), language, true, limit,
        ArticleFilter.published(), new ArticleScope(
            inc.category().map(Set::of).orElse(Set.of()),
            inc.service().map(Set::of).orElse(Set.of()),
            inc.configurationItem().map(Set::of).orElse(Set.of())));
    List<KnowledgeHit> hits = hits(index("suggest").search(s), language, true);
    if (hits.isEmpty()) {
      return hits;
    }
    List<String> ids = hits.stream().map(h -> h.article().articleId()).toList();
    commands.writer().retryingAll(ids, () -> {
      List<Recorder> shown = new ArrayList<>(hits.size());
      for (KnowledgeHit h : hits) {
        KnowledgeArticle a = commands.load(h.article().articleId());
        Recorder r = new Recorder(a.id(), Optional.of(a), commands.now(), actor.id());
        shown.add(r.record(new ArticleSuggested(a.id(), r.seq(), r.now, actor.id(), inc.id(),
            h.rank(), h.score(), h.matchedWords())));
      }
      return shown;
    });
    return hits;
  }

  /** The caller's language if articles are written in it, else English. */
  static String languageOf(Incident inc) {
    return inc.caller().flatMap(Caller::language).map(l -> l.toLowerCase(Locale.ROOT))
        .filter(ArticleText.LANGUAGES::contains).orElse(ArticleText.DEFAULT_LANGUAGE);
  }

  /** What an incident says, for searching: title, description, error codes. */
  static String textOf(Incident inc) {
    StringBuilder sb = new StringBuilder(inc.title()).append('\n').append(inc.description());
    for (String code : inc.ticket().errorCodes()) {
      sb.append('\n').append(code);
    }
    String text = sb.toString();
    if (text.length() > ArticleSearch.MAX_TEXT_LENGTH) {
      int cut = text.lastIndexOf(' ', ArticleSearch.MAX_TEXT_LENGTH);
      text = text.substring(0, cut > 0 ? cut : ArticleSearch.MAX_TEXT_LENGTH);
    }
    return text;
  }

  /**
   * Opens an article for reading and records it.
   *
   * @param actor the reader
   * @param id the article
   * @param language the reader's language
   * @param incidentId the incident worked on, if any
   * @return what the reader sees
   */
  public ArticleView open(Actor actor, String id, String language, Optional<String> incidentId) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(incidentId, "incidentId");
    ArticleText.checkLanguage(language);
    ArticleView[] view = new ArticleView[1];
    commands.writer().retrying(id, () -> {
      KnowledgeArticle a = commands.load(id);
      view[0] = ArticleView.of(a, commands.access().readable(actor, a), language);
      Recorder r = new Recorder(a.id(), Optional.of(a), commands.now(), actor.id());
      return r.record(new ArticleOpened(a.id(), r.seq(), r.now, actor.id(), view[0].language(),
          incidentId));
    });
    return view[0];
  }

  /**
   * Records that an agent resolved (or is resolving) an incident with an article, and links both.
   *
   * @param actor the agent
   * @param id the article
   * @param incidentId the incident
   * @return the article after
   */
  public KnowledgeArticle use(Actor actor, String id, String incidentId) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(incidentId, "incidentId");
    commands.access().check(actor, Permission.KNOWLEDGE_READ);
    KnowledgeArticle first = commands.load(id);
    if (first.published().isEmpty()) {
      throw new ArticleStateException(first.id(), first.state(), "use",
          List.of(ArticleState.PUBLISHED), "only a published article can be used to resolve an"
              + " incident");
    }
    if (first.isLinkedTo(incidentId, ArticleLink.Relation.USED_TO_RESOLVE)) {
      return first;
    }
    commands.parts().desk().ifPresent(d -> capture.linkIncident(actor, d.get(actor, incidentId),
        first.id()));
    return commands.writer().retrying(id, () -> {
      KnowledgeArticle a = commands.load(id);
      Recorder r = new Recorder(a.id(), Optional.of(a), commands.now(), actor.id());
      if (!a.isLinkedTo(incidentId, ArticleLink.Relation.USED_TO_RESOLVE)) {
        r.record(new ArticleUsed(a.id(), r.seq(), r.now, actor.id(), incidentId));
      }
      return r;
    });
  }

  /**
   * Records a reader's feedback.
   *
   * @param actor the reader
   * @param id the article
   * @param helped whether it helped
   * @param comment what they said
   * @return the article after
   */
  public KnowledgeArticle feedback(Actor actor, String id, boolean helped, String comment) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(comment, "comment");
    return commands.writer().retrying(id, () -> {
      KnowledgeArticle a = readablePublished(actor, id, "feedback");
      Recorder r = new Recorder(a.id(), Optional.of(a), commands.now(), actor.id());
      return r.record(new FeedbackGiven(a.id(), r.seq(), r.now, actor.id(), helped, comment));
    });
  }

  /**
   * Records that an article answered an end user's question, so no ticket was logged.
   *
   * @param actor the user
   * @param id the article
   * @param query what they searched for
   * @return the article after
   */
  public KnowledgeArticle answered(Actor actor, String id, String query) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(query, "query");
    checkQuery(query);
    return commands.writer().retrying(id, () -> {
      KnowledgeArticle a = readablePublished(actor, id, "answered");
      Recorder r = new Recorder(a.id(), Optional.of(a), commands.now(), actor.id());
      return r.record(new QuestionAnswered(a.id(), r.seq(), r.now, actor.id(), query));
    });
  }

  private KnowledgeArticle readablePublished(Actor actor, String id, String command) {
    KnowledgeArticle a = commands.load(id);
    commands.access().readable(actor, a);
    if (a.published().isEmpty()) {
      throw new ArticleStateException(a.id(), a.state(), command, List.of(ArticleState.PUBLISHED),
          "readers rate published articles only");
    }
    return a;
  }
}
