package io.itsm.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsm.examples.bench.BenchSuite.Row;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The suite runs end to end (smoke counts) and its table has every measure with a baseline. */
class BenchSuiteTest {

  /** The rows of the seven measures, by the start of their name, in table order. */
  private static final List<String> MEASURES = List.of(
      "one ticket, default packs, 1 thread",
      "one ticket, default packs, 2 threads",
      "bulk triage per ticket, default packs, batches of 1,000",
      "one ticket at a time, same run",
      "Drools floor",
      "best ratio of any per-ticket Drools design",
      "Drools floor + 7 DecidedSoFar updates per ticket, a kept session per ticket",
      "Drools floor + 7 DecidedSoFar updates per ticket, one session per batch of 1,000",
      "best ratio of a one-session bulk design",
      "what one session per batch saves per ticket",
      "scaling: 10 dictionary",
      "scaling: 100 dictionary",
      "scaling: 1,000 dictionary",
      "scaling: 10,000 dictionary",
      "scaling: cost at 10,000 / cost at 10",
      "warm rebuild of the default packs",
      "cold start, fresh JVM to first decision",
      "cold start with 10 team rules compiled from DRL",
      "cold start with 10 team rules, compiled-rules cache after the first start",
      "retained heap of the default engine",
      "heap after 2,000 triages vs after 1,000",
      "SLA due date",
      "SLA evaluation of a whole incident",
      "full lifecycle, in-memory desk, 1 thread",
      "full lifecycle, 2 threads on one desk",
      "impact analysis, 2,000 CIs",
      "impact analysis, 2,000 CIs",
      "triage with CMDB and announcement facts",
      "triage with CMDB and announcement facts (baseline: default packs alone), thread CPU",
      "triage with CMDB and announcement facts but the cmdb and announcements packs left out",
      "CLI triage of 100 tickets",
      "tick, 100 open incidents due, 2,000 closed stored",
      "tick, nothing due, 2,000 closed stored",
      "comment on an incident of 10,000 events",
      "learning: train a category model on 500",
      "learning: one prediction",
      "learning: one ticket, default packs with the model vs without",
      "similar incidents: 5 most similar of 2,000",
      "metrics of 20,000 streamed incidents by team and priority, 1 thread",
      "metrics of 20,000 streamed incidents by team and priority, 2 threads",
      "import of a ServiceNow export, 500 incidents / 2,871 rows, replayed into an H2 file",
      "import of a ServiceNow export, 500 incidents / 2,871 rows, replayed into an H2 file, up to"
          + " 200 incidents per transaction",
      "the same in process CPU time, all threads",
      "import of a ServiceNow export, 500 incidents / 2,871 rows, replayed into memory",
      "store: lifecycle on PostgreSQL (durable) vs the same transactions as plain JDBC",
      "store: lifecycle on an H2 file vs the same transactions as plain JDBC",
      "store: lifecycle on PostgreSQL vs in memory",
      "store: lifecycle on an H2 file vs in memory",
      "store: find by status and team, 2,000 stored, PostgreSQL",
      "store: the same without the record cache",
      "store: find by status and team, 2,000 stored, H2 file",
      "store: the same without the record cache",
      "knowledge: index 1,000 articles",
      "knowledge: index size of 1,000 articles",
      "knowledge: suggest 5 of 1,000 articles",
      "Kafka: triage through a local broker, 1 stream thread, per ticket, 200 tickets",
      "Kafka: triage with a time budget through a local broker, 1 stream thread, per ticket, 200",
      "Kafka: triage through a local broker, 2 stream threads, per ticket, 200 tickets");

  /** Rows the issue asks for without a plain-Java baseline to pair them with (yet). */
  private static final List<String> WITHOUT_BASELINE = List.of("SLA evaluation of a whole incident",
      "learning: train", "learning: one prediction", "similar incidents",
      "store: find by", "store: the same without the record cache", "knowledge: index size");

  @Test
  void smoke_printsOneTable_withEveryMeasureAndItsBaseline() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    List<Row> rows = BenchSuite.run(BenchSuite.Mode.SMOKE, false, BenchSuite.MEASURES, out);

    assertThat(rows).extracting(Row::measure).hasSize(MEASURES.size());
    for (int i = 0; i < MEASURES.size(); i++) {
      Row r = rows.get(i);
      assertThat(r.measure()).startsWith(MEASURES.get(i));
      assertThat(r.value()).as("value of %s", r.measure()).matches(".*\\d.*");
      assertThat(r.target()).as("target of %s", r.measure()).isNotBlank();
      assertThat(r.met()).as("met? of %s", r.measure()).isIn("yes", "**no**", "—");
      if (WITHOUT_BASELINE.stream().anyMatch(r.measure()::startsWith)) {
        assertThat(r.baseline()).isEqualTo(BenchSuite.NO_BASELINE);
      } else {
        assertThat(r.baseline()).as("baseline of %s", r.measure()).matches(".*\\d.*");
      }
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed).containsPattern(
        "\\| measure +\\| value +\\| baseline +\\| ratio +\\| target +\\| met\\? +\\|");
    assertThat(printed).contains("itsm bench suite, smoke").contains("CLI on 100 tickets");
    for (Row r : rows) {
      assertThat(printed).contains("| " + r.measure() + " ");
    }
  }

  @Test
  void table_isMarkdown_withAlignedColumns() {
    String table = BenchSuite.table(List.of(
        new Row("a", "1 µs", "2 µs", "0.50 ×", "≤ 1.3 ×", "yes"),
        new Row("longer measure", "10 µs", "none", "—", "—", "—")));

    assertThat(table.lines().toList()).containsExactly(
        "| measure        | value | baseline | ratio  | target  | met? |",
        "|----------------|-------|----------|--------|---------|------|",
        "| a              | 1 µs  | 2 µs     | 0.50 × | ≤ 1.3 × | yes  |",
        "| longer measure | 10 µs | none     | —      | —       | —    |");
  }
}
