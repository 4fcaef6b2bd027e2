package io.itsm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.itsm.core.incident.Ticket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus of broken and hostile rule files ({@code src/test/resources/corpus/rules}), each with
 * its exact expected outcome in {@code expectations.tsv}: none hangs, none exits the JVM, every
 * failure names the file, the line and what is wrong, and a failing rule does not stop the engine
 * from serving the next ticket. The default packs are left out (except where a file is about them)
 * to keep the run short; the firing limit is 500.
 */
class RuleCorpusTest {

  static final Path CORPUS = corpus();

  record Expectation(String file, String outcome, int line, String message, String next) {}

  static Path corpus() {
    try {
      return Path.of(RuleCorpusTest.class.getResource("/corpus/rules/expectations.tsv").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Expectation> expectations() {
    try {
      List<Expectation> out = new ArrayList<>();
      for (String l : Files.readAllLines(CORPUS.resolve("expectations.tsv"))) {
        if (l.isBlank() || l.startsWith("#")) {
          continue;
        }
        String[] c = l.split("\t");
        out.add(new Expectation(c[0], c[1], c[2].equals("-") ? -1 : Integer.parseInt(c[2]), c[3],
            c[4]));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyFileHasAnExpectation_andTheCorpusIsLargeEnough() throws IOException {
    Set<String> files;
    try (Stream<Path> s = Files.list(CORPUS)) {
      files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> expected = expectations().stream().map(Expectation::file)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(expected).isEqualTo(files);
    assertThat(files).hasSizeGreaterThanOrEqualTo(30);
  }

  @TestFactory
  Stream<DynamicTest> eachFile_hasItsExpectedOutcome() {
    return expectations().stream().map(e -> DynamicTest.dynamicTest(e.file(), () -> check(e)));
  }

  private static TriageEngine.Builder builder(Expectation e, String drl) {
    // the shipped default budget, whatever the build sets for its other test JVMs
    TriageEngine.Builder b = TriageEngine.builder().maxRuleFirings(500)
        .timeBudget(TriageEngine.DEFAULT_TIME_BUDGET).addRules(e.file(), drl);
    if (!e.file().startsWith("default-")) {
      TriageEngine.DEFAULT_PACKS.forEach(b::withoutPack);
    }
    return b;
  }

  private static void check(Expectation e) throws IOException {
    String drl = Files.readString(CORPUS.resolve(e.file()), StandardCharsets.UTF_8);
    Throwable built = catchThrowable(() -> builder(e, drl).build());
    switch (e.outcome()) {
      case "refused", "compile-error" -> {
        assertThat(built).as(e.file()).isInstanceOf(RuleCompilationException.class);
        RuleCompilationException c = (RuleCompilationException) built;
        RuleProblem first = c.getProblems().get(0);
        assertThat(first.file()).isEqualTo(e.file());
        assertThat(first.line()).as(c.getMessage()).isEqualTo(e.line());
        assertThat(first.message()).contains(e.message());
        if (e.outcome().equals("refused")) {
          assertThat(first.message()).contains("allowed: ");
        } else {
          assertThat(first.message()).doesNotContain("which rule code may not use");
        }
        assertThat(c.getMessage()).doesNotContain("Parser returned a null Package");
      }
      case "fails", "timeout" -> {
        assertThat(built).as(e.file()).isNull();
        TriageEngine engine = builder(e, drl).build();
        Throwable t = catchThrowable(() -> engine.triage(Ticket.builder().title("trigger").build()));
        assertThat(t).as(e.file()).isInstanceOf(RuleExecutionException.class);
        RuleExecutionException r = (RuleExecutionException) t;
        assertThat(r.getMessage()).contains(e.message());
        assertThat(r.getFile()).contains(e.file());
        assertThat(r.getLine()).hasValue(e.line());
        assertThat(r.getRules()).isNotEmpty();
        Ticket next = Ticket.builder().title("VPN drops every few minutes").build();
        if (e.next().equals("serves")) {
          assertThat(engine.triage(next).tags()).isEmpty();
        } else {
          assertThat(catchThrowable(() -> engine.triage(next)))
              .isInstanceOf(RuleExecutionException.class);
        }
      }
      case "ok" -> {
        assertThat(built).as(e.file()).isNull();
        TriageEngine engine = builder(e, drl).build();
        assertThat(engine.triage(Ticket.builder().title("trigger").build()).tags()).isNotEmpty();
      }
      default -> throw new IllegalArgumentException("unknown outcome " + e.outcome());
    }
  }

  @Test
  void trustedRules_mayCallAnyCode() throws IOException {
    String drl = Files.readString(CORPUS.resolve("static-field-system-out.drl"));
    TriageEngine engine = TriageEngine.builder().addRules("trusted.drl", drl).trustRules().build();
    assertThat(engine.triage(Ticket.builder().title("nothing to print").build()).team())
        .isPresent();
  }
}
