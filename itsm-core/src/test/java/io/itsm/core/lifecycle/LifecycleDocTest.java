package io.itsm.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.incident.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps docs/lifecycle.md true: its transition table lists exactly the rows of the default table. */
class LifecycleDocTest {

  @Test
  void docsTransitionTable_equalsTheDefaultLifecycle() throws IOException {
    Path doc = Path.of("..", "docs", "lifecycle.md");
    List<String> documented = Files.readAllLines(doc).stream()
        .filter(l -> l.matches("\\| [A-Z_]+ \\| [A-Z_]+ \\| [A-Z_, ]+ \\|"))
        .collect(Collectors.toList());
    List<String> actual = new ArrayList<>();
    for (Status s : Status.values()) {
      for (Command c : Command.values()) {
        var targets = Lifecycle.DEFAULT.targets(s, c);
        if (!targets.isEmpty()) {
          actual.add("| " + s + " | " + c + " | "
              + targets.stream().map(Enum::name).collect(Collectors.joining(", ")) + " |");
        }
      }
    }
    assertThat(documented).containsExactlyElementsOf(actual);
  }
}
