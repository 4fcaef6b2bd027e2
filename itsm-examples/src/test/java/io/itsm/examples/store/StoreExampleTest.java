package io.itsm.examples.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreExampleTest {

  @TempDir Path dir;

  @Test
  void example_readsTheIncidentBack_afterARestart() {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Incident inc;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      inc = StoreExample.run("jdbc:h2:" + dir.resolve("desk").toAbsolutePath());
    } finally {
      System.setOut(out);
    }
    assertThat(inc.status()).isEqualTo(Status.ASSIGNED);
    assertThat(dir.resolve("desk.mv.db")).exists();
    assertThat(captured.toString(StandardCharsets.UTF_8).lines()).containsExactly("ASSIGNED network-ops, 4 events");
  }

  @Test
  void readme_showsExactlyTheExampleCode() throws IOException {
    List<String> source = Files.readAllLines(Path.of("src/main/java/io/itsm/examples/store/StoreExample.java"));
    int start = indexOfTrimmed(source, "// README:start") + 1;
    int end = indexOfTrimmed(source, "// README:end");
    String code = String.join("\n", source.subList(start, end).stream().map(l -> l.substring(4)).toList());
    assertThat(Files.readString(Path.of("..", "README.md"))).contains(code);
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
