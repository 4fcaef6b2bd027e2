package io.itsm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus of malformed JSON Lines files ({@code src/test/resources/corpus/jsonl}), each with
 * the exact outcome of {@code itsm triage} in {@code expectations.tsv}: the bad lines are reported
 * as {@code line N: ...}, every good line after them is still triaged, and the exit code is never 0
 * while a ticket is missing from the output.
 */
class JsonLinesCorpusTest {

  static final Path CORPUS = corpus();
  static final Pattern LINE = Pattern.compile("(?m)^line (\\d+): (.*)$");

  record Expectation(String file, int exit, List<String> decisions, List<String> bad,
      String message) {}

  static Path corpus() {
    try {
      return Path.of(JsonLinesCorpusTest.class.getResource("/corpus/jsonl/expectations.tsv")
          .toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Expectation> expectations() throws IOException {
    List<Expectation> out = new ArrayList<>();
    for (String l : Files.readAllLines(CORPUS.resolve("expectations.tsv"))) {
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      String[] c = l.split("\t");
      out.add(new Expectation(c[0], Integer.parseInt(c[1]), list(c[2]), list(c[3]), c[4]));
    }
    return out;
  }

  private static List<String> list(String cell) {
    return cell.equals("-") ? List.of() : List.of(cell.split(","));
  }

  @Test
  void everyFileHasAnExpectation_andThereAreAtLeastFifty() throws IOException {
    Set<String> files;
    try (Stream<Path> s = Files.list(CORPUS)) {
      files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> expected = new TreeSet<>();
    expectations().forEach(e -> expected.add(e.file()));
    assertThat(expected).isEqualTo(files);
    assertThat(files).hasSizeGreaterThanOrEqualTo(50);
  }

  @TestFactory
  Stream<DynamicTest> eachFile_hasItsExpectedOutcome() throws IOException {
    return expectations().stream().map(e -> DynamicTest.dynamicTest(e.file(), () -> {
      Cli r = Cli.run("triage", "--input", CORPUS.resolve(e.file()).toString(), "--threads", "2");
      assertThat(r.exitCode()).as(r.err()).isEqualTo(e.exit());
      List<String> ids = r.out().lines()
          .map(l -> l.replaceAll("^\\{\"id\":\"([^\"]*)\".*", "$1")).toList();
      assertThat(ids).isEqualTo(e.decisions());
      List<String> bad = new ArrayList<>();
      Matcher m = LINE.matcher(r.err());
      String first = null;
      while (m.find()) {
        bad.add(m.group(1));
        first = first == null ? m.group(2) : first;
      }
      assertThat(bad).isEqualTo(e.bad());
      if (!e.message().equals("-")) {
        assertThat(first).contains(e.message());
      }
      if (!e.bad().isEmpty()) {
        assertThat(e.exit()).isNotZero();
      }
    }));
  }
}
