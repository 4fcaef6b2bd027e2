package io.itsm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

  @TempDir Path dir;

  @Test
  void demo_printsTimelinesAndTheSummary_inMemory() {
    Cli r = Cli.run("demo", "--store", "memory");

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("== INC-000001 (SMP-001)").contains("== Summary").doesNotContain("stored in");
  }

  @Test
  void demo_byDefault_storesTheDeskInItsOwnH2File_madeAfreshOnEveryRun() throws IOException {
    Path file = Path.of("itsm-demo", "desk.mv.db");
    try {
      Cli first = Cli.run("demo");
      Cli second = Cli.run("demo");

      assertThat(first.exitCode()).isZero();
      assertThat(first.err()).isEmpty();
      assertThat(file).exists();
      assertThat(second.out()).isEqualTo(first.out());
      assertThat(first.out()).contains("== Summary")
          .contains("stored in jdbc:h2:./itsm-demo/desk (H2 ")
          .contains("50 incidents, 7 post-incident reviews, 2 preventive actions, 0 problems, 50 survey"
              + " decisions (sent or skipped) and 17 knowledge articles; made afresh on every run of 'itsm demo'");
      String memory = Cli.run("demo", "--store", "memory").out();
      assertThat(first.out()).startsWith(memory);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(file.getParent());
    }
  }

  @Test
  void demo_input_replacesTheSamples() throws IOException {
    Path input = Files.writeString(dir.resolve("t.jsonl"), TestFiles.PRINTER + "\n" + TestFiles.VPN_VIP + "\n");

    Cli r = Cli.run("demo", "--input", input.toString(), "--store", "memory");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("itsm demo: 2 tickets").contains("2 tickets: 2 incidents");
  }

  @Test
  void demo_badInputLine_exits1_naming_theLine() throws IOException {
    Path input = Files.writeString(dir.resolve("t.jsonl"), TestFiles.PRINTER + "\n{}\n");

    Cli r = Cli.run("demo", "--input", input.toString(), "--store", "memory");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("itsm: line 2: title: required, but missing\n");
  }
}
