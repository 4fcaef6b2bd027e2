package io.itsm.examples.cli;

import io.itsm.core.knowledge.KnowledgeBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code itsm kb import}: adds the article histories of a JSON Lines file to a knowledge file,
 * checking every line (JSON, history replay, ids not taken); one bad line and nothing is imported.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import article histories (JSON Lines, as 'kb export' writes them) into a knowledge file.",
      "Every line is checked first; a bad line imports nothing and names the line."
    })
final class KbImportCommand extends KbSubcommand {

  @Option(names = "--input", required = true, paramLabel = "FILE|-",
      description = "The histories to import; '-' reads standard input.")
  String input;

  @Option(names = "--kb", required = true, paramLabel = "FILE",
      description = "The knowledge file to add them to (made when missing).")
  Path file;

  @Override
  int execute() {
    List<KnowledgeFile.Line> lines;
    try (InputStream in = input.equals("-") ? kb.stdin() : Files.newInputStream(Path.of(input))) {
      lines = KnowledgeFile.read(in, input);
    } catch (IOException e) {
      throw CliException.cannotRead("input file", input, e);
    }
    KnowledgeBase base = Files.exists(file) ? KnowledgeFile.load(file, null)
        : KnowledgeBase.builder().build();
    int before = KnowledgeFile.all(base).size();
    KnowledgeFile.addAll(base, lines, input);
    Path tmp = file.toAbsolutePath().resolveSibling(file.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      KnowledgeFile.write(base, KnowledgeFile.all(base), w);
    } catch (IOException e) {
      throw CliException.cannotWrite("knowledge file", file.toString(), e);
    }
    try {
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw CliException.cannotWrite("knowledge file", file.toString(), e);
    }
    out().println("imported " + lines.size() + " article" + (lines.size() == 1 ? "" : "s")
        + " into " + file + " (" + (before + lines.size()) + " in all)");
    return ItsmCommand.EXIT_OK;
  }
}
