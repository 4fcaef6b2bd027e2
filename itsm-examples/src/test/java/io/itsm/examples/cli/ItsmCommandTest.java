package io.itsm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItsmCommandTest {

  @Test
  void version_printsTheVersion() {
    Cli r = Cli.run("--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("itsm 0.1.0-SNAPSHOT\n");
  }

  @Test
  void help_listsTheSubcommandsAndExitCodes() {
    Cli r = Cli.run("--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("triage", "validate", "test", "diff", "demo")
        .contains("Exit codes:", "0   success", "2   usage error", "3   a file cannot be read");
  }

  @Test
  void noSubcommand_isAUsageError() {
    Cli r = Cli.run();

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required subcommand");
  }

  @Test
  void unknownOption_isAUsageError() {
    Cli r = Cli.run("validate", "--rulez", "x.drl");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown options: '--rulez'").contains("Possible solutions: --rules");
  }
}
