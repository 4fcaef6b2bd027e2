package io.itsm.examples.cli;

import io.itsm.core.ItsmException;
import io.itsm.core.incident.SupportLevel;
import io.itsm.core.metrics.CostModel;
import io.itsm.core.metrics.Dimension;
import io.itsm.core.metrics.Metrics;
import io.itsm.core.metrics.MetricsQuery;
import io.itsm.core.metrics.MetricsReport;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code itsm metrics}: the desk's assessment indicators from a store's event histories, for a
 * period and a grouping, as a table or JSON.
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = {
      "Compute the desk's metrics from a store's event histories: volumes and backlog,"
          + " first-contact resolution, SLA compliance, times to acknowledge and resolve, handling"
          + " time, reopen, reassignment and escalation rates, cost per ticket; from a database"
          + " store also CSAT and survey response rate, knowledge contributions and use, and"
          + " overdue preventive actions.",
      "Each metric is defined in docs/metrics.md."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:a stored history cannot be read", "2:usage error",
        "3:the store or a file cannot be read"})
final class MetricsCommand extends Subcommand {

  @Mixin PeriodOptions period;

  @Option(names = "--by", split = ",", paramLabel = "DIMENSION",
      description = "Group by these, comma-separated: category, subcategory, priority, team,"
          + " assignee, level, channel, service, department, language, sla-targets, and one of"
          + " month, week, day.")
  List<String> by = new ArrayList<>();

  @Option(names = "--json", description = "Print JSON (every metric, with its clock) instead of a table.")
  boolean json;

  @Option(names = "--rates", paramLabel = "FILE",
      description = "Hourly rates for cost per ticket, a properties file: currency=EUR, default=50,"
          + " team.<team>=80, level.<L1|L2|L3|VENDOR>=65.")
  Path rates;

  @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
      description = "Threads folding histories (default: ${DEFAULT-VALUE}).")
  int threads;

  @Override
  int execute() {
    MetricsQuery q = query();
    MetricsReport r;
    try (HistoryStores.Opened store = HistoryStores.forReading(period.store)) {
      r = Metrics.compute(store.stores(), q, threads);
    } catch (ItsmException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, "metrics of " + period.store + ": " + e.getMessage());
    }
    if (json) {
      out().println(MetricsTable.json(r));
    } else {
      MetricsTable.print(r, out());
    }
    return ItsmCommand.EXIT_OK;
  }

  private MetricsQuery query() {
    List<Dimension> dims = new ArrayList<>();
    try {
      for (String d : by) {
        if (!d.isBlank()) {
          dims.add(Dimension.parse(d));
        }
      }
      MetricsQuery q = MetricsQuery.of(period.period(PeriodOptions.utc())).withZone(period.zone())
          .withBy(dims);
      if (threads < 1) {
        throw new CliException(ItsmCommand.EXIT_USAGE, "--threads must be 1 or more, but was " + threads);
      }
      return rates == null ? q : q.withCostModel(costModel(rates));
    } catch (io.itsm.core.ValidationException e) {
      throw new CliException(ItsmCommand.EXIT_USAGE, "--by: " + e.getMessage());
    }
  }

  /**
   * Reads a rates file.
   *
   * @param file the properties file
   * @return the cost model
   */
  static CostModel costModel(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw CliException.cannotRead("rates file", file.toString(), e);
    }
    String currency = p.getProperty("currency");
    String def = p.getProperty("default");
    if (currency == null || def == null) {
      throw new CliException(ItsmCommand.EXIT_USAGE, "rates file " + file + " needs currency= and"
          + " default= (the hourly rate of work without a team or level rate)");
    }
    try {
      CostModel m = CostModel.of(currency, new BigDecimal(def.trim()));
      for (String k : p.stringPropertyNames()) {
        String v = p.getProperty(k).trim();
        if (k.startsWith("team.")) {
          m = m.withTeamRate(k.substring(5), new BigDecimal(v));
        } else if (k.startsWith("level.")) {
          m = m.withLevelRate(SupportLevel.valueOf(k.substring(6).toUpperCase(Locale.ROOT)), new BigDecimal(v));
        } else if (!k.equals("currency") && !k.equals("default")) {
          throw new CliException(ItsmCommand.EXIT_USAGE, "rates file " + file + ": unknown key '" + k
              + "'; keys are currency, default, team.<team>, level.<L1|L2|L3|VENDOR>");
        }
      }
      return m;
    } catch (NumberFormatException e) {
      throw new CliException(ItsmCommand.EXIT_USAGE, "rates file " + file + ": a rate is not a"
          + " number (" + e.getMessage() + "); write rates like 65 or 72.50");
    } catch (IllegalArgumentException e) {
      throw new CliException(ItsmCommand.EXIT_USAGE, "rates file " + file + ": " + e.getMessage()
          + "; levels are L1, L2, L3, VENDOR");
    }
  }
}
