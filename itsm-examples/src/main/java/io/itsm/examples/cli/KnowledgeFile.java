package io.itsm.examples.cli;

import io.itsm.core.ItsmException;
import io.itsm.core.access.Actor;
import io.itsm.core.access.Role;
import io.itsm.core.json.ItsmJson;
import io.itsm.core.json.JsonFormatException;
import io.itsm.core.json.KnowledgeJson;
import io.itsm.core.knowledge.ArticleIndex;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeBase;
import io.itsm.core.knowledge.KnowledgeQuery;
import io.itsm.core.knowledge.event.KnowledgeEvent;
import io.itsm.examples.demo.SampleArticles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A knowledge file: JSON Lines, one article's history a line ({@link KnowledgeJson#writeHistory}).
 * Read into an in-memory {@link KnowledgeBase}, or the bundled sample articles when no file is
 * given.
 *
 * <p>Not thread-safe.
 */
final class KnowledgeFile {

  /** Who the command line acts as: it imports and reads everything. */
  static final Actor CLI = new Actor("itsm-cli", java.util.Set.of(Role.ADMIN), java.util.Set.of());

  private static final KnowledgeJson JSON = ItsmJson.defaults().knowledge();

  private KnowledgeFile() {}

  /** One line of a knowledge file: its number and the history on it. */
  record Line(int number, List<KnowledgeEvent> events) {}

  /**
   * Reads every line of a knowledge file, checking each; the first bad line fails the whole read.
   *
   * @param in the text
   * @param name the file's name for messages
   * @return the histories
   * @throws CliException naming the line and the problem (exit 1), or the I/O failure (exit 3)
   */
  static List<Line> read(InputStream in, String name) {
    List<Line> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in,
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
      String text;
      int n = 0;
      while ((text = r.readLine()) != null) {
        n++;
        if (text.isBlank()) {
          continue;
        }
        try {
          out.add(new Line(n, JSON.readHistory(text)));
        } catch (JsonFormatException e) {
          throw new CliException(ItsmCommand.EXIT_FAILURES, name + " line " + n + ": "
              + e.getProblem() + "; nothing was imported");
        }
      }
      return out;
    } catch (IOException e) {
      throw CliException.cannotRead("knowledge file", name, e);
    }
  }

  /**
   * Loads a knowledge file, or the sample articles, into a new knowledge base.
   *
   * @param file the file, or null for the samples
   * @param index the index to keep, or null for none
   * @return the knowledge base
   */
  static KnowledgeBase load(Path file, ArticleIndex index) {
    KnowledgeBase.Builder b = KnowledgeBase.builder().accessPolicy(
        io.itsm.core.access.RoleBasedAccessPolicy.defaults());
    if (index != null) {
      b.index(index);
    }
    KnowledgeBase kb = b.build();
    if (file == null) {
      SampleArticles.publishInto(kb);
      return kb;
    }
    try (InputStream in = Files.newInputStream(file)) {
      addAll(kb, read(in, file.toString()), file.toString());
    } catch (IOException e) {
      throw CliException.cannotRead("knowledge file", file.toString(), e);
    }
    return kb;
  }

  /**
   * Opens a knowledge base on stored articles (a JDBC store's), indexed afresh.
   *
   * @param articles the stored articles
   * @param index the index to fill
   * @return the knowledge base
   */
  static KnowledgeBase load(io.itsm.core.knowledge.KnowledgeRepository articles,
      ArticleIndex index) {
    return KnowledgeBase.builder().accessPolicy(
        io.itsm.core.access.RoleBasedAccessPolicy.defaults()).repository(articles).index(index)
        .build();
  }

  /**
   * Imports histories into a knowledge base; the first that does not fit fails with its line.
   *
   * @param kb the knowledge base
   * @param lines the histories
   * @param name the file's name for messages
   */
  static void addAll(KnowledgeBase kb, List<Line> lines, String name) {
    for (Line l : lines) {
      try {
        kb.importHistory(CLI, l.events());
      } catch (ItsmException e) {
        throw new CliException(ItsmCommand.EXIT_FAILURES, name + " line " + l.number() + ": "
            + e.getMessage() + "; nothing was imported");
      }
    }
  }

  /**
   * Writes the histories of articles, one a line.
   *
   * @param kb the knowledge base
   * @param articles the articles
   * @param out where to
   * @throws IOException if writing fails
   */
  static void write(KnowledgeBase kb, List<KnowledgeArticle> articles, Writer out)
      throws IOException {
    for (KnowledgeArticle a : articles) {
      out.write(JSON.writeHistory(kb.history(CLI, a.id())));
      out.write('\n');
    }
  }

  /** Every article of a knowledge base, by id. */
  static List<KnowledgeArticle> all(KnowledgeBase kb) {
    return kb.find(CLI, KnowledgeQuery.all());
  }
}
