package io.itsm.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsm.core.metrics.Dimension;
import io.itsm.core.metrics.GroupMetrics;
import io.itsm.core.metrics.Metric;
import io.itsm.core.metrics.MetricValue;
import io.itsm.core.metrics.MetricsReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints a {@link MetricsReport} as a table (the headline metrics, one row per group and a total)
 * or as JSON (every metric with its definition). Used by {@code itsm metrics} and the demo.
 *
 * <p>Thread-safe (stateless).
 */
public final class MetricsTable {

  private MetricsTable() {}

  /** A column of the table. */
  private record Column(String title, Metric metric, String what) {}

  private static final List<Column> COLUMNS = List.of(
      new Column("opened", Metric.OPENED, "count"),
      new Column("resolved", Metric.RESOLVED, "count"),
      new Column("closed", Metric.CLOSED, "count"),
      new Column("backlog", Metric.BACKLOG, "count"),
      new Column("FCR", Metric.FIRST_CONTACT_RESOLUTION, "rate"),
      new Column("resp SLA", Metric.RESPONSE_SLA, "rate"),
      new Column("res SLA", Metric.RESOLUTION_SLA, "rate"),
      new Column("MTTA", Metric.TIME_TO_ACKNOWLEDGE, "mean"),
      new Column("MTTR", Metric.TIME_TO_RESOLVE, "mean"),
      new Column("TTR p50", Metric.TIME_TO_RESOLVE, "median"),
      new Column("TTR p90", Metric.TIME_TO_RESOLVE, "p90"),
      new Column("AHT", Metric.HANDLING_TIME, "mean"),
      new Column("reopen", Metric.REOPEN_RATE, "rate"),
      new Column("reassign", Metric.REASSIGNMENTS_PER_INCIDENT, "mean"),
      new Column("esc fn", Metric.FUNCTIONAL_ESCALATION_RATE, "rate"),
      new Column("esc hi", Metric.HIERARCHICAL_ESCALATION_RATE, "rate"),
      new Column("cost/ticket", Metric.COST_PER_TICKET, "money"),
      new Column("CSAT", Metric.CSAT, "rate"),
      new Column("score", Metric.CSAT_SCORE, "mean"),
      new Column("survey resp", Metric.SURVEY_RESPONSE_RATE, "rate"),
      new Column("KB drafted", Metric.ARTICLES_DRAFTED, "count"),
      new Column("KB publ", Metric.ARTICLES_PUBLISHED, "count"),
      new Column("KB sugg", Metric.ARTICLES_SUGGESTED, "count"),
      new Column("KB opened", Metric.ARTICLES_OPENED, "count"),
      new Column("KB used", Metric.ARTICLES_USED, "count"),
      new Column("KB helped", Metric.ARTICLES_HELPED, "count"),
      new Column("KB use", Metric.KNOWLEDGE_USE_RATE, "rate"),
      new Column("PA overdue", Metric.OVERDUE_ACTIONS, "count"));

  /**
   * Prints the table.
   *
   * @param r the report
   * @param out where to print
   */
  public static void print(MetricsReport r, PrintWriter out) {
    List<Column> cols = COLUMNS.stream()
        .filter(c -> r.total().value(c.metric()).isPresent()).toList();
    List<String> header = new ArrayList<>();
    String keyTitle = r.query().by().isEmpty() ? "" :
        r.query().by().stream().map(Dimension::id).collect(Collectors.joining(" / "));
    header.add(keyTitle);
    cols.forEach(c -> header.add(c.title()));
    List<List<String>> rows = new ArrayList<>();
    if (!r.query().by().isEmpty()) {
      for (GroupMetrics g : r.groups()) {
        rows.add(row(String.join(" / ", g.key().values()), g, cols));
      }
    }
    rows.add(row("total", r.total(), cols));
    int[] w = new int[header.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = header.get(i).length();
      for (List<String> row : rows) {
        w[i] = Math.max(w[i], row.get(i).length());
      }
    }
    out.println(line(header, w));
    for (List<String> row : rows) {
      out.println(line(row, w));
    }
    String from = r.query().period().from().equals(io.itsm.core.metrics.Period.BEGINNING)
        ? "from the first incident" : r.query().period().from().toString();
    out.printf(Locale.ROOT, "%s to %s, %,d incidents read; columns defined in docs/metrics.md%n",
        from, r.query().period().to(), r.incidents());
  }

