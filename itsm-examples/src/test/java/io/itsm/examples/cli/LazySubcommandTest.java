package io.itsm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ItsmCommand.main} builds only the subcommand it runs: the same arguments must give the
 * same exit code, output and errors as the full command line.
 */
class LazySubcommandTest {

  private static final String TICKET =
      "{\"id\":\"T-1\",\"title\":\"VPN drops every few minutes\",\"caller\":{\"id\":\"u1\"}}\n";

  @TempDir Path dir;

  @Test
  void subcommands_areThoseOfTheAnnotation_inItsOrder() {
    List<String> annotated = new ArrayList<>();
    List<Class<?>> classes = new ArrayList<>();
    for (Class<?> c : ItsmCommand.class.getAnnotation(CommandLine.Command.class).subcommands()) {
      annotated.add(c.getAnnotation(CommandLine.Command.class).name());
      classes.add(c);
    }

    assertThat(ItsmCommand.SUBCOMMANDS.keySet()).containsExactlyElementsOf(annotated);
    List<Class<?>> made = new ArrayList<>();
    for (Map.Entry<String, java.util.function.Supplier<Object>> e
        : ItsmCommand.SUBCOMMANDS.entrySet()) {
      made.add(e.getValue().get().getClass());
    }
    assertThat(made).containsExactlyElementsOf(classes);
  }

  @Test
  void aSubcommandAlone_runsLikeTheFullCommandLine() throws Exception {
    Path rules = dir.resolve("bad.drl");
    Files.writeString(rules, "package team;\nrule \"broken\"\nwhen\n  Nonsense(\nthen\nend\n");
    String[][] cases = {
      {"triage", "--help"},
      {"triage", "--version"},
      {"triage"},
      {"triage", "--bogus"},
      {"triage", "--input", "-"},
      {"triage", "--input", "-", "--threads", "0"},
      {"triage", "--input", "-", "--rules", rules.toString()},
      {"triage", "--input", dir.resolve("missing.jsonl").toString()},
      {"validate", "--rulez", "x.drl"},
      {"validate", "--help"},
      {"kb", "--help"},
      {"kb", "search", "--help"},
      {"kb", "nonsense"},
      {"demo", "--help"},
      {"serve", "--help"},
      {"metrics", "--version"},
    };
    for (String[] args : cases) {
      Run full = run(new CommandLine(new ItsmCommand(stdin())), args);
      Run lazy = run(ItsmCommand.commandLine(new ItsmCommand(stdin()), args), args);

      assertThat(lazy).as(String.join(" ", args)).isEqualTo(full);
      if (!List.of(args).contains("--version")) { // a subcommand has no version of its own
        assertThat(lazy.out() + lazy.err()).as(String.join(" ", args)).isNotEmpty();
      }
    }
  }

  @Test
  void anythingElse_getsTheFullCommandLine() {
    for (String[] args : new String[][] {{}, {"--help"}, {"--version"}, {"trige"}, {"@args"}}) {
      CommandLine cl = ItsmCommand.commandLine(new ItsmCommand(stdin()), args);

      assertThat(cl.getSubcommands().keySet()).as(String.join(" ", args))
          .containsExactlyElementsOf(ItsmCommand.SUBCOMMANDS.keySet());
    }
    assertThat(ItsmCommand.commandLine(new ItsmCommand(stdin()), new String[] {"triage"})
        .getSubcommands()).containsOnlyKeys("triage");
  }

  private static ByteArrayInputStream stdin() {
    return new ByteArrayInputStream(TICKET.getBytes(StandardCharsets.UTF_8));
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run run(CommandLine cl, String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
