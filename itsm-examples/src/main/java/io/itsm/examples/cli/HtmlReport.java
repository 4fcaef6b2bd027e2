package io.itsm.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.itsm.core.kernel.Stores;
import io.itsm.core.metrics.Dimension;
import io.itsm.core.metrics.GroupMetrics;
import io.itsm.core.metrics.Metric;
import io.itsm.core.metrics.MetricValue;
import io.itsm.core.metrics.Metrics;
import io.itsm.core.metrics.MetricsQuery;
import io.itsm.core.metrics.MetricsReport;
import io.itsm.core.repository.IncidentRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The desk's report as one self-contained HTML page: headline metrics and charts drawn by
 * Chart.js (MIT licence, v4.6.1, embedded in the page with its licence), with the data as JSON in
 * the page. No network is needed to view it.
 *
 * <p>Charts: volume over time by category, SLA compliance by priority, time to resolve by team,
 * backlog and its age by priority, backlog over time, reopen and escalation rates over time, and
 * customer satisfaction over time (CSAT and survey response rate) when the store keeps surveys.
 *
 * <p>The page records its own health for automated checks: every script error goes to {@code
 * document.body.dataset.errors} (a JSON array, {@code []} when none), {@code dataset.charts} counts
 * the charts drawn, and each canvas gets {@code data-drawn="yes"} once it has painted pixels.
 *
 * <p>Thread-safe (stateless).
 */
public final class HtmlReport {

  /** The version of the embedded Chart.js. */
  public static final String CHART_JS_VERSION = "4.6.1";

  /** How many charts the page draws at most (the CSAT chart needs a store with surveys). */
  public static final int CHARTS = 7;

  private static final int TOP_CATEGORIES = 8;
  private static final int TOP_TEAMS = 15;

  private HtmlReport() {}

  /**
   * Computes the report's metrics from a store and renders the page.
   *
   * @param repository the store
   * @param base the period, zone and SLA policy (its grouping is ignored)
   * @return the HTML page
   */
  public static String render(IncidentRepository repository, MetricsQuery base) {
    return render(Stores.none().with(IncidentRepository.class, repository), base);
  }

  /**
   * Computes the report's metrics from every store (incidents required; surveys add the CSAT
   * chart, knowledge and preventive actions their headline figures) and renders the page.
   *
   * @param stores the stores, as {@code JdbcStore.stores()} hands them out
   * @param base the period, zone and SLA policy (its grouping is ignored)
   * @return the HTML page
   * @throws io.itsm.core.ValidationException if the stores hold no incidents or a history cannot
   *     be read
   */
  public static String render(Stores stores, MetricsQuery base) {
    IncidentRepository repository = stores.find(IncidentRepository.class).orElseThrow(() ->
        new io.itsm.core.ValidationException("the report needs an IncidentRepository among the"
            + " stores"));
    Dimension unit = timeUnit(base);
    MetricsReport total = Metrics.compute(stores, base.withBy(List.of()), 1);
    MetricsReport volume = Metrics.compute(repository, base.withBy(unit, Dimension.CATEGORY));
    MetricsReport overTime = Metrics.compute(stores, base.withBy(unit), 1);
    MetricsReport byPriority = Metrics.compute(repository, base.withBy(Dimension.PRIORITY));
    MetricsReport byTeam = Metrics.compute(repository, base.withBy(Dimension.TEAM));
    return page(base, unit, total, volume, overTime, byPriority, byTeam);
  }

  /** Days for a month or less, weeks for half a year or less, else months. */
  static Dimension timeUnit(MetricsQuery q) {
    Duration span = Duration.between(q.period().from(), q.period().to());
    return span.compareTo(Duration.ofDays(31)) <= 0 ? Dimension.DAY
        : span.compareTo(Duration.ofDays(183)) <= 0 ? Dimension.WEEK : Dimension.MONTH;
  }

  private static String page(MetricsQuery q, Dimension unit, MetricsReport total,
      MetricsReport volume, MetricsReport overTime, MetricsReport byPriority, MetricsReport byTeam) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode data = m.createObjectNode();
    // the period without leading empty buckets: from the first bucket with anything in it
    TreeMap<String, GroupMetrics> byBucket = new TreeMap<>();
    overTime.groups().forEach(g -> byBucket.put(g.key().get(unit), g));
    Set<String> buckets = byBucket.keySet();
    ArrayNode labels = data.putArray("buckets");
    buckets.forEach(labels::add);
    data.put("unit", unit.id());

    Map<String, Long> catTotals = new LinkedHashMap<>();
    volume.groups().forEach(g -> catTotals.merge(g.key().get(Dimension.CATEGORY), g.count(Metric.OPENED), Long::sum));
    List<String> cats = catTotals.entrySet().stream().filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
    List<String> top = cats.subList(0, Math.min(TOP_CATEGORIES, cats.size()));
    ObjectNode vol = data.putObject("volume");
    List<String> series = new ArrayList<>(top);
    if (cats.size() > top.size()) {
      series.add("other");
    }
    for (String c : series) {
      ArrayNode a = vol.putArray(c);
      for (String b : buckets) {
        long n = 0;
        for (GroupMetrics g : volume.groups()) {
          String gc = g.key().get(Dimension.CATEGORY);
          boolean mine = c.equals("other") ? !top.contains(gc) : c.equals(gc);
          if (mine && g.key().get(unit).equals(b)) {
            n += g.count(Metric.OPENED);
          }
        }
        a.add(n);
      }
    }

