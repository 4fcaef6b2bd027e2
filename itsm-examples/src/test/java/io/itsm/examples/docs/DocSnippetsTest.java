package io.itsm.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.rules.EscalationEngine;
import io.itsm.rules.TriageEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every DRL and Java snippet of the README and docs/ compiles, and the README's example prints
 * what it says. A fenced block marked {@code java} or {@code drl} (or an unmarked block that is a
 * rule file) must be preceded by a marker line saying how it is checked:
 *
 * <ul>
 *   <li>{@code <!-- check: drl -->}: a whole triage rule file, compiled with the default packs;
 *   <li>{@code <!-- check: drl escalation -->}: a whole escalation rule file;
 *   <li>{@code <!-- check: drl survey -->}, {@code drl review}, {@code drl recurrence}, {@code drl
 *       action-escalation}: a whole rule file of that decision pack;
 *   <li>{@code <!-- check: java class -->}: Java classes (common imports added);
 *   <li>{@code <!-- check: java body; given: Ticket ticket, Path dir -->}: statements, compiled
 *       in a method with those parameters (common imports added);
 *   <li>{@code <!-- check: java run -->}: statements run, each {@code // text} comment after a
 *       {@code System.out.println} must be what it prints.
 * </ul>
 */
class DocSnippetsTest {

  static final Path ROOT = root();
  static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
  static final Pattern MARKER = Pattern.compile("^<!-- check: (.*?) -->\\s*$");
  static final String IMPORTS = String.join("\n",
      "import io.itsm.core.*;", "import io.itsm.core.incident.*;", "import io.itsm.core.triage.*;",
      "import io.itsm.core.access.*;", "import io.itsm.core.sla.*;", "import io.itsm.core.json.*;",
      "import io.itsm.core.escalation.*;", "import io.itsm.core.approval.*;",
      "import io.itsm.core.event.*;", "import io.itsm.core.improvement.*;",
      "import io.itsm.core.problem.*;", "import io.itsm.core.review.*;",
      "import io.itsm.core.survey.*;", "import io.itsm.core.kernel.*;",
      "import io.itsm.core.repository.*;",
      "import io.itsm.rules.*;", "import io.itsm.rules.testkit.*;", "import io.itsm.rules.keywords.*;",
      "import io.itsm.rules.facts.*;", "import io.itsm.rules.predict.*;", "import io.itsm.learn.*;",
      "import io.itsm.jdbc.*;", "import io.itsm.kafka.*;",
      "import java.nio.file.*;", "import java.time.*;", "import java.util.*;",
      "import java.util.stream.*;", "import java.io.*;", "import org.junit.jupiter.api.*;") + "\n";

  @TempDir Path out;

  record Snippet(String file, int line, String language, String marker, String text) {
    String name() {
      return file + ":" + line + " (" + marker + ")";
    }
  }

  static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("docs").resolve("rules.md"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("docs/ not found above " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  static List<Snippet> snippets() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(ROOT.resolve("README.md"));
    try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<Snippet> out = new ArrayList<>();
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Matcher open = FENCE.matcher(lines.get(i));
        if (!open.matches()) {
          continue;
        }
        int start = i;
        StringBuilder text = new StringBuilder();
        for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
          text.append(lines.get(i)).append('\n');
        }
        String language = open.group(1).toLowerCase(Locale.ROOT);
        boolean looksLikeDrl = language.isEmpty() && text.toString().strip()
            .matches("(?s)(package |import |global |rule \").*");
        if (!language.equals("java") && !language.equals("drl") && !looksLikeDrl) {
          continue;
        }
        Matcher m = start > 0 ? MARKER.matcher(lines.get(start - 1)) : null;
        String marker = m != null && m.matches() ? m.group(1) : "";
        out.add(new Snippet(ROOT.relativize(f).toString(), start + 1,
            looksLikeDrl ? "drl" : language, marker, text.toString()));
      }
    }
    return out;
  }

  @Test
  void theDocsHaveSnippets_andEachIsMarked() throws IOException {
    List<Snippet> all = snippets();
    assertThat(all).hasSizeGreaterThan(10);
    assertThat(all).filteredOn(s -> s.marker().isEmpty())
        .as("every java/drl block needs a '<!-- check: ... -->' line before it").isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> eachSnippet_compiles() throws IOException {
    return snippets().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> check(s)));
  }

  private void check(Snippet s) throws Exception {
    String m = s.marker();
    if (m.startsWith("drl")) {
      String name = s.file() + ":" + s.line();
      if (m.contains("action-escalation")) {
        io.itsm.rules.ActionEscalationEngine.builder().addRules(name, s.text()).build();
      } else if (m.contains("escalation")) {
        EscalationEngine.builder().addRules(name, s.text()).build();
      } else if (m.contains("survey")) {
        io.itsm.rules.SurveyEngine.builder().addRules(name, s.text()).build();
      } else if (m.contains("review")) {
        io.itsm.rules.ReviewEngine.builder().addRules(name, s.text()).build();
      } else if (m.contains("recurrence")) {
        io.itsm.rules.RecurrenceEngine.builder().addRules(name, s.text()).build();
      } else {
        TriageEngine.builder().addRules(s.file() + ":" + s.line(), s.text()).build();
      }
      return;
    }
    String cls = "Snippet" + Math.abs((s.file() + s.line()).hashCode());
    String source;
    if (m.startsWith("java class")) {
      source = IMPORTS + s.text();
    } else if (m.startsWith("java body") || m.startsWith("java run")) {
      String given = "";
      int g = m.indexOf("given:");
      if (g >= 0) {
        given = m.substring(g + 6).strip();
      }
      StringBuilder hoisted = new StringBuilder();
      StringBuilder body = new StringBuilder();
      for (String l : s.text().lines().toList()) {
        (l.startsWith("import ") ? hoisted : body).append(l).append('\n');
      }
      source = IMPORTS + hoisted + "public class " + cls + " {\n  public static void snippet("
          + given + ") throws Exception {\n" + body + "\n  }\n}\n";
    } else {
      throw new AssertionError(s.name() + ": unknown marker '" + m + "'");
    }
    Path classes = compile(s, source);
    if (m.startsWith("java run")) {
      run(s, classes, cls);
    }
  }

  private Path compile(Snippet s, String source) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path classes = Files.createDirectories(out.resolve("c" + s.line()));
    DiagnosticCollector<JavaFileObject> d = new DiagnosticCollector<>();
    String name = source.contains("public class Snippet")
        ? source.replaceFirst("(?s).*public class (Snippet\\d+).*", "$1") : "Snippets";
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignore) {
        return source;
      }
    };
    try (StandardJavaFileManager fm = javac.getStandardFileManager(d, null, null)) {
      Boolean ok = javac.getTask(null, fm, d, List.of("-proc:none", "-d", classes.toString(),
          "-cp", System.getProperty("java.class.path")), null, List.of(file)).call();
      StringBuilder errors = new StringBuilder();
      d.getDiagnostics().forEach(x -> {
        if (x.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
          errors.append("\n  line ").append(x.getLineNumber() - IMPORTS.lines().count())
              .append(": ").append(x.getMessage(Locale.ROOT));
        }
      });
      assertThat(ok).as(s.name() + " does not compile:" + errors).isTrue();
    }
    return classes;
  }

  private static void run(Snippet s, Path classes, String cls) throws Exception {
    PrintStream saved = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        DocSnippetsTest.class.getClassLoader())) {
      Method snippet = loader.loadClass(cls).getMethod("snippet");
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      snippet.invoke(null);
    } finally {
      System.setOut(saved);
    }
    List<String> printed = buffer.toString(StandardCharsets.UTF_8).lines().toList();
    List<String> claimed = new ArrayList<>();
    for (String l : s.text().lines().toList()) {
      int c = l.indexOf("System.out.println");
      int comment = l.lastIndexOf("// ");
      if (c >= 0 && comment > c) {
        claimed.add(l.substring(comment + 3).strip());
      }
    }
    assertThat(claimed).as(s.name() + " claims no output").isNotEmpty();
    for (int i = 0; i < claimed.size(); i++) {
      assertThat(printed.get(i)).as(s.name() + " output line " + (i + 1))
          .startsWith(claimed.get(i));
    }
  }
}
