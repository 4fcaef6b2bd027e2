package io.itsm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code itsm cmdb} and {@code itsm announcements} reading from and writing to a store. */
class CmdbAndAnnouncementsStoreTest {

  private static final String OUTAGE_TIME = "2026-11-23T09:00:00Z";

  @TempDir Path dir;

  private String h2(String name) {
    return "jdbc:h2:" + dir.resolve(name).toAbsolutePath();
  }

  @Test
  void cmdbImportedIntoAStore_isListedAndAnalysedFromIt_asTheSampleIs() {
    String url = h2("desk");

    Cli imported = Cli.run("cmdb", "import", "--store", url);

    assertThat(imported.exitCode()).isZero();
    assertThat(imported.out())
        .isEqualTo("imported 13 configuration items into " + url + " (13 in the store)\n");
    assertThat(Cli.run("cmdb", "list", "--store", url).out())
        .isEqualTo(Cli.run("cmdb", "list").out()).endsWith("13 configuration items\n");
    assertThat(Cli.run("cmdb", "list", "--store", url, "--type", "DATABASE").out())
        .endsWith("1 configuration item\n");
    assertThat(Cli.run("cmdb", "impact", "srv-db-01", "--store", url).out())
        .isEqualTo(Cli.run("cmdb", "impact", "srv-db-01").out())
        .startsWith("srv-db-01 fails: 3 services (svc-checkout, svc-payments, svc-webshop)");
    // the same items and histories; only the moment of the export differs (the store's clock)
    assertThat(withoutExportedAt(Cli.run("cmdb", "export", "--store", url).out()))
        .isEqualTo(withoutExportedAt(Cli.run("cmdb", "export").out())).contains("\"db-orders\"");
  }

  private static String withoutExportedAt(String export) {
    return export.replaceFirst("\"exportedAt\": \"[^\"]+\"", "");
  }

  @Test
  void cmdbImportIntoAStoreThatHoldsItems_isRefused_andChangesNothing() {
    String url = h2("desk");
    Cli.run("cmdb", "import", "--store", url);
    String before = Cli.run("cmdb", "list", "--store", url, "--json").out();

    Cli again = Cli.run("cmdb", "import", "--store", url);

    assertThat(again.exitCode()).isEqualTo(ItsmCommand.EXIT_FAILURES);
    assertThat(again.err()).startsWith("itsm: the sample cannot be imported into " + url + ": ")
        .endsWith("; nothing of it was stored\n");
    assertThat(Cli.run("cmdb", "list", "--store", url, "--json").out()).isEqualTo(before);
  }

  @Test
  void cmdbWithAStore_badUsesAndAMissingStore_areNamed() {
    Cli missing = Cli.run("cmdb", "list", "--store", h2("missing"));
    assertThat(missing.exitCode()).isEqualTo(ItsmCommand.EXIT_IO);
    assertThat(missing.err()).contains("no store at");
    assertThat(Cli.run("cmdb", "import").err())
        .contains("import writes into a store: itsm cmdb import --store URL [--cmdb FILE]");
    assertThat(Cli.run("cmdb", "list", "--store", h2("x"), "--cmdb", "c.json").exitCode())
        .isEqualTo(ItsmCommand.EXIT_USAGE);
    assertThat(Cli.run("cmdb", "import", "--store", h2("desk")).exitCode()).isZero();
    assertThat(Cli.run("cmdb", "impact", "db-order", "--store", h2("desk")).err())
        .isEqualTo("itsm: configuration item 'db-order' does not exist; did you mean 'db-orders'?\n");
  }