    ArrayNode prio = data.putArray("priorities");
    for (GroupMetrics g : byPriority.groups()) {
      ObjectNode p = prio.addObject();
      p.put("priority", g.key().get(Dimension.PRIORITY));
      putRate(p, "response", g.rate(Metric.RESPONSE_SLA));
      putRate(p, "resolution", g.rate(Metric.RESOLUTION_SLA));
      p.put("backlog", g.count(Metric.BACKLOG));
      MetricValue.Durations age = g.durations(Metric.BACKLOG_AGE);
      p.put("ageMedianDays", age.median().toMinutes() / 1440.0);
      p.put("ageP90Days", age.p90().toMinutes() / 1440.0);
    }

    ArrayNode teams = data.putArray("teams");
    byTeam.groups().stream().filter(g -> g.count(Metric.RESOLVED) > 0)
        .sorted(Comparator.comparingLong((GroupMetrics g) -> g.count(Metric.RESOLVED)).reversed())
        .limit(TOP_TEAMS).forEach(g -> {
          ObjectNode t = teams.addObject();
          t.put("team", g.key().get(Dimension.TEAM));
          t.put("resolved", g.count(Metric.RESOLVED));
          MetricValue.Durations d = g.durations(Metric.TIME_TO_RESOLVE);
          t.put("meanHours", d.mean().toMinutes() / 60.0);
          t.put("medianHours", d.median().toMinutes() / 60.0);
          t.put("p90Hours", d.p90().toMinutes() / 60.0);
        });

    ObjectNode rates = data.putObject("rates");
    ArrayNode reopen = rates.putArray("reopen");
    ArrayNode functional = rates.putArray("functional");
    ArrayNode hierarchical = rates.putArray("hierarchical");
    ArrayNode backlog = data.putArray("backlog");
    for (GroupMetrics g : byBucket.values()) {
      percent(reopen, g.rate(Metric.REOPEN_RATE));
      percent(functional, g.rate(Metric.FUNCTIONAL_ESCALATION_RATE));
      percent(hierarchical, g.rate(Metric.HIERARCHICAL_ESCALATION_RATE));
      backlog.add(g.count(Metric.BACKLOG));
    }
    boolean csat = total.total().value(Metric.CSAT).isPresent();
    if (csat) {
      ObjectNode c = data.putObject("csat");
      ArrayNode share = c.putArray("csat");
      ArrayNode response = c.putArray("response");
      ArrayNode answers = c.putArray("answers");
      for (GroupMetrics g : byBucket.values()) {
        percent(share, g.rate(Metric.CSAT));
        percent(response, g.rate(Metric.SURVEY_RESPONSE_RATE));
        answers.add(g.rate(Metric.CSAT).denominator());
      }
    }

