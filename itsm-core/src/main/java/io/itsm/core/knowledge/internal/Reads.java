package io.itsm.core.knowledge.internal;

import io.itsm.core.ValidationException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Permission;
import io.itsm.core.knowledge.ArticleText;
import io.itsm.core.knowledge.ArticleVersion;
import io.itsm.core.knowledge.ArticleView;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeContribution;
import io.itsm.core.knowledge.KnowledgeQuery;
import io.itsm.core.knowledge.event.ArticleDrafted;
import io.itsm.core.knowledge.event.ArticlePublished;
import io.itsm.core.knowledge.event.ArticleRevised;
import io.itsm.core.knowledge.event.ArticleUsed;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.core.knowledge.event.ReviewDecided;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The queries of the knowledge base: articles, versions, histories, and contributions per person.
 *
 * <p>Thread-safe.
 */
public final class Reads {

  private final ArticleCommands commands;

  /**
   * Creates the queries.
   *
   * @param commands the article commands
   */
  public Reads(ArticleCommands commands) {
    this.commands = commands;
  }

  /**
   * Returns an article whole.
   *
   * @param actor who asks (KNOWLEDGE_READ)
   * @param id the article
   * @return the article
   */
  public KnowledgeArticle get(Actor actor, String id) {
    Objects.requireNonNull(actor, "actor");
    commands.access().check(actor, Permission.KNOWLEDGE_READ);
    return commands.load(id);
  }

  /**
   * Finds articles.
   *
   * @param actor who asks (KNOWLEDGE_READ)
   * @param query the criteria
   * @return the articles by id
   */
  public List<KnowledgeArticle> find(Actor actor, KnowledgeQuery query) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(query, "query");
    commands.access().check(actor, Permission.KNOWLEDGE_READ);
    return commands.parts().repository().find(query);
  }

  /**
   * Returns an article's history.
   *
   * @param actor who asks (KNOWLEDGE_READ)
   * @param id the article
   * @return its events, oldest first
   */
  public List<KnowledgeEvent> history(Actor actor, String id) {
    Objects.requireNonNull(actor, "actor");
    commands.access().check(actor, Permission.KNOWLEDGE_READ);
    commands.load(id);
    return commands.parts().repository().history(id);
  }

  /**
   * Shows what a reader may read of an article, without recording it.
   *
   * @param actor the reader
   * @param id the article
   * @param language the reader's language
   * @return the view
   */
  public ArticleView read(Actor actor, String id, String language) {
    Objects.requireNonNull(actor, "actor");
    ArticleText.checkLanguage(language);
    KnowledgeArticle a = commands.load(id);
    return ArticleView.of(a, commands.access().readable(actor, a), language);
  }

  /**
   * Shows one version of an article (also of a retired one: its history stays readable).
   *
   * @param actor who asks (KNOWLEDGE_READ)
   * @param id the article
   * @param number the version number
   * @param language the reader's language
   * @return the view
   */
  public ArticleView version(Actor actor, String id, int number, String language) {
    Objects.requireNonNull(actor, "actor");
    ArticleText.checkLanguage(language);
    commands.access().check(actor, Permission.KNOWLEDGE_READ);
    KnowledgeArticle a = commands.load(id);
    ArticleVersion v = a.version(number).orElseThrow(() -> new ValidationException("article "
        + id + " has versions 1 to " + a.versions().size() + ", not " + number));
    return ArticleView.of(a, v, language);
  }

  /**
   * Counts each person's contributions in a period, from every article's events.
   *
   * @param actor who asks (KNOWLEDGE_READ)
   * @param from the start, inclusive
   * @param to the end, exclusive
   * @return one entry per person who contributed, by id
   */
  public List<KnowledgeContribution> contributions(Actor actor, Instant from, Instant to) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    commands.access().check(actor, Permission.KNOWLEDGE_READ);
    if (to.isBefore(from)) {
      throw new ValidationException("contributions: 'to' " + to + " must not be before 'from' "
          + from);
    }
    Map<String, int[]> counts = new TreeMap<>();
    for (KnowledgeArticle a : commands.parts().repository().find(KnowledgeQuery.all())) {
      Map<Integer, String> authors = new HashMap<>();
      int newest = 0;
      for (KnowledgeEvent e : commands.parts().repository().history(a.id())) {
        boolean in = !e.at().isBefore(from) && e.at().isBefore(to);
        if (e instanceof ArticleDrafted d) {
          newest = 1;
          authors.put(1, d.author());
          count(counts, in, d.author(), 0);
        } else if (e instanceof ArticleRevised r) {
          if (r.versionNumber() > newest) {
            newest = r.versionNumber();
            authors.put(newest, r.author());
            count(counts, in, r.author(), 1);
          } else {
            count(counts, in, r.author(), 2);
          }
        } else if (e instanceof ArticlePublished p) {
          count(counts, in, authors.getOrDefault(p.versionNumber(), a.author()), 3);
        } else if (e instanceof ReviewDecided d) {
          count(counts, in, d.actor(), 4);
        } else if (e instanceof ArticleUsed u) {
          count(counts, in, u.actor(), 5);
        }
      }
    }
    List<KnowledgeContribution> out = new ArrayList<>(counts.size());
    counts.forEach((who, c) -> out.add(
        new KnowledgeContribution(who, c[0], c[1], c[2], c[3], c[4], c[5])));
    return out;
  }

  private static void count(Map<String, int[]> counts, boolean in, String who, int what) {
    if (in) {
      counts.computeIfAbsent(who, k -> new int[6])[what]++;
    }
  }
}