  @Test
  void announcementsInAStore_areShownActiveAndArchived_endedAndArchivedThroughTheStore() {
    String url = h2("desk");
    Cli.run("cmdb", "import", "--store", url);
    assertThat(Cli.run("announcements", "--store", url, "--at", OUTAGE_TIME).out())
        .isEqualTo("0 announcements active at " + OUTAGE_TIME + "\n");

    Cli samples = Cli.run("announcements", "samples", "--store", url);

    assertThat(samples.exitCode()).isZero();
    assertThat(samples.out()).isEqualTo("stored 3 sample announcements in " + url + "\n");
    assertThat(Cli.run("announcements", "--store", url, "--at", OUTAGE_TIME, "--service",
            "svc-webshop", "--language", "de").out())
        .isEqualTo(Cli.run("announcements", "--service", "svc-webshop", "--language", "de").out())
        .startsWith("ANN-000002 UNPLANNED_OUTAGE PUBLISHED")
        .endsWith("1 announcement active at " + OUTAGE_TIME + "\n");
    assertThat(Cli.run("announcements", "--store", url, "--archived").out())
        .startsWith("ANN-000001 UPGRADE ARCHIVED").endsWith("1 announcement in the archive\n");

    Cli ended = Cli.run("announcements", "end", "ANN-000002", "--store", url, "--note", "Fixed.");
    assertThat(ended.exitCode()).isZero();
    assertThat(ended.out()).startsWith("ANN-000002 ENDED at ");
    assertThat(Cli.run("announcements", "archive", "ANN-000002", "--store", url).out())
        .isEqualTo("ANN-000002 ARCHIVED\n");

    assertThat(Cli.run("announcements", "--store", url, "--at", OUTAGE_TIME).out())
        .as("an ended announcement is no longer active, whatever its window")
        .doesNotContain("ANN-000002");
    assertThat(Cli.run("announcements", "--store", url, "--archived").out())
        .contains("ANN-000001", "ANN-000002").endsWith("2 announcements in the archive\n");
    assertThat(Cli.run("announcements", "--store", url, "--archived", "--text", "database").out())
        .startsWith("ANN-000002 ").endsWith("1 announcement in the archive\n");
  }

  @Test
  void announcementsWritesThatCannotBeDone_areRefused_namingTheFix_andChangeNothing() {
    String url = h2("desk");
    Cli noCmdb = Cli.run("announcements", "samples", "--store", url);
    assertThat(noCmdb.exitCode()).isEqualTo(ItsmCommand.EXIT_FAILURES);
    assertThat(noCmdb.err()).contains("import the sample CMDB first: itsm cmdb import --store " + url);
    Cli.run("cmdb", "import", "--store", url);
    Cli.run("announcements", "samples", "--store", url);
    String before = Cli.run("announcements", "--store", url, "--all", "--json").out();

    Cli twice = Cli.run("announcements", "samples", "--store", url);
    assertThat(twice.exitCode()).isEqualTo(ItsmCommand.EXIT_FAILURES);
    assertThat(twice.err()).contains("already holds 3 announcements");
    Cli unknown = Cli.run("announcements", "end", "ANN-000009", "--store", url);
    assertThat(unknown.exitCode()).isEqualTo(ItsmCommand.EXIT_FAILURES);
    assertThat(unknown.err()).contains("ANN-000009");
    Cli notEnded = Cli.run("announcements", "archive", "ANN-000003", "--store", url);
    assertThat(notEnded.exitCode()).isEqualTo(ItsmCommand.EXIT_FAILURES);
    assertThat(notEnded.err()).contains("ANN-000003").contains("PUBLISHED");
    assertThat(Cli.run("announcements", "end", "--store", url).err())
        .contains("end needs the announcement: itsm announcements end ID --store URL");
    assertThat(Cli.run("announcements", "end", "ANN-000002").exitCode())
        .isEqualTo(ItsmCommand.EXIT_USAGE);
    assertThat(Cli.run("announcements", "publish", "ANN-000002", "--store", url).err())
        .contains("ACTION must be show, samples, end or archive, but was 'publish'");

    assertThat(Cli.run("announcements", "--store", url, "--all", "--json").out())
        .isEqualTo(before);
  }
}
