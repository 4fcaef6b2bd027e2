package io.itsm.examples.cli;

import io.itsm.core.knowledge.ArticleKind;
import io.itsm.core.knowledge.ArticleState;
import io.itsm.core.knowledge.KnowledgeArticle;
import io.itsm.core.knowledge.KnowledgeBase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code itsm kb export}: writes the article histories of a knowledge file (or the sample
 * articles) as JSON Lines, optionally only some states, kinds or languages.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export article histories as JSON Lines, one article a line (what 'kb import' reads).",
      "Without --kb the bundled sample articles are exported: a knowledge file to start from."
    })
final class KbExportCommand extends KbSubcommand {

  @Option(names = "--kb", paramLabel = "FILE",
      description = "Knowledge file to export from; default: the samples.")
  Path file;

  @Option(names = "--output", defaultValue = "-", paramLabel = "FILE|-",
      description = "Where to write; '-' is standard output (default).")
  String output;

  @Option(names = "--state", paramLabel = "STATE", split = ",",
      description = "Only articles in these states: DRAFT, IN_REVIEW, PUBLISHED, RETIRED.")
  List<ArticleState> states;

  @Option(names = "--kind", paramLabel = "KIND", split = ",",
      description = "Only these kinds: SOP, KNOWN_ERROR, FAQ, HOW_TO.")
  List<ArticleKind> kinds;

  @Option(names = "--language", paramLabel = "LANG",
      description = "Only articles with a translation in this language.")
  String language;

  @Override
  int execute() {
    KnowledgeBase base = KnowledgeFile.load(file, null);
    List<KnowledgeArticle> articles = KnowledgeFile.all(base).stream()
        .filter(a -> states == null || states.contains(a.state()))
        .filter(a -> kinds == null || kinds.contains(a.kind()))
        .filter(a -> language == null
            || a.current().content().languages().contains(language))
        .toList();
    if (output.equals("-")) {
      try {
        PrintWriter out = out();
        KnowledgeFile.write(base, articles, out);
      } catch (IOException e) {
        throw CliException.cannotWrite("output", output, e);
      }
    } else {
      try (Writer w = Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8)) {
        KnowledgeFile.write(base, articles, w);
      } catch (IOException e) {
        throw CliException.cannotWrite("output file", output, e);
      }
      err().println("exported " + articles.size() + " article" + (articles.size() == 1 ? "" : "s")
          + " to " + output);
    }
    return ItsmCommand.EXIT_OK;
  }
}
