package io.itsm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.core.json.ItsmJson;
import io.itsm.jdbc.testkit.PostgresTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCommandsTest {

  @TempDir Path dir;

  private String h2(String name) {
    return "jdbc:h2:" + dir.resolve(name).toAbsolutePath();
  }

  @Test
  void demoWithAStore_persists_andIncidentsAndHistoryReadItBack() throws IOException {
    Path input = Files.writeString(dir.resolve("t.jsonl"), TestFiles.PRINTER + "\n" + TestFiles.VPN_VIP + "\n");
    String url = h2("desk");

    Cli demo = Cli.run("demo", "--input", input.toString(), "--store", url);
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(demo.out()).contains("stored in " + url).containsPattern(
        ": 2 incidents, \\d+ post-incident reviews, .* and \\d+ knowledge articles");

    Cli kb = Cli.run("kb", "search", "--store", url, "printer", "jam");
    assertThat(kb.exitCode()).as(kb.err()).isZero();
    assertThat(kb.out()).contains("KB-000002").contains("matched 'printer'");
    assertThat(Cli.run("kb", "search", "--store", url, "--kb", "x.jsonl", "vpn").exitCode())
        .isEqualTo(2);

    Cli all = Cli.run("incidents", "--store", url);
    assertThat(all.exitCode()).isZero();
    assertThat(all.out()).contains("INC-000001  CLOSED").contains("INC-000002  CLOSED").endsWith("2 incidents\n");

    Cli network = Cli.run("incidents", "--store", url, "--status", "CLOSED", "--team", "network-ops");
    assertThat(network.out()).doesNotContain("INC-000001 ").contains("INC-000002").endsWith("1 incident\n");

    Cli json = Cli.run("incidents", "--store", url, "--json");
    assertThat(json.out().lines()).hasSize(2)
        .allSatisfy(line -> assertThat(ItsmJson.defaults().readIncident(line).status().name()).isEqualTo("CLOSED"));

    Cli history = Cli.run("history", "--store", url, "INC-000002");
    assertThat(history.exitCode()).isZero();
    assertThat(history.out()).startsWith("== INC-000002").contains("IncidentLogged").contains("Closed");

    Cli historyJson = Cli.run("history", "--store", url, "INC-000002", "--json");
    assertThat(ItsmJson.defaults().readHistory(historyJson.out())).hasSizeGreaterThan(5);
  }

  @Test
  void demoWithAStoreThatHoldsIncidents_isRefused_andChangesNothing() throws IOException {
    Path input = Files.writeString(dir.resolve("t.jsonl"), TestFiles.PRINTER + "\n");
    String url = h2("used");
    assertThat(Cli.run("demo", "--input", input.toString(), "--store", url).exitCode()).isZero();

    Cli again = Cli.run("demo", "--input", input.toString(), "--store", url);

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("holds 1 incidents and").contains("give it an empty database");
    assertThat(Cli.run("incidents", "--store", url).out()).endsWith("1 incident\n");
  }

  @Test
  void readingAStoreThatDoesNotExist_exits3_andCreatesNothing() {
    Cli r = Cli.run("incidents", "--store", h2("missing"));

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("no store at").contains("make one with: itsm demo --store");
    assertThat(dir.resolve("missing.mv.db")).doesNotExist();
  }

  @Test
  void historyOfAnUnknownIncident_exits1_andABadUrl_exits2() throws IOException {
    Path input = Files.writeString(dir.resolve("t.jsonl"), TestFiles.PRINTER + "\n");
    String url = h2("one");
    Cli.run("demo", "--input", input.toString(), "--store", url);

    Cli unknown = Cli.run("history", "--store", url, "INC-000404");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo("itsm: no incident INC-000404 in the store " + url
        + "; list them with: itsm incidents --store " + url + "\n");

    Cli badUrl = Cli.run("incidents", "--store", "desk.db");
    assertThat(badUrl.exitCode()).isEqualTo(2);
    assertThat(badUrl.err()).contains("--store must be a JDBC URL such as jdbc:h2:./desk");
  }

  @Test
  void theDemoOnPostgreSql_readsTheSameAsOnH2() throws IOException {
    Path input = Files.writeString(dir.resolve("t.jsonl"), TestFiles.PRINTER + "\n" + TestFiles.VPN_VIP + "\n");
    PostgresTestServer pg = PostgresTestServer.shared();
    pg.createDatabase("cli_demo");
    String url = pg.jdbcUrl("cli_demo");
    String h2 = h2("same");

    assertThat(Cli.run("demo", "--input", input.toString(), "--store", url).exitCode()).isZero();
    assertThat(Cli.run("demo", "--input", input.toString(), "--store", h2).exitCode()).isZero();

    assertThat(Cli.run("incidents", "--store", url, "--json").out())
        .isEqualTo(Cli.run("incidents", "--store", h2, "--json").out());
    assertThat(Cli.run("history", "--store", url, "INC-000001").out())
        .isEqualTo(Cli.run("history", "--store", h2, "INC-000001").out());
  }

  @Test
  void theDemosStore_holdsItsReviewsAndActions_andReviewsAndActionsReadThemAsTheDemoRunsThem() {
    String url = h2("loop");
    Cli demo = Cli.run("demo", "--store", url);
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(demo.out()).contains(" incidents, 7 post-incident reviews, 2 preventive actions, ")
        .contains("itsm reviews --store " + url);

    Cli reviews = Cli.run("reviews", "--store", url);
    assertThat(reviews.exitCode()).as(reviews.err()).isZero();
    assertThat(reviews.out()).contains("PIR-000001").endsWith("\n7 reviews\n");
    // the same reviews as the demo's run in memory (whose listing names the export's instant)
    assertThat(withoutLastLine(reviews.out()))
        .isEqualTo(withoutLastLine(Cli.run("reviews", "--demo").out()));

    String at = "2026-06-01T00:00:00Z";
    Cli actions = Cli.run("actions", "--store", url, "--all", "--at", at);
    assertThat(actions.exitCode()).as(actions.err()).isZero();
    assertThat(actions.out()).contains("PA-000001").contains("PA-000002")
        .isEqualTo(Cli.run("actions", "--demo", "--all", "--at", at).out());
    assertThat(Cli.run("actions", "--store", url, "--json", "--all").out().lines())
        .hasSize(2)
        .allSatisfy(line -> assertThat(ItsmJson.defaults().improvement().readAction(line).reviewId())
            .isEqualTo("PIR-000001"));
  }

  @Test
  void reviewsOfAStoreThatDoesNotExist_exits3_andOneSourceOnlyIsAllowed() {
    Cli missing = Cli.run("reviews", "--store", h2("nothing"));
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.err()).contains("no store at");
    assertThat(dir.resolve("nothing.mv.db")).doesNotExist();

    assertThat(Cli.run("actions", "--store", h2("nothing"), "--demo").exitCode()).isEqualTo(2);
    Cli badUrl = Cli.run("actions", "--store", "desk.db");
    assertThat(badUrl.exitCode()).isEqualTo(2);
    assertThat(badUrl.err()).contains("--store must be a JDBC URL");
  }

  private static String withoutLastLine(String text) {
    String t = text.stripTrailing();
    return t.substring(0, t.lastIndexOf('\n') + 1);
  }
}
