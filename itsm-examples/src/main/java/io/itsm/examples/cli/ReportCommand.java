package io.itsm.examples.cli;

import io.itsm.core.ItsmException;
import io.itsm.core.metrics.MetricsQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code itsm report}: the desk's report as one self-contained HTML page with charts ({@link
 * HtmlReport}).
 *
 * <p>Not thread-safe.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write the desk's report as one self-contained HTML page with charts (Chart.js embedded):"
          + " volume over time by category, SLA compliance by priority, time to resolve by team,"
          + " backlog and its age, reopen and escalation rates, and customer satisfaction (CSAT)"
          + " when the store keeps surveys."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:a stored history cannot be read", "2:usage error",
        "3:the store cannot be read or the page cannot be written"})
final class ReportCommand extends Subcommand {

  @Mixin PeriodOptions period;

  @Option(names = "--html", required = true, paramLabel = "FILE", description = "The page to write.")
  Path html;

  @Override
  int execute() {
    MetricsQuery q = MetricsQuery.of(period.period(PeriodOptions.utc())).withZone(period.zone());
    String page;
    try (HistoryStores.Opened store = HistoryStores.forReading(period.store)) {
      page = HtmlReport.render(store.stores(), q);
    } catch (ItsmException e) {
      throw new CliException(ItsmCommand.EXIT_FAILURES, "report of " + period.store + ": " + e.getMessage());
    }
    try {
      Files.writeString(html, page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CliException.cannotWrite("report", html.toString(), e);
    }
    out().println("wrote " + html + " (" + (page.length() / 1024) + " KB, " + HtmlReport.chartsIn(page)
        + " charts); open it in a browser");
    return ItsmCommand.EXIT_OK;
  }
}
