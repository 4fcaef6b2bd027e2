package io.itsm.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Priority;
import io.itsm.core.incident.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadmeExampleTest {

  @Test
  void example_logsTriagesResolvesAndCloses() {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Incident inc;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      inc = ReadmeExample.run();
    } finally {
      System.setOut(out);
    }
    assertThat(inc.status()).isEqualTo(Status.CLOSED);
    assertThat(inc.category()).contains("network");
    assertThat(inc.priority()).contains(Priority.P3);
    assertThat(inc.team()).contains("network-ops");
    assertThat(captured.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("network P3 network-ops", "CLOSED after 8 events");
  }

  @Test
  void readme_showsExactlyTheExampleCode() throws IOException {
    List<String> source = Files.readAllLines(
        Path.of("src/main/java/io/itsm/examples/readme/ReadmeExample.java"));
    int start = indexOfTrimmed(source, "// README:start") + 1;
    int end = indexOfTrimmed(source, "// README:end");
    String code = String.join("\n", source.subList(start, end).stream().map(l -> l.substring(4)).toList());
    String readme = Files.readString(Path.of("..", "README.md"));
    assertThat(readme).contains(code);
  }

  private static int indexOfTrimmed(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError("marker not found: " + marker);
  }
}
