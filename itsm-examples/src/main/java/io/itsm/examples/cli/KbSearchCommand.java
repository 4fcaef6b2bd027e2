package io.itsm.examples.cli;

import io.itsm.core.ItsmException;
import io.itsm.core.access.Actor;
import io.itsm.core.knowledge.ArticleFilter;
import io.itsm.core.knowledge.ArticleKind;
import io.itsm.core.knowledge.ArticleSearch;
import io.itsm.core.knowledge.ArticleState;
import io.itsm.core.knowledge.Audience;
import io.itsm.core.knowledge.KnowledgeBase;
import io.itsm.core.knowledge.KnowledgeHit;
import io.itsm.rules.knowledge.KnowledgeIndex;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import io.itsm.jdbc.JdbcStore;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code itsm kb search}: searches a knowledge file (or the sample articles) with Lucene, in a
 * language (falling back to English), as an agent or as an end user, and prints the ranked
 * articles with why they matched.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search knowledge articles: BM25 over title, symptoms and steps in the reader's language,"
          + " falling back to English; prints each hit with the words it matched and where."
    })
final class KbSearchCommand extends KbSubcommand {

  @Parameters(arity = "1..*", paramLabel = "WORDS", description = "What to search for.")
  List<String> words;

  @Option(names = "--kb", paramLabel = "FILE",
      description = "Knowledge file (JSON Lines of article histories); default: the samples.")
  Path file;

  @Option(names = "--store", paramLabel = "URL",
      description = "Search the knowledge articles of a store instead (a JDBC URL such as"
          + " jdbc:h2:./itsm-demo/desk, as 'itsm demo' leaves it); not with --kb.")
  String store;

  @Option(names = "--language", defaultValue = "en", paramLabel = "LANG",
      description = "The reader's language: en, de, sv, es or fr (default: ${DEFAULT-VALUE}).")
  String language;

  @Option(names = "--limit", defaultValue = "5", paramLabel = "N",
      description = "The most hits, 1 to 100 (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--kind", paramLabel = "KIND", split = ",",
      description = "Only these kinds: SOP, KNOWN_ERROR, FAQ, HOW_TO.")
  List<ArticleKind> kinds;

  @Option(names = "--state", paramLabel = "STATE", split = ",",
      description = "Only these states (default PUBLISHED): DRAFT, IN_REVIEW, PUBLISHED, RETIRED.")
  List<ArticleState> states;

  @Option(names = "--category", paramLabel = "CODE",
      description = "Only articles that apply to this category.")
  String category;

  @Option(names = "--only-language",
      description = "Do not fall back to English: only articles written in --language.")
  boolean onlyLanguage;

  @Option(names = "--as-end-user",
      description = "Search as an end user on the portal: published PUBLIC articles only.")
  boolean endUser;

  @Option(names = "--index", paramLabel = "DIR",
      description = "Keep the Lucene index in this directory (made or brought up to date).")
  Path indexDir;

  @Override
  int execute() {
    String query = String.join(" ", words);
    KnowledgeIndex index;
    try {
      index = indexDir == null ? KnowledgeIndex.inMemory() : KnowledgeIndex.onDisk(indexDir);
    } catch (UncheckedIOException e) {
      throw CliException.cannotWrite("index directory", indexDir.toString(), e.getCause());
    }
    if (store != null && file != null) {
      index.close();
      throw new CliException(ItsmCommand.EXIT_USAGE, "give either --kb FILE or --store URL, not"
          + " both");
    }
    JdbcStore opened = null;
    try (index) {
      KnowledgeBase kb;
      if (store != null) {
        opened = Stores.forReading(store);
        kb = KnowledgeFile.load(opened.knowledge(), index);
      } else {
        kb = KnowledgeFile.load(file, index);
      }
      ArticleFilter filter = ArticleFilter.published();
      if (states != null) {
        filter = filter.withStates(states.toArray(ArticleState[]::new));
      }
      if (kinds != null) {
        filter = filter.withKinds(kinds.toArray(ArticleKind[]::new));
      }
      if (category != null) {
        filter = filter.withCategory(category);
      }
      Actor reader = endUser ? Actor.endUser("portal-user") : KnowledgeFile.CLI;
      List<KnowledgeHit> hits;
      try {
        if (query.isBlank() || query.length() > KnowledgeBase.MAX_QUERY_LENGTH) {
          kb.search(reader, query, language); // refused, saying why
        }
        ArticleSearch s = ArticleSearch.of(query, language).withLimit(limit).withFilter(filter);
        hits = kb.search(reader, onlyLanguage ? s.withoutFallback() : s);
      } catch (ItsmException e) {
        throw new CliException(ItsmCommand.EXIT_USAGE, e.getMessage());
      }
      out().printf(Locale.ROOT, "%d article%s for '%s' (%s%s, %s)%n", hits.size(),
          hits.size() == 1 ? "" : "s", query, language, onlyLanguage ? " only" : "",
          endUser ? "end user: published public articles" : "agent");
      for (KnowledgeHit h : hits) {
        out().printf(Locale.ROOT, "#%d %s  %-11s %s  (%s, %.2f)%n", h.rank(),
            h.article().articleId(), h.article().kind().name().toLowerCase(Locale.ROOT)
                .replace('_', ' '), h.article().title(), h.article().language(), h.score());
        out().println("   matched " + String.join("; ", h.matched().stream()
            .map(Object::toString).toList()));
        h.article().text().workaround().ifPresent(w -> out().println("   workaround: " + w));
      }
      if (indexDir != null) {
        index.commit();
      }
      return ItsmCommand.EXIT_OK;
    } finally {
      if (opened != null) {
        opened.close();
      }
    }
  }
}