  private static String line(List<String> cells, int[] w) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i == 0) {
        sb.append(String.format("%-" + w[i] + "s", cells.get(i)));
      } else {
        sb.append("  ").append(String.format("%" + w[i] + "s", cells.get(i)));
      }
    }
    return sb.toString().stripTrailing();
  }

  private static List<String> row(String name, GroupMetrics g, List<Column> cols) {
    List<String> cells = new ArrayList<>();
    cells.add(name);
    for (Column c : cols) {
      MetricValue v = g.value(c.metric()).orElseThrow();
      cells.add(cell(v, c.what()));
    }
    return cells;
  }

  private static String cell(MetricValue v, String what) {
    if (v instanceof MetricValue.Count c) {
      return String.format(Locale.ROOT, "%,d", c.value());
    } else if (v instanceof MetricValue.Rate r) {
      return r.value().map(x -> String.format(Locale.ROOT, "%.0f %%", 100 * x)).orElse("—");
    } else if (v instanceof MetricValue.Mean m) {
      return m.value().map(x -> String.format(Locale.ROOT, "%.2f", x)).orElse("—");
    } else if (v instanceof MetricValue.Durations d) {
      if (d.count() == 0) {
        return "—";
      }
      return duration(switch (what) {
        case "median" -> d.median();
        case "p90" -> d.p90();
        default -> d.mean();
      });
    } else if (v instanceof MetricValue.Money m) {
      return m.count() == 0 ? "—" : m.amount().toPlainString() + " " + m.currency();
    }
    throw new IllegalStateException("unknown value " + v);
  }

  /**
   * Formats a duration the short way: {@code 45s}, {@code 12m}, {@code 3h05m}, {@code 2d04h}.
   *
   * @param d the duration
   * @return the text
   */
  public static String duration(Duration d) {
    long s = d.getSeconds();
    if (s < 60) {
      return s + "s";
    }
    long m = s / 60;
    if (m < 60) {
      return m + "m";
    }
    long h = m / 60;
    if (h < 24) {
      return String.format(Locale.ROOT, "%dh%02dm", h, m % 60);
    }
    return String.format(Locale.ROOT, "%dd%02dh", h / 24, h % 24);
  }

  /**
   * Writes the report as JSON: the query, each group with every metric's value, and the total.
   *
   * @param r the report
   * @return the JSON text (pretty-printed)
   */
  public static String json(MetricsReport r) {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = m.createObjectNode();
    root.put("from", r.query().period().from().toString());
    root.put("to", r.query().period().to().toString());
    root.put("zone", r.query().zone().getId());
    ArrayNode by = root.putArray("by");
    r.query().by().forEach(d -> by.add(d.id()));
    root.put("incidents", r.incidents());
    ArrayNode groups = root.putArray("groups");
    if (!r.query().by().isEmpty()) {
      r.groups().forEach(g -> groups.add(group(m, g)));
    }
    root.set("total", group(m, r.total()));
    try {
      return m.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode group(ObjectMapper m, GroupMetrics g) {
    ObjectNode n = m.createObjectNode();
    ObjectNode key = n.putObject("key");
    g.key().forEach((d, v) -> key.put(d.id(), v));
    ObjectNode metrics = n.putObject("metrics");
    for (Map.Entry<Metric, MetricValue> e : g.values().entrySet()) {
      ObjectNode x = metrics.putObject(e.getKey().id());
      MetricValue v = e.getValue();
      if (v instanceof MetricValue.Count c) {
        x.put("count", c.value());
      } else if (v instanceof MetricValue.Rate r) {
        x.put("numerator", r.numerator()).put("denominator", r.denominator());
        r.value().ifPresentOrElse(y -> x.put("value", y), () -> x.putNull("value"));
      } else if (v instanceof MetricValue.Mean mean) {
        x.put("sum", mean.sum()).put("count", mean.count());
        mean.value().ifPresentOrElse(y -> x.put("value", y), () -> x.putNull("value"));
      } else if (v instanceof MetricValue.Durations d) {
        x.put("count", d.count()).put("meanSeconds", d.mean().toMillis() / 1000.0)
            .put("medianSeconds", d.median().getSeconds()).put("p90Seconds", d.p90().getSeconds())
            .put("maxSeconds", d.max().getSeconds()).put("exact", d.exact());
      } else if (v instanceof MetricValue.Money money) {
        x.put("amount", money.amount()).put("currency", money.currency()).put("count", money.count());
      }
      x.put("clock", e.getKey().clock().name().toLowerCase(Locale.ROOT));
    }
    return n;
  }
}
