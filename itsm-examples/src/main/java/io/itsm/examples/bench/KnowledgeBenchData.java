package io.itsm.examples.bench;

import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.approval.Approval;
import io.itsm.core.approval.ApprovalPolicy;
import io.itsm.core.approval.ApprovalSubject;
import io.itsm.core.approval.Approver;
import io.itsm.core.approval.Verdict;
import io.itsm.core.incident.Caller;
import io.itsm.core.incident.Incident;
import io.itsm.core.knowledge.ArticleContent;
import io.itsm.core.knowledge.ArticleKind;
import io.itsm.core.knowledge.ArticleScope;
import io.itsm.core.knowledge.ArticleText;
import io.itsm.core.knowledge.Audience;
import io.itsm.core.knowledge.InMemoryKnowledgeRepository;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.event.ArticleDrafted;
import io.itsm.core.knowledge.event.ArticlePublished;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.core.knowledge.event.KnowledgeHistory;
import io.itsm.core.knowledge.event.ReviewDecided;
import io.itsm.core.knowledge.event.ReviewRequested;
import io.itsm.rules.predict.PastIncident;
import io.itsm.rules.testkit.HelpDeskTickets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Published knowledge articles and incidents for the knowledge benchmarks: one article per
 * generated help-desk ticket ({@link HelpDeskTickets}: terse, misspelt text in en, de, sv, es, fr),
 * its phrase as title, with symptoms and steps around it, every fourth article also in English;
 * kinds, audiences and categories spread. The same count gives the same articles.
 *
 * <p>Stateless and thread-safe.
 */
final class KnowledgeBenchData {

  static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");
  private static final Actor AUTHOR = Actor.of("bench.author", Role.AGENT);
  private static final Actor REVIEWER =
      new Actor("bench.reviewer", Set.of(Role.KNOWLEDGE_REVIEWER), Set.of());
  private static final ArticleKind[] KINDS = ArticleKind.values();

  private KnowledgeBenchData() {}

  /** The histories of {@code count} published articles, ids KB-000001 on. */
  static List<List<KnowledgeEvent>> histories(int count) {
    List<List<KnowledgeEvent>> out = new ArrayList<>(count);
    int chunk = Math.min(10_000, count);
    int n = 0;
    for (int c = 0; n < count; c++) {
      for (PastIncident p : HelpDeskTickets.generate(chunk, 9_000L + c)) {
        if (n == count) {
          break;
        }
        n++;
        out.add(history(String.format("KB-%06d", n), p, n));
      }
    }
    return out;
  }

  private static List<KnowledgeEvent> history(String id, PastIncident p, int n) {
    String language = p.ticket().caller().flatMap(Caller::language).orElse("en");
    String phrase = p.ticket().title();
    String title = phrase.length() > ArticleText.MAX_TITLE_LENGTH
        ? phrase.substring(0, ArticleText.MAX_TITLE_LENGTH) : phrase;
    ArticleKind kind = KINDS[n % KINDS.length];
    ArticleText text = ArticleText.of(language, title,
        phrase + " " + p.ticket().description(), "check " + p.category() + " settings",
        p.resolutionText().orElse("follow the standard procedure") + " (" + n + ")");
    if (kind == ArticleKind.KNOWN_ERROR) {
      text = text.withWorkaround("workaround " + n + ": restart and retry");
    }
    List<ArticleText> texts = new ArrayList<>(List.of(text));
    if (!language.equals("en") && n % 4 == 0) {
      ArticleText en = ArticleText.of("en", "in english: " + title, "as reported: " + phrase,
          "see the " + language + " text");
      texts.add(kind == ArticleKind.KNOWN_ERROR ? en.withWorkaround("see the " + language + " text")
          : en);
    }
    ArticleContent content = new ArticleContent(kind, n % 3 == 0 ? Audience.INTERNAL
        : Audience.PUBLIC, ArticleScope.categories(p.category()), texts);
    Approval requested = Approval.single(id + "-R1",
        new ApprovalSubject(ApprovalSubject.Kind.KNOWLEDGE_ARTICLE, id),
        List.of(Approver.role(Role.KNOWLEDGE_REVIEWER)), ApprovalPolicy.any(), AUTHOR.id(), AT,
        Optional.empty());
    Approval approved = requested.decide(REVIEWER, Verdict.APPROVE, "", AT);
    return List.of(
        new ArticleDrafted(id, 1, AT, AUTHOR.id(), AUTHOR.id(), content, "", Optional.empty(),
            Optional.empty()),
        new ReviewRequested(id, 2, AT, AUTHOR.id(), requested),
        new ReviewDecided(id, 3, AT, REVIEWER.id(), approved),
        new ArticlePublished(id, 4, AT, REVIEWER.id(), 1));
  }

  /** A repository holding the histories, and their articles in the same order. */
  static InMemoryKnowledgeRepository repository(List<List<KnowledgeEvent>> histories,
      List<KnowledgeArticle> articles) {
    InMemoryKnowledgeRepository repo = new InMemoryKnowledgeRepository();
    for (List<KnowledgeEvent> h : histories) {
      KnowledgeArticle a = KnowledgeHistory.replay(h);
      repo.append(0, h, a);
      articles.add(a);
    }
    return repo;
  }

  /** Incidents to suggest for: generated help-desk tickets of other seeds, logged. */
  static List<Incident> incidents(int count) {
    List<Incident> out = new ArrayList<>(count);
    int i = 0;
    for (PastIncident p : HelpDeskTickets.generate(count, 77L)) {
      out.add(Incident.logged(String.format("INC-%06d", ++i), p.ticket().toBuilder()
          .openedAt(AT).build(), AT)
          .withClassification(new io.itsm.core.incident.Classification(
              Optional.of(p.category()), Optional.empty(), Optional.empty(), Optional.empty(),
              Optional.empty())));
    }
    return out;
  }
}
