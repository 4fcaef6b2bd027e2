package io.itsm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsm.examples.bench.ServiceNowExport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code itsm import}, {@code metrics} and {@code staffing} on a ServiceNow-style export. */
class MetricsCommandsTest {

  @TempDir Path dir;
  private Path csv;
  private Path store;

  @BeforeEach
  void importExport() throws Exception {
    csv = dir.resolve("export.csv");
    long rows = ServiceNowExport.write(csv, 300, 11);
    store = dir.resolve("h.jsonl");
    Cli r = Cli.run("import", "--format", "servicenow-events", "--input", csv.toString(),
        "--store", store.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains(String.format("%,d rows, 300 incidents", rows), "rows rejected: 0",
        "reopen_count:", "made_sla:", "resolved_at:", "stored in " + store);
    assertThat(Files.readAllLines(store)).hasSize(300);
  }

  @Test
  void metrics_printsATableWithAGroupPerTeamAndPriority_andTheTotal() {
    Cli r = Cli.run("metrics", "--store", store.toString(), "--to", "2016-06-01", "--by", "priority");
    assertThat(r.exitCode()).as(r.err()).isZero();
    String[] lines = r.out().split("\\R");
    assertThat(lines[0]).startsWith("priority").contains("opened", "FCR", "resp SLA", "MTTR", "TTR p90", "AHT");
    assertThat(r.out()).containsPattern("(?m)^P1 ").containsPattern("(?m)^total +300 ");
  }

  @Test
  void metrics_json_hasEveryMetric_andAgreesWithTheTable() throws Exception {
    Cli r = Cli.run("metrics", "--store", store.toString(), "--to", "2016-06-01", "--by", "team,month", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.path("by").toString()).isEqualTo("[\"team\",\"month\"]");
    assertThat(j.path("incidents").asLong()).isEqualTo(300);
    JsonNode total = j.path("total").path("metrics");
    assertThat(total.path("opened").path("count").asLong()).isEqualTo(300);
    assertThat(total.path("first-contact-resolution").path("denominator").asLong())
        .isEqualTo(total.path("resolved").path("count").asLong());
    assertThat(total.path("time-to-resolve").path("clock").asText()).isEqualTo("wall");
    assertThat(total.path("handling-time").path("clock").asText()).isEqualTo("business");
    long sum = 0;
    for (JsonNode g : j.path("groups")) {
      sum += g.path("metrics").path("opened").path("count").asLong();
    }
    assertThat(sum).isEqualTo(300);
  }

  @Test
  void metrics_withRates_addsCostPerTicket() throws Exception {
    Path rates = dir.resolve("rates.properties");
    Files.writeString(rates, "currency=EUR\ndefault=50\nteam.Group\\ 5=80\nlevel.L2=65\n");
    Cli r = Cli.run("metrics", "--store", store.toString(), "--to", "2016-06-01", "--rates", rates.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("cost/ticket").containsPattern("\\d+\\.\\d\\d EUR");
  }

  @Test
  void metrics_badInput_getsAClearMessageAndExitCode() throws Exception {
    Cli by = Cli.run("metrics", "--store", store.toString(), "--by", "teem");
    assertThat(by.exitCode()).isEqualTo(ItsmCommand.EXIT_USAGE);
    assertThat(by.err()).contains("unknown dimension 'teem'", "allowed: category");
    Cli missing = Cli.run("metrics", "--store", dir.resolve("nope.jsonl").toString());
    assertThat(missing.exitCode()).isEqualTo(ItsmCommand.EXIT_IO);
    assertThat(missing.err()).contains("no history file", "itsm import");
    Cli date = Cli.run("metrics", "--store", store.toString(), "--from", "March");
    assertThat(date.exitCode()).isEqualTo(ItsmCommand.EXIT_USAGE);
    assertThat(date.err()).contains("--from must be a date such as 2026-03-01");
    Path rates = dir.resolve("bad-rates.properties");
    Files.writeString(rates, "currency=EUR\ndefault=fifty\n");
    Cli cost = Cli.run("metrics", "--store", store.toString(), "--rates", rates.toString());
    assertThat(cost.exitCode()).isEqualTo(ItsmCommand.EXIT_USAGE);
    assertThat(cost.err()).contains("rates file", "not a number");
  }

  @Test
  void import_badInput_getsAClearMessageAndExitCode() {
    Cli fmt = Cli.run("import", "--format", "excel", "--input", csv.toString(), "--store", dir.resolve("x.jsonl").toString());
    assertThat(fmt.exitCode()).isEqualTo(ItsmCommand.EXIT_USAGE);
    assertThat(fmt.err()).contains("--format must be servicenow-events or csv");
    Cli noMapping = Cli.run("import", "--format", "csv", "--input", csv.toString(), "--store", dir.resolve("x.jsonl").toString());
    assertThat(noMapping.exitCode()).isEqualTo(ItsmCommand.EXIT_USAGE);
    assertThat(noMapping.err()).contains("--mapping FILE");
    Cli exists = Cli.run("import", "--format", "servicenow-events", "--input", csv.toString(), "--store", store.toString());
    assertThat(exists.exitCode()).isEqualTo(ItsmCommand.EXIT_USAGE);
    assertThat(exists.err()).contains("exists already");
    Cli noInput = Cli.run("import", "--format", "servicenow-events", "--input", dir.resolve("none.csv").toString(),
        "--store", dir.resolve("y.jsonl").toString());
    assertThat(noInput.exitCode()).isEqualTo(ItsmCommand.EXIT_IO);
  }

  @Test
  void staffing_printsAGridPerQueue_andTheHoursOutsideTheCalendar() {
    Cli r = Cli.run("staffing", "--store", store.toString(), "--from", "2016-03-01", "--to", "2016-04-01",
        "--handling-time", "PT20M");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("agents needed to answer 80 % within 30m", "queue (none) / PHONE",
        "Mon", "Sun", "hours with tickets outside the calendar");
    Cli bad = Cli.run("staffing", "--store", store.toString(), "--handling-time", "20 minutes");
    assertThat(bad.exitCode()).isEqualTo(ItsmCommand.EXIT_USAGE);
    assertThat(bad.err()).contains("--handling-time must be an ISO-8601 duration such as PT30M");
  }

  @Test
  void import_ofAnExportWithoutTheRequiredColumns_writesNoStore() throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "ticket,status\nINC1,New\n");
    Path target = dir.resolve("never.jsonl");
    Cli r = Cli.run("import", "--format", "servicenow-events", "--input", bad.toString(),
        "--store", target.toString());
    assertThat(r.exitCode()).isEqualTo(ItsmCommand.EXIT_FAILURES);
    assertThat(r.err()).contains("lacks the column(s) [number, incident_state, sys_updated_at]");
    assertThat(target).doesNotExist();
  }