    StringBuilder html = new StringBuilder(260_000);
    html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Service desk report</title>\n")
        // first of all: record every error, so a check can tell the page drew cleanly
        .append("<script>window.__itsmErrors=[];window.addEventListener('error',function(e){")
        .append("window.__itsmErrors.push(String(e.message||e));});(function(){var ce=console.error;")
        .append("console.error=function(){window.__itsmErrors.push(Array.prototype.join.call(arguments,' '));")
        .append("ce.apply(console,arguments);};})();</script>\n")
        .append("<style>\n").append(CSS).append("</style>\n")
        .append("<script>\n").append(resource("chart.umd.min.js")).append("\n</script>\n")
        .append("</head>\n<body>\n<h1>Service desk report</h1>\n")
        .append("<p class=\"period\">").append(esc(q.period().from().equals(io.itsm.core.metrics.Period.BEGINNING)
            ? "From the first incident" : q.period().from().toString())).append(" to ")
        .append(esc(q.period().to().toString())).append(" (").append(esc(q.zone().getId()))
        .append("), ").append(String.format(Locale.ROOT, "%,d", total.incidents()))
        .append(" incidents read. Definitions: docs/metrics.md.</p>\n")
        .append(headline(total.total()))
        .append(section("volume", "Tickets opened per " + unit.id() + " by category"))
        .append(section("sla", "SLA compliance by priority (met / with an outcome)"))
        .append(section("mttr", "Time to resolve by team (hours, wall clock)"))
        .append(section("backlogAge", "Backlog at the end of the period and its age by priority"))
        .append(section("backlogOverTime", "Backlog at the end of each " + unit.id()))
        .append(section("rates", "Reopen and escalation rates per " + unit.id()
            + " (share of resolved incidents)"))
        .append(csat ? section("csat", "Customer satisfaction per " + unit.id() + ": CSAT (share of"
            + " survey answers scoring 4 or 5 of 5) and survey response rate")
            : "<p class=\"note\">Customer satisfaction (CSAT) is not shown: this store keeps no"
                + " surveys (a history file keeps incidents only; a database store keeps the"
                + " surveys of the improvement practices).</p>\n")
        .append("<script>\nconst DATA = ").append(data.toString().replace("</", "<\\/"))
        .append(";\n").append(resource("report.js")).append("\n</script>\n")
        .append("<footer><details><summary>Chart.js ").append(CHART_JS_VERSION)
        .append(" licence</summary><pre>").append(esc(resource("chart.js-LICENSE.md")))
        .append("</pre></details></footer>\n</body>\n</html>\n");
    return html.toString();
  }

  /**
   * Counts the charts of a rendered page.
   *
   * @param page the page {@link #render} returned
   * @return how many charts it draws
   */
  public static int chartsIn(String page) {
    int n = 0;
    for (int i = page.indexOf("<canvas "); i >= 0; i = page.indexOf("<canvas ", i + 1)) {
      n++;
    }
    return n;
  }

  private static void putRate(ObjectNode n, String name, MetricValue.Rate r) {
    r.value().ifPresentOrElse(v -> n.put(name, Math.round(v * 1000) / 10.0), () -> n.putNull(name));
  }

  private static void percent(ArrayNode a, MetricValue.Rate r) {
    r.value().ifPresentOrElse(v -> a.add(Math.round(v * 1000) / 10.0), a::addNull);
  }

  private static String headline(GroupMetrics t) {
    List<String[]> cells = List.of(
        new String[] {"opened", String.format(Locale.ROOT, "%,d", t.count(Metric.OPENED))},
        new String[] {"resolved", String.format(Locale.ROOT, "%,d", t.count(Metric.RESOLVED))},
        new String[] {"backlog", String.format(Locale.ROOT, "%,d", t.count(Metric.BACKLOG))},
        new String[] {"first-contact resolution", rate(t.rate(Metric.FIRST_CONTACT_RESOLUTION))},
        new String[] {"response SLA met", rate(t.rate(Metric.RESPONSE_SLA))},
        new String[] {"resolution SLA met", rate(t.rate(Metric.RESOLUTION_SLA))},
        new String[] {"mean time to resolve", dur(t.durations(Metric.TIME_TO_RESOLVE))},
        new String[] {"mean handling time", dur(t.durations(Metric.HANDLING_TIME))},
        new String[] {"reopen rate", rate(t.rate(Metric.REOPEN_RATE))});
    cells = new ArrayList<>(cells);
    if (t.value(Metric.CSAT).isPresent()) {
      cells.add(new String[] {"CSAT", rate(t.rate(Metric.CSAT))});
      cells.add(new String[] {"survey response rate", rate(t.rate(Metric.SURVEY_RESPONSE_RATE))});
    }
    if (t.value(Metric.KNOWLEDGE_USE_RATE).isPresent()) {
      cells.add(new String[] {"resolved with an article", rate(t.rate(Metric.KNOWLEDGE_USE_RATE))});
      cells.add(new String[] {"articles drafted", String.format(Locale.ROOT, "%,d",
          t.count(Metric.ARTICLES_DRAFTED))});
    }
    if (t.value(Metric.OVERDUE_ACTIONS).isPresent()) {
      cells.add(new String[] {"preventive actions overdue", String.format(Locale.ROOT, "%,d",
          t.count(Metric.OVERDUE_ACTIONS))});
    }
    StringBuilder sb = new StringBuilder("<div class=\"headline\">\n");
    for (String[] c : cells) {
      sb.append("<div class=\"kpi\"><span class=\"v\">").append(esc(c[1]))
          .append("</span><span class=\"k\">").append(esc(c[0])).append("</span></div>\n");
    }
    return sb.append("</div>\n").toString();
  }

  private static String rate(MetricValue.Rate r) {
    return r.value().map(v -> String.format(Locale.ROOT, "%.1f %%", 100 * v)).orElse("—");
  }

  private static String dur(MetricValue.Durations d) {
    return d.count() == 0 ? "—" : MetricsTable.duration(d.mean());
  }

  private static String section(String id, String title) {
    return "<section><h2>" + esc(title) + "</h2><canvas id=\"" + id
        + "\" width=\"1100\" height=\"360\" role=\"img\" aria-label=\"" + esc(title)
        + "\"></canvas></section>\n";
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream("report/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource report/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String CSS = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1160px;color:#222}
      h1{margin-bottom:4px}h2{font-size:1.05em;margin:28px 0 8px}
      .period,.note{color:#555}
      .headline{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
      .kpi{border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:150px}
      .kpi .v{display:block;font-size:1.5em;font-weight:600}.kpi .k{color:#666;font-size:.85em}
      section{border-top:1px solid #eee}
      footer{margin-top:32px;color:#777;font-size:.8em}
      """;
}
