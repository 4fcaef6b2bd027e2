package io.itsm.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.examples.cli.ItsmCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command-line baseline writes byte for byte what {@code itsm triage} writes. */
class BaselineTriageCliTest {

  @TempDir Path dir;

  @Test
  void baseline_writesTheSameBytesAsItsmTriage() throws IOException {
    Path input = BenchData.writeTickets(dir.resolve("tickets.jsonl"), 400);
    // a ticket without id (its line number is its id) and a bad line, as the command sees them
    Files.writeString(input, "{\"title\":\"VPN down\"}\nnot json\n",
        java.nio.file.StandardOpenOption.APPEND);
    Path itsmOut = dir.resolve("itsm.jsonl");
    Path baselineOut = dir.resolve("baseline.jsonl");

    StringWriter err = new StringWriter();
    int code = new CommandLine(new ItsmCommand())
        .setOut(new PrintWriter(new StringWriter()))
        .setErr(new PrintWriter(err))
        .execute("triage", "--input", input.toString(), "--output", itsmOut.toString());
    ByteArrayOutputStream baselineErr = new ByteArrayOutputStream();
    long bad = BaselineTriageCli.run(input, baselineOut,
        new PrintStream(baselineErr, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(1);
    assertThat(bad).isEqualTo(1);
    assertThat(baselineErr.toString(StandardCharsets.UTF_8)).isEqualTo(err.toString());
    byte[] expected = Files.readAllBytes(itsmOut);
    assertThat(Files.readAllLines(itsmOut)).hasSize(401).last().asString().contains("\"line-401\"");
    assertThat(Files.readAllBytes(baselineOut)).isEqualTo(expected);
  }
}