  @Test
  void import_intoAnH2Store_storesTheSameHistories_asTheHistoryFile_andMetricsAgree() throws Exception {
    String url = "jdbc:h2:" + dir.resolve("desk").toAbsolutePath();
    Cli r = Cli.run("import", "--format", "servicenow-events", "--input", csv.toString(),
        "--store", url);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("300 incidents", "rows rejected: 0", "stored in " + url);
    Cli fromDb = Cli.run("metrics", "--store", url, "--to", "2016-06-01", "--by", "team,month", "--json");
    Cli fromFile = Cli.run("metrics", "--store", store.toString(), "--to", "2016-06-01", "--by",
        "team,month", "--json");
    assertThat(fromDb.exitCode()).as(fromDb.err()).isZero();
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(fromDb.out()).path("incidents").asLong()).isEqualTo(300);
    // the database also measures its (empty) surveys, articles and actions; the file cannot
    JsonNode db = withoutPractices(json.readTree(fromDb.out()));
    assertThat(db.path("groups")).isEqualTo(json.readTree(fromFile.out()).path("groups"));
    assertThat(db.path("total")).isEqualTo(json.readTree(fromFile.out()).path("total"));
    assertThat(json.readTree(fromDb.out()).path("total").path("metrics").path("csat")
        .path("denominator").asLong()).isZero();
    Cli again = Cli.run("import", "--format", "servicenow-events", "--input", csv.toString(),
        "--store", url);
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains(" 0 incidents", "incident already in the store");
  }

  @Test
  void metrics_ofTheDemoStore_countTheSurveysArticlesAndActions_theDemoReports() throws Exception {
    String url = "jdbc:h2:" + dir.resolve("demo").toAbsolutePath();
    Cli demo = Cli.run("demo", "--store", url);
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    java.util.regex.Matcher sent = java.util.regex.Pattern.compile("surveys sent +(\\d+)")
        .matcher(demo.out());
    java.util.regex.Matcher answered = java.util.regex.Pattern.compile("surveys answered +(\\d+)")
        .matcher(demo.out());
    assertThat(sent.find()).isTrue();
    assertThat(answered.find()).isTrue();

    Cli r = Cli.run("metrics", "--store", url, "--to", "2027-01-01", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode total = new ObjectMapper().readTree(r.out()).path("total").path("metrics");
    assertThat(total.path("csat").path("denominator").asLong())
        .isEqualTo(Long.parseLong(answered.group(1))).isPositive();
    assertThat(total.path("survey-response-rate").path("denominator").asLong())
        .isEqualTo(Long.parseLong(sent.group(1)));
    assertThat(total.path("survey-response-rate").path("numerator").asLong())
        .isEqualTo(Long.parseLong(answered.group(1)));
    assertThat(total.path("csat-score").path("count").asLong())
        .isEqualTo(Long.parseLong(answered.group(1)));
    assertThat(total.path("knowledge-use-rate").path("denominator").asLong())
        .isEqualTo(total.path("resolved").path("count").asLong());
    assertThat(total.path("articles-drafted").path("count").asLong()).isPositive();
    assertThat(total.has("overdue-actions")).isTrue();

    Cli table = Cli.run("metrics", "--store", url, "--to", "2027-01-01", "--by", "team");
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out().split("\\R")[0]).contains("CSAT", "survey resp", "KB drafted",
        "KB use", "PA overdue");
  }

  private static final java.util.Set<String> PRACTICE_METRICS = java.util.Set.of("csat",
      "csat-score", "survey-response-rate", "articles-drafted", "articles-published",
      "articles-suggested", "articles-opened", "articles-used", "articles-helped",
      "knowledge-use-rate", "overdue-actions", "overdue-action-age");

  private static JsonNode withoutPractices(JsonNode report) {
    java.util.List<JsonNode> groups = new java.util.ArrayList<>();
    report.path("groups").forEach(groups::add);
    groups.add(report.path("total"));
    for (JsonNode g : groups) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) g.path("metrics"))
          .remove(PRACTICE_METRICS);
    }
    return report;
  }

  @Test
  void import_inBatchesIntoH2_storesTheSameHistories_asOneIncidentPerTransaction() throws Exception {
    io.itsm.core.repository.InMemoryIncidentRepository memory =
        new io.itsm.core.repository.InMemoryIncidentRepository();
    io.itsm.importer.ImportSummary one = io.itsm.importer.HistoryImport.builder(
        io.itsm.importer.ColumnMapping.serviceNow()).repository(memory).build().run(csv);
    try (io.itsm.jdbc.JdbcStore db = io.itsm.jdbc.JdbcStore.open("jdbc:h2:"
        + dir.resolve("batched").toAbsolutePath())) {
      io.itsm.importer.ImportSummary batched = io.itsm.importer.HistoryImport.builder(
          io.itsm.importer.ColumnMapping.serviceNow()).repository(db.incidents()).batchSize(64)
          .build().run(csv);
      assertThat(batched.incidents()).isEqualTo(300).isEqualTo(one.incidents());
      assertThat(batched.events()).isEqualTo(one.events());
      assertThat(batched.reassignmentCount()).isEqualTo(one.reassignmentCount());
      for (io.itsm.core.incident.Incident i : memory.find(
          io.itsm.core.repository.IncidentQuery.all())) {
        assertThat(db.incidents().history(i.id())).as(i.id()).isEqualTo(memory.history(i.id()));
        assertThat(db.incidents().find(i.id())).contains(i);
      }
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.itsm.importer.HistoryImport
        .builder(io.itsm.importer.ColumnMapping.serviceNow()).batchSize(0))
        .hasMessageContaining("batch size must be 1 to 10,000");
  }
}
