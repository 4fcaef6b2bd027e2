package io.itsm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmdbCommandTest {

  @Test
  void list_filtersTheSampleByTypeAndTeam() {
    Cli r = Cli.run("cmdb", "list", "--type", "DATABASE");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("db-orders     DATABASE         BUSINESS_CRITICAL dba         Orders database\n"
        + "  RUNS_ON srv-db-01\n").endsWith("1 configuration item\n");
    assertThat(Cli.run("cmdb", "list", "--team", "infra").out()).contains("srv-db-01", "srv-mail-01", "san-01")
        .endsWith("4 configuration items\n");
  }

  @Test
  void impact_namesTheServicesAndTheUnknownItemProbablyMeant() {
    Cli r = Cli.run("cmdb", "impact", "srv-db-01");
    assertThat(r.out()).startsWith("srv-db-01 fails: 3 services (svc-checkout, svc-payments, svc-webshop), 6 items affected");
    Cli typo = Cli.run("cmdb", "impact", "db-order");
    assertThat(typo.exitCode()).isEqualTo(ItsmCommand.EXIT_FAILURES);
    assertThat(typo.err()).isEqualTo("itsm: configuration item 'db-order' does not exist; did you mean 'db-orders'?\n");
    assertThat(Cli.run("cmdb", "impact").exitCode()).isEqualTo(ItsmCommand.EXIT_USAGE);
    assertThat(Cli.run("cmdb", "remove").err()).contains("ACTION must be list, impact, export or import, but was 'remove'");
  }

  @Test
  void export_writesABackupThatListReadsBack(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cmdb.json");
    assertThat(Cli.run("cmdb", "export", "--output", file.toString()).out())
        .isEqualTo("wrote 13 configuration items to " + file + "\n");
    Cli fromFile = Cli.run("cmdb", "impact", "db-orders", "--cmdb", file.toString(), "--json");
    Cli fromSample = Cli.run("cmdb", "impact", "db-orders", "--json");
    assertThat(fromFile.out()).isEqualTo(fromSample.out()).startsWith("{\"failed\":{\"id\":\"db-orders\"");
    Files.writeString(file, Files.readString(file).replace("\"RUNS_ON\"", "\"RUNS_UNDER\""));
    Cli bad = Cli.run("cmdb", "list", "--cmdb", file.toString());
    assertThat(bad.exitCode()).isEqualTo(ItsmCommand.EXIT_FAILURES);
    assertThat(bad.err()).contains("'RUNS_UNDER' is not one of DEPENDS_ON, RUNS_ON, PART_OF, CONNECTED_TO");
    assertThat(Cli.run("cmdb", "list", "--cmdb", dir.resolve("nope.json").toString()).exitCode())
        .isEqualTo(ItsmCommand.EXIT_IO);
  }
}
