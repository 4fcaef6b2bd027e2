package io.itsm.examples.demo;

import io.itsm.core.ServiceDesk;
import io.itsm.core.access.Actor;
import io.itsm.core.approval.Verdict;
import io.itsm.core.event.Provenance;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeBase;
import io.itsm.core.knowledge.KnowledgeCapture;
import io.itsm.core.knowledge.KnowledgeHit;
import io.itsm.core.knowledge.KnowledgeQuery;
import io.itsm.core.knowledge.KnowledgeRepository;
import io.itsm.core.knowledge.event.ArticleDrafted;
import io.itsm.core.knowledge.event.ArticleRevised;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.rules.CaptureEngine;
import io.itsm.rules.knowledge.KnowledgeIndex;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The knowledge base of the demo: the sample articles, suggestions at diagnosis (an agent uses
 * the top one when at least two words of the incident are in its title), knowledge capture by the
 * default capture rules, and the report of both.
 *
 * <p>Not thread-safe: part of one demo run.
 */
final class DemoKnowledge {

  /** The fewest words of the incident in a suggestion's title for the agent to use it. */
  static final int USE_FROM_TITLE_WORDS = 2;

  private final KnowledgeIndex index = KnowledgeIndex.inMemory();
  private final KnowledgeCapture capture = KnowledgeCapture.of(CaptureEngine.withDefaults());
  private KnowledgeBase kb;
  private final List<String> used = new ArrayList<>();

  /** The listener the desk is built with. */
  KnowledgeCapture capture() {
    return capture;
  }

  /**
   * Builds the knowledge base on the desk, its articles in a repository, and publishes the sample
   * articles.
   */
  void open(ServiceDesk desk, KnowledgeRepository repository) {
    kb = KnowledgeBase.builder().desk(desk).repository(repository).index(index).capture(capture)
        .build();
    SampleArticles.publishInto(kb);
  }

  /** At diagnosis: suggestions for the incident; the agent uses the top one if it fits. */
  void diagnose(Actor agent, String incidentId) {
    List<KnowledgeHit> hits = kb.suggest(agent, incidentId, 3);
    if (!hits.isEmpty() && hits.get(0).matched().stream()
        .filter(m -> m.fields().contains("title")).count() >= USE_FROM_TITLE_WORDS) {
      KnowledgeHit top = hits.get(0);
      kb.use(agent, top.article().articleId(), incidentId);
      used.add(incidentId + " used " + top.why());
    }
  }

  /**
   * The knowledge section of the report: the first suggestion used, the first article drafted
   * from resolutions and the first new version proposed from one, with the rules that asked.
   */
  void print(PrintWriter out) {
    out.println("== Knowledge: suggestions at diagnosis, articles written from resolutions");
    if (!used.isEmpty()) {
      out.println("  " + used.get(0));
    }
    boolean drafted = false;
    boolean revised = false;
    for (KnowledgeArticle a : kb.find(SampleArticles.REVIEWER, KnowledgeQuery.all())) {
      for (KnowledgeEvent e : kb.history(SampleArticles.REVIEWER, a.id())) {
        boolean draft = e instanceof ArticleDrafted;
        Optional<Provenance> rule = e instanceof ArticleDrafted d ? d.decidedBy()
            : e instanceof ArticleRevised r ? r.decidedBy() : Optional.empty();
        if (rule.isEmpty() || (draft ? drafted : revised)) {
          continue;
        }
        String from = draft ? ((ArticleDrafted) e).basedOn().orElse("?")
            : ((ArticleRevised) e).basedOn().orElse("?");
        out.println("  " + a.id() + (draft ? " drafted" : " version "
            + ((ArticleRevised) e).versionNumber() + " proposed") + " from the resolution of "
            + from + " ('" + a.title() + "'), now " + a.state());
        out.println("  " + " ".repeat(8) + "rule: " + rule.get().name());
        drafted |= draft;
        revised |= !draft;
      }
    }
  }

  /** Publishes the first article written from a resolution: the author submits, a reviewer approves. */
  void reviewFirstCapture() {
    kb.find(SampleArticles.REVIEWER, KnowledgeQuery.all()).stream()
        .filter(a -> !a.author().equals(SampleArticles.AUTHOR.id()))
        .filter(a -> a.state() == io.itsm.core.knowledge.ArticleState.DRAFT)
        .findFirst().ifPresent(a -> {
          Actor author = Actor.of(a.author(), io.itsm.core.access.Role.AGENT);
          kb.submitForReview(author, a.id());
          kb.review(SampleArticles.REVIEWER, a.id(), Verdict.APPROVE, "useful, published");
        });
  }

  /** The knowledge lines of the summary. */
  void printCounts(PrintWriter out) {
    long suggested = 0;
    long usedToResolve = 0;
    int captured = 0;
    int published = 0;
    for (KnowledgeArticle a : kb.find(SampleArticles.REVIEWER, KnowledgeQuery.all())) {
      suggested += a.usage().suggested();
      usedToResolve += a.usage().usedToResolve();
      if (!a.author().equals(SampleArticles.AUTHOR.id())) {
        captured++;
        published += a.published().isPresent() ? 1 : 0;
      }
    }
    out.printf(Locale.ROOT, "%-34s %5d%n", "knowledge suggestions shown", suggested);
    out.printf(Locale.ROOT, "%-34s %5d%n", "knowledge articles used to resolve", usedToResolve);
    out.printf(Locale.ROOT, "%-34s %5d%n", "articles written from resolutions", captured);
    out.printf(Locale.ROOT, "%-34s %5d%n", "  of them published", published);
  }
}
